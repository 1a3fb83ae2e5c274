/**
 * Shared set-up of the `waitForTask` integration suites: an emulator at a high time scale, a real
 * `KvstoreTasksClient` (the official SDK over loopback HTTP) with fast retries, fresh instances, and a real
 * ModifyInstanceSpec sent through the same SDK client.
 */
import { strict as assert } from 'node:assert';
import * as $Kvstore from '@alicloud/r-kvstore20150101';
import { createTasksClient, type KvstoreTasksClient, type TasksClientOptions } from '../../src/client';
import { DEFAULT_TASK_ACTIONS } from '../../src/core';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator';

process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';

/**
 * Emulated speed-up: ModifyInstanceSpec (10 min nominal, 4 steps) takes 1 s of real time.
 *
 * @example
 * ```ts
 * const emu = await startScaledEmulator({ seed: 7 });
 * ```
 */
export const TIME_SCALE = 600;

/** Nominal (emulated) milliseconds per minute, for scripts: `pauseMs: 2 * NOMINAL_MINUTE`. */
export const NOMINAL_MINUTE = 60_000;

/** TaskAction labels the waiter looks for after ModifyInstanceSpec. */
export const SPEC_ACTIONS = DEFAULT_TASK_ACTIONS.ModifyInstanceSpec;

/** The class every spec change in these suites moves to (instances start as `redis.master.small.default`). */
export const TARGET_CLASS = 'redis.master.mid.default';

/**
 * Polling bounds sized for {@link TIME_SCALE}: a 1 s task is polled a handful of times.
 *
 * @example
 * ```ts
 * await waitForTask({ ...FAST_POLLING, client, instanceId, taskAction: SPEC_ACTIONS, since });
 * ```
 */
export const FAST_POLLING = Object.freeze({ minDelay: 50, maxDelay: 250, timeout: 30_000 });

/** Client retries sized for tests: quick back-off, same retry count as the default. */
const FAST_RETRY: NonNullable<TasksClientOptions['retry']> = { retries: 6, minDelayMs: 5, maxDelayMs: 40, maxRetryTimeMs: 10_000 };

/**
 * Starts an emulator at {@link TIME_SCALE} on loopback.
 *
 * @example
 * ```ts
 * const emu = await startScaledEmulator();
 * after(() => emu.stop());
 * ```
 */
export function startScaledEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ timeScale: TIME_SCALE, seed: 3, ...options });
}

/**
 * A scaled emulator and a client for it: the shared set-up of a suite.
 *
 * @example
 * ```ts
 * before(async () => ({ emu, client } = await startWithClient()));
 * after(() => emu.stop());
 * ```
 */
export async function startWithClient(options: EmulatorOptions = {}): Promise<{ emu: Emulator; client: KvstoreTasksClient }> {
  const emu = await startScaledEmulator(options);
  return { emu, client: tasksClient(emu) };
}

/**
 * The emulator's test key pair as `credentials` for our client or `waitForTask`.
 *
 * @example
 * ```ts
 * await waitForTask({ endpoint: emu.endpoint, credentials: credentialsOf(emu), instanceId, taskId });
 * ```
 */
export function credentialsOf(emu: Emulator): { accessKeyId: string; accessKeySecret: string } {
  return { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret };
}

/**
 * A real DescribeTasks client pointed at the emulator, with fast retries.
 *
 * @example
 * ```ts
 * const client = tasksClient(emu);
 * await client.sdk.restartInstance(new $Kvstore.RestartInstanceRequest({ instanceId }));
 * ```
 */
export function tasksClient(emu: Emulator, extra: Omit<TasksClientOptions, 'endpoint' | 'credentials'> = {}): KvstoreTasksClient {
  return createTasksClient({ endpoint: emu.endpoint, credentials: credentialsOf(emu), retry: FAST_RETRY, ...extra });
}

let instanceCounter = 0;

/**
 * Adds an instance with a unique id; with `history` (default), it carries the emulator's standard history.
 *
 * @example
 * ```ts
 * const instanceId = freshInstance(emu);
 * ```
 */
export function freshInstance(emu: Emulator, history = true): string {
  instanceCounter += 1;
  const instanceId = `r-bp1wft${String(instanceCounter).padStart(8, '0')}`;
  emu.control.addInstance({ instanceId, historyTasks: history });
  return instanceId;
}

/**
 * Sends a real ModifyInstanceSpec through the client's SDK and returns when it was sent (client clock).
 *
 * @example
 * ```ts
 * const since = await modifySpec(client, instanceId);
 * ```
 */
export async function modifySpec(client: KvstoreTasksClient, instanceId: string): Promise<Date> {
  const since = new Date();
  await client.sdk.modifyInstanceSpec(new $Kvstore.ModifyInstanceSpecRequest({ instanceId, instanceClass: TARGET_CLASS }));
  return since;
}

/**
 * The one task the emulator holds for `instanceId` with a ModifyInstanceSpec label that began at or after
 * `sinceMs` on the server clock: the task the mutation started, found without the waiter.
 *
 * @example
 * ```ts
 * const expectedId = startedTaskId(emu, instanceId, since.getTime());
 * ```
 */
export function startedTaskId(emu: Emulator, instanceId: string, sinceMs: number): string {
  const started = emu.control
    .listTasks(instanceId)
    .filter((t) => SPEC_ACTIONS.includes(t.TaskAction) && Date.parse(t.BeginTime) >= Math.floor(sinceMs / 1000) * 1000);
  assert.equal(started.length, 1, `expected exactly one new spec task on ${instanceId}, got ${JSON.stringify(started.map((t) => t.TaskId))}`);
  return started[0].TaskId;
}

/**
 * Resolves to what a promise rejected with; fails the test if it resolved.
 *
 * @example
 * ```ts
 * const error = await rejectionOf(waitForTask(opts));
 * assert.ok(error instanceof TaskFailedError);
 * ```
 */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return assert.fail('expected a rejection');
}
