/**
 * `npm start`: change a Redis instance's spec and wait for the task it started, end to end, on this machine.
 *
 * A local R-KVStore emulator stands in for Alibaba Cloud (real HTTP, real signatures, at 30x speed: the
 * 10-minute spec change takes about 20 s). The official SDK sends ModifyInstanceSpec; `mutateAndWait` finds the
 * task that call started through DescribeTasks and follows it step by step until it completes.
 */
import Kvstore, * as $Kvstore from '@alicloud/r-kvstore20150101';
import { createSdkClient, createTasksClient, mutateAndWait } from '../src';
import { startEmulator } from '../src/emulator';
import { createProgressDisplay } from '../src/cli/display';
import { colorEnabled, painter } from '../src/cli/color';
import { formatDuration } from '../src/core/duration';

// Never probe the ECS metadata service (100.100.100.200) for credentials: everything here stays on loopback.
process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';

const instanceId = 'r-bp1emu000000001';
const instanceClass = 'redis.master.mid.default';

async function main(): Promise<void> {
  const emulator = await startEmulator({ timeScale: 30 });
  const connection = { endpoint: emulator.endpoint, credentials: { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret } };
  const kvstore = createSdkClient(connection); // the official SDK client, for the mutation
  const tasks = createTasksClient(connection); // our DescribeTasks client, for the wait
  const display = createProgressDisplay({ // the kvwait CLI's display: a live bar on a terminal, timestamped lines otherwise
    quiet: false, instanceId, paint: painter(colorEnabled(process.env, true)), now: () => new Date(),
    stderr: { write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY === true, stream: process.stderr },
  });
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort(new Error('interrupted')));
  console.log(`R-KVStore emulator at ${emulator.url}; changing ${instanceId} to ${instanceClass} ...`);

  try {
    const before = await instanceAttributes(kvstore);
    const startedAt = Date.now();
    const { task } = await mutateAndWait(
      async () => {
        const response = await kvstore.modifyInstanceSpec(new $Kvstore.ModifyInstanceSpecRequest({ instanceId, instanceClass }));
        console.log(`ModifyInstanceSpec accepted (OrderId ${response.body?.orderId}); waiting for its task ...`);
        return response;
      },
      {
        client: tasks, instanceId, apiAction: 'ModifyInstanceSpec', timeout: 60_000, signal: stop.signal,
        minDelay: 1_000, maxDelay: 2_000, heartbeatInterval: process.stderr.isTTY ? 1_000 : 60_000,
        onProgress: (snapshot) => display.update(snapshot),
      },
    );
    display.stop();

    const after = await instanceAttributes(kvstore);
    const calls = Object.entries(emulator.control.requestCounts()).map(([action, n]) => `${n} ${action}`);
    console.log(
      [
        `Task ${task.taskId} (${task.taskAction}) complete in ${formatDuration(Date.now() - startedAt)}`,
        `  steps:          ${task.steps.map((s) => s.name).join(' -> ')}`,
        `  API calls:      ${calls.join(', ')}`,
        `  InstanceClass:  ${before?.instanceClass} -> ${after?.instanceClass} (instance ${after?.instanceStatus})`,
      ].join('\n'),
    );
  } finally {
    display.stop();
    await emulator.stop();
  }
}

/** DescribeInstanceAttribute of the demo instance. */
async function instanceAttributes(kvstore: Kvstore) {
  const response = await kvstore.describeInstanceAttribute(new $Kvstore.DescribeInstanceAttributeRequest({ instanceId }));
  return response.body?.instances?.DBInstanceAttribute?.[0];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = error instanceof Error && error.name === 'AbortError' ? 130 : 1; // 130: interrupted (Ctrl-C)
});
