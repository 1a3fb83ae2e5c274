/**
 * The real Pulumi CLI on the repository's root project (`Pulumi.yaml`, program `examples/pulumi/index.ts`)
 * against the emulator: preview, up, refresh and destroy, with the engine event stream, the emulator's request
 * counts and the exported state as evidence. Credentials come from the stack config (`alicloud:secretKey` as a
 * secret), never from the environment.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModifyInstanceSpecRequest } from '@alicloud/r-kvstore20150101';
import { createSdkClient } from '../../src/client/connection';
import type { Emulator } from '../../src/emulator';
import { readEventLog, resourceDiagnostics, stepOps } from './support/engine-events';
import {
  E2E_ACCESS_KEY_ID,
  E2E_ACCESS_KEY_SECRET,
  ROOT_PROJECT,
  countFiles,
  filesContaining,
  resourceUrn,
  startE2eEmulator,
} from './support/e2e-world';
import { PULUMI_VERSION, PulumiSandbox, type SandboxStack, ensurePulumiCli } from './support/pulumi-cli';

const INSTANCE = 'r-bp1emu000000001';
const SPEC_LABEL = 'ModifyDBInstanceClass';
const MUTATIONS = ['ModifyInstanceSpec', 'ModifyInstanceConfig', 'RestartInstance'];
/** The class change's task: four 90 s steps (12 s in all at E2E_TIME_SCALE) instead of the template's 10 minutes. */
const SPEC_STEPS = ['init_instance', 'create_instance', 'exec_task', 'init_config'].map((name) => ({ name, durationMs: 90_000 }));

