/**
 * `alicloud-redis-waiter/emulator`: a local R-KVStore OpenAPI emulator that the real
 * `@alicloud/r-kvstore20150101` SDK talks to over HTTP with real signatures.
 */
import type { AddressInfo } from 'node:net';
import { ServerClock } from './clock';
import type { EmulatorContext } from './context';
import { createControl, type EmulatorControl } from './control';
import { FaultRegistry } from './faults';
import { NonceCache } from './nonces';
import { DEFAULT_INSTANCE_IDS, resolveOptions, type EmulatorOptions } from './options';
import { createRng } from './prng';
import { createApiServer } from './server';
import { EmulatorState } from './state';
import { TIMESTAMP_TOLERANCE_MS } from './auth';

export { ApiError } from './errors';
export { EmulatorControlError } from './control-error';
export { CONTROL_METHODS, type EmulatorControl, type TaskInfo } from './control';
export { CONTROL_PREFIX } from './control-http';
export type { FaultConfig } from './faults';
export type { InstanceSeed } from './instance';
export {
  DEFAULT_CREDENTIAL,
  DEFAULT_INSTANCE_IDS,
  standardHistory,
  type EmulatorConfig,
  type EmulatorCredential,
  type EmulatorOptions,
  type InstanceConfig,
} from './options';
export type { ConflictCode } from './state';
export { TASK_ACTION_LABELS, TASK_TEMPLATES, type MutationAction, type TaskTemplate } from './task-actions';
export type { TaskScript, TaskSeed } from './task-spec';
export type { DescribeTasksItem } from './task-view';
export { API_VERSION } from './actions';

/**
 * A running emulator.
 *
 * @example
 * const emu: Emulator = await startEmulator({timeScale: 60});
 * console.log(emu.url, emu.accessKeyId); // http://127.0.0.1:41234 LTAI...
 * await emu.stop();
 */
export interface Emulator {
  /** e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** `host:port` for the SDK's `Config.endpoint` (use with `protocol: 'http'`). */
  endpoint: string;
  /** The first configured key pair (a test credential). */
  accessKeyId: string;
  accessKeySecret: string;
  control: EmulatorControl;
  /** Stop listening, drop keep-alive connections and pending delayed answers. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Start an emulator.
 *
 * @throws EmulatorControlError for bad options (e.g. a non-loopback host without `allowNonLoopback`).
 * @example
 * const emu = await startEmulator({timeScale: 60});
 * const client = new Client(new $OpenApiUtil.Config({
 *   accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret, endpoint: emu.endpoint, protocol: 'http',
 * }));
 * // ... await client.modifyInstanceSpec(...)
 * await emu.stop();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const opts = resolveOptions(options);
  const clock = new ServerClock(opts.now);
  clock.setSkew(opts.config.clockSkewMs ?? 0);
  const rng = createRng(opts.seed);
  const faults = new FaultRegistry();
  for (const [action, config] of Object.entries(opts.config.faults ?? {})) faults.set(action, config);
  const ctx: EmulatorContext = {
    state: new EmulatorState(clock, rng, opts.timeScale, opts.config.conflictCode ?? 'Task.Conflict'),
    clock,
    rng,
    keys: new Map(opts.credentials.map((c) => [c.accessKeyId, c.accessKeySecret])),
    nonces: new NonceCache(2 * TIMESTAMP_TOLERANCE_MS),
    faults,
    counts: new Map(),
    timeScale: opts.timeScale,
    log: opts.log,
  };
  const control = createControl(ctx);
  for (const instance of opts.config.instances ?? DEFAULT_INSTANCE_IDS.map((instanceId) => ({ instanceId }))) {
    control.addInstance(instance);
  }
  const { server, shutdown } = createApiServer(ctx, control);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostPart = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${hostPart}:${port}`,
    endpoint: `${hostPart}:${port}`,
    accessKeyId: opts.credentials[0].accessKeyId,
    accessKeySecret: opts.credentials[0].accessKeySecret,
    control,
    stop: () => (stopping ??= shutdown()),
  };
}
