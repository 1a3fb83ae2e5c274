/**
 * The program of the repository's root `Pulumi.yaml`: changes one Redis instance's class, a parameter, and
 * restarts it, each resource blocking the deployment until its task has finished, plus a `TaskWaiter` that waits
 * for the class change's task as a resource of another provider would need. Runs against the local emulator
 * (`kvwait-emulator`); see examples/pulumi/README.md.
 *
 * Stack config (`redis-waiter-demo:<key>`) wins over the environment:
 * - `endpoint` / `KVWAIT_ENDPOINT`: the emulator's `host:port` (required: this demo never talks to the cloud);
 * - `instanceId` / `KVWAIT_INSTANCE_ID`: default `r-bp1emu000000001`, one of the emulator's seeded instances;
 * - `instanceClass` (default `redis.master.mid.default`), `maxmemoryPolicy` (default `allkeys-lru`),
 *   `restartGeneration` (default `1`; change it to restart again), `timeoutMinutes` (default 30).
 *
 * Credentials come from the provider process's environment (`ALIBABA_CLOUD_ACCESS_KEY_ID` /
 * `ALIBABA_CLOUD_ACCESS_KEY_SECRET`) or the stack config `alicloud:accessKey` / `alicloud:secretKey` (secret),
 * read at call time: they never reach the state.
 *
 * @packageDocumentation
 */
import * as pulumi from '@pulumi/pulumi';
import { InstanceParameters, InstanceRestart, InstanceSpec, TaskWaiter } from '../../src/pulumi';

const config = new pulumi.Config();

/** A setting: the stack config key, else the environment variable, else `fallback`. */
function setting(key: string, envName: string | null, fallback: string): string {
  return config.get(key) ?? (envName === null ? undefined : process.env[envName]) ?? fallback;
}

const endpoint = setting('endpoint', 'KVWAIT_ENDPOINT', '');
if (endpoint === '') {
  throw new Error(
    'set the emulator endpoint: `pulumi config set endpoint 127.0.0.1:<port>` or KVWAIT_ENDPOINT=127.0.0.1:<port> ' +
      '(start one with `node dist/src/emulator/bin.js --time-scale 60`)',
  );
}
const instanceId = setting('instanceId', 'KVWAIT_INSTANCE_ID', 'r-bp1emu000000001');
const common = { instanceId, endpoint, timeout: Number(setting('timeoutMinutes', null, '30')) * 60_000 };

const spec = new InstanceSpec('cache-class', {
  ...common,
  instanceClass: setting('instanceClass', null, 'redis.master.mid.default'),
});

const specTask = new TaskWaiter(
  'cache-class-task',
  { ...common, taskAction: 'ModifyDBInstanceClass', triggers: [spec.instanceClass] },
  { dependsOn: [spec] },
);

const parameters = new InstanceParameters(
  'cache-parameters',
  { ...common, parameters: { 'maxmemory-policy': setting('maxmemoryPolicy', null, 'allkeys-lru') } },
  { dependsOn: [specTask] },
);

const restart = new InstanceRestart(
  'cache-restart',
  { ...common, triggers: [setting('restartGeneration', null, '1')] },
  { dependsOn: [parameters] },
);

/** The class change's task, as the waiter saw it. */
export const classTask = { id: specTask.taskId, action: specTask.taskAction, status: specTask.status, finishTime: specTask.finishTime };
/** The instance class now. */
export const instanceClass = spec.instanceClass;
/** The tasks of the operation resources (`null` when nothing had to change). */
export const operationTasks = { spec: spec.taskId, parameters: parameters.taskId, restart: restart.taskId };