describe('e2e: pulumi CLI on the root project', function () {
  this.timeout(180_000);
  let emulator: Emulator;
  let sandbox: PulumiSandbox;
  let stack: SandboxStack;
  /** Every CLI output and exported state, for the secret scan. */
  const seen: string[] = [];
  let eventLogs = 0;

  const count = (action: string): number => emulator.control.requestCounts()[action] ?? 0;
  const mutationCounts = (): number[] => MUTATIONS.map(count);
  const urn = (typeName: string, name: string): string => resourceUrn(stack.name, ROOT_PROJECT, typeName, name);
  const newestTask = (label: string) => emulator.control.listTasks(INSTANCE).find((t) => t.TaskAction === label);

  async function pulumi(...command: string[]): Promise<ReturnType<typeof readEventLog>> {
    const eventLog = join(sandbox.dir, `events-${++eventLogs}.jsonl`);
    const result = await sandbox.run(stack.args(...command, '--event-log', eventLog));
    seen.push(result.stdout, result.stderr);
    const transcripts = process.env['KVWAIT_E2E_TRANSCRIPTS'];
    if (transcripts !== undefined && transcripts !== '') {
      // The README's `pulumi up` excerpt comes from here: KVWAIT_E2E_TRANSCRIPTS=<dir> npm run test:e2e
      writeFileSync(join(transcripts, `${eventLogs}-pulumi-${command[0]}.txt`), result.stdout);
    }
    const events = readEventLog(eventLog);
    seen.push(JSON.stringify(events));
    return events;
  }

  async function stackOutputs(): Promise<Record<string, any>> {
    return JSON.parse((await sandbox.run(stack.stateArgs('stack', 'output', '--json'))).stdout);
  }

  async function exportState(): Promise<{ text: string; resources: Array<Record<string, any>> }> {
    const { stdout } = await sandbox.run(stack.stateArgs('stack', 'export'));
    seen.push(stdout);
    return { text: stdout, resources: JSON.parse(stdout).deployment.resources ?? [] };
  }

  before(async function () {
    this.timeout(30 * 60_000); // a cold build of the CLI
    const cliDir = await ensurePulumiCli();
    emulator = await startE2eEmulator();
    sandbox = PulumiSandbox.create(cliDir, { KVWAIT_ENDPOINT: emulator.endpoint, KVWAIT_INSTANCE_ID: INSTANCE });
    assert.equal((await sandbox.run(['version'])).stdout.trim(), `v${PULUMI_VERSION}`);
    stack = await sandbox.initStack('dev');
    await sandbox.run(stack.args('config', 'set', 'alicloud:accessKey', E2E_ACCESS_KEY_ID));
    await sandbox.run(stack.args('config', 'set', '--secret', 'alicloud:secretKey'), { stdin: E2E_ACCESS_KEY_SECRET });
  });

  after(async () => {
    await sandbox?.dispose();
    await emulator?.stop();
  });

  it('preview plans the four resources and sends no mutation', async () => {
    const ops = stepOps(await pulumi('preview'));
    assert.deepEqual(ops, { 'cache-class': 'create', 'cache-class-task': 'create', 'cache-parameters': 'create', 'cache-restart': 'create' });
    assert.deepEqual(mutationCounts(), [0, 0, 0]);
  });

  it('up blocks on every task and streams its progress to the resource rows', async () => {
    emulator.control.scriptNext(INSTANCE, { steps: SPEC_STEPS });
    const events = await pulumi('up', '--yes', '--skip-preview');
    assert.deepEqual(mutationCounts(), [1, 1, 1]);
    const task = newestTask(SPEC_LABEL);
    assert.ok(task !== undefined && task.Status === '2', 'the ModifyInstanceSpec task completed');
    const outputs = await stackOutputs();
    assert.equal(outputs['operationTasks'].spec, task.TaskId);
    assert.deepEqual(outputs['classTask'], { id: task.TaskId, action: SPEC_LABEL, status: 2, finishTime: outputs['classTask'].finishTime });
    assert.equal(outputs['instanceClass'], 'redis.master.mid.default');
    assert.equal(emulator.control.getInstance(INSTANCE)['InstanceClass'], 'redis.master.mid.default');

    const spec = resourceDiagnostics(events, urn('InstanceSpec', 'cache-class'));
    const label = `task ${task.TaskId} (${SPEC_LABEL})`;
    assert.ok(
      spec.some((d) => d.ephemeral && d.message.startsWith(`${label} running`) && /step \w+ \d\/4/.test(d.message)),
      `an ephemeral step line on the InstanceSpec row, got ${JSON.stringify(spec)}`,
    );
    const lasting = spec.filter((d) => !d.ephemeral);
    assert.equal(lasting.length, 1, `one lasting line, got ${JSON.stringify(lasting)}`);
    assert.match(lasting[0].message, new RegExp(`^task ${task.TaskId} \\(${SPEC_LABEL}\\) complete in \\d`));

    for (const [typeName, name, action] of [
      ['TaskWaiter', 'cache-class-task', SPEC_LABEL],
      ['InstanceParameters', 'cache-parameters', 'ModifyDBInstanceConfig'],
      ['InstanceRestart', 'cache-restart', 'RestartDBInstance'],
    ] as const) {
      const lines = resourceDiagnostics(events, urn(typeName, name));
      assert.ok(lines.some((d) => d.ephemeral && d.message.includes(`(${action})`)), `${name}: progress lines, got ${JSON.stringify(lines)}`);
      assert.ok(lines.some((d) => !d.ephemeral && d.message.includes(`(${action}) complete in`)), `${name}: summary line`);
    }
  });

  it('preview after up plans no change; a changed trigger plans one update and sends nothing', async () => {
    await pulumi('preview', '--expect-no-changes');
    await sandbox.run(stack.args('config', 'set', 'restartGeneration', '2'));
    const ops = stepOps(await pulumi('preview'));
    assert.deepEqual(ops, { 'cache-class': 'same', 'cache-class-task': 'same', 'cache-parameters': 'same', 'cache-restart': 'update' });
    assert.deepEqual(mutationCounts(), [1, 1, 1]);
  });

  it('up after the trigger change restarts once and touches nothing else', async () => {
    const before = newestTask('RestartDBInstance')?.TaskId;
    await pulumi('up', '--yes', '--skip-preview');
    assert.deepEqual(mutationCounts(), [1, 1, 2]);
    const restart = newestTask('RestartDBInstance');
    assert.notEqual(restart?.TaskId, before);
    assert.equal((await stackOutputs())['operationTasks'].restart, restart?.TaskId);
  });

  it('refresh records the live instance class, and the next preview plans to change it back', async () => {
    // Someone changes the class outside Pulumi, through the real SDK.
    const sdk = createSdkClient({
      endpoint: emulator.endpoint,
      credentials: { accessKeyId: E2E_ACCESS_KEY_ID, accessKeySecret: E2E_ACCESS_KEY_SECRET },
    });
    await sdk.modifyInstanceSpec(new ModifyInstanceSpecRequest({ instanceId: INSTANCE, instanceClass: 'redis.master.large.default' }));
    emulator.control.advance(60 * 60_000);
    assert.equal(emulator.control.getInstance(INSTANCE)['InstanceClass'], 'redis.master.large.default');
    const counts = mutationCounts();

    await pulumi('refresh', '--yes');
    const spec = (await exportState()).resources.find((r) => r['urn'] === urn('InstanceSpec', 'cache-class'));
    assert.equal(spec?.['outputs']?.['instanceClass'], 'redis.master.large.default');
    const ops = stepOps(await pulumi('preview'));
    assert.equal(ops['cache-class'], 'update');
    assert.equal(ops['cache-parameters'], 'same');
    assert.deepEqual(mutationCounts(), counts, 'refresh and preview send no mutation');
  });

  it('destroy removes the resources from the stack and leaves the instance alone', async () => {
    const counts = mutationCounts();
    await pulumi('destroy', '--yes');
    assert.deepEqual(mutationCounts(), counts);
    assert.equal(emulator.control.getInstance(INSTANCE)['InstanceClass'], 'redis.master.large.default');
    const remaining = (await exportState()).resources.filter((r) => String(r['type']).includes('redis-waiter'));
    assert.deepEqual(remaining, []);
  });

  it('no state file, export, event or CLI output holds the secret key', async () => {
    const exported = seen.join('\n');
    assert.ok(exported.includes('__provider') && exported.includes('resourceUrn'), 'the scan covered the serialized providers');
    assert.equal(exported.includes(E2E_ACCESS_KEY_SECRET), false, 'secret in an export, event or CLI output');
    assert.ok(countFiles(sandbox.stateDir) > 5, 'the backend holds checkpoints, history and backups');
    assert.deepEqual(filesContaining(sandbox.stateDir, E2E_ACCESS_KEY_SECRET), []);
  });
});
