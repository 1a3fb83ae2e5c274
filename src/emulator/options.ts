/**
 * Options of `startEmulator`, the config file shape, defaults, and their validation.
 */
import { EmulatorControlError } from './control-error';
import type { FaultConfig } from './faults';
import type { InstanceSeed } from './instance';
import type { ConflictCode } from './state';
import type { TaskSeed } from './task-spec';

/**
 * A key pair the emulator accepts.
 *
 * @example
 * const credential: EmulatorCredential = {accessKeyId: 'LTAItest', accessKeySecret: 'test-secret'};
 * await startEmulator({config: {credentials: [credential]}});
 */
export interface EmulatorCredential {
  accessKeyId: string;
  accessKeySecret: string;
}

/**
 * An instance to create at start, with its history tasks.
 *
 * @example
 * const instance: InstanceConfig = {instanceId: 'r-bp1test00000001', historyTasks: false};
 * await startEmulator({config: {instances: [instance]}});
 */
export interface InstanceConfig extends InstanceSeed {
  /** `true` (default): the standard history (see `standardHistory`); `false`: none; or explicit tasks. */
  historyTasks?: boolean | TaskSeed[];
}

/**
 * The emulator's world at start (`options.config`, or the JSON file of `kvwait-emulator --config`).
 *
 * @example
 * const config: EmulatorConfig = {conflictCode: 'IncorrectDBInstanceState', faults: {'*': {latencyMs: 20}}, clockSkewMs: 120_000};
 * await startEmulator({config});
 */
export interface EmulatorConfig {
  /** Accepted key pairs; the first is the one `startEmulator` returns. Default: `[DEFAULT_CREDENTIAL]`. */
  credentials?: EmulatorCredential[];
  /** Default: the three `DEFAULT_INSTANCE_IDS` with standard history. */
  instances?: InstanceConfig[];
  /** What a mutation during a running task is refused with. Default `Task.Conflict`. */
  conflictCode?: ConflictCode;
  /** Faults per action name or `'*'`. */
  faults?: Record<string, FaultConfig>;
  /** Server clock skew in ms (positive: server clock fast). Default 0. */
  clockSkewMs?: number;
}

/**
 * Options of `startEmulator`.
 *
 * @example
 * const options: EmulatorOptions = {port: 0, timeScale: 60, seed: 7, log: (line) => console.error(line)};
 * const emu = await startEmulator(options);
 */
export interface EmulatorOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Bind address; default `127.0.0.1`. Non-loopback addresses need `allowNonLoopback: true`. */
  host?: string;
  /** Explicit opt-in to bind a non-loopback address (the control routes still answer loopback peers only). */
  allowNonLoopback?: boolean;
  /** Task speed-up: at 60, a 10-minute task takes 10 s. Default 1. */
  timeScale?: number;
  /** PRNG seed (faults, request ids, task ids, order ids). Default 1. */
  seed?: number;
  config?: EmulatorConfig;
  /** Real-time source in epoch ms; default `Date.now`. */
  now?: () => number;
  /** Request log sink (one line per request); never receives secrets or signatures. */
  log?: (line: string) => void;
}

/**
 * The test key pair used when the config names none. A test credential, printed on start by design.
 *
 * @example
 * new $OpenApiUtil.Config({...DEFAULT_CREDENTIAL, endpoint: emu.endpoint, protocol: 'http'});
 */
export const DEFAULT_CREDENTIAL: Readonly<EmulatorCredential> = {
  accessKeyId: 'LTAI5tEmulatorTestKey01',
  accessKeySecret: 'emulator-test-secret-0123456789',
};

/**
 * Instances created when the config names none.
 *
 * @example
 * emu.control.getInstance(DEFAULT_INSTANCE_IDS[0]).InstanceStatus; // 'Normal'
 */
export const DEFAULT_INSTANCE_IDS: readonly string[] = ['r-bp1emu000000001', 'r-bp1emu000000002', 'r-bp1emu000000003'];

/**
 * The standard history of a seeded instance, relative to the server clock at start: a ModifyDBInstanceClass
 * task that began 20 minutes ago and completed (a stale match candidate for ModifyInstanceSpec), a completed
 * RestartDBInstance 3 hours ago, a closed ModifyDBInstanceParameter 26 hours ago, and an interrupted
 * ModifyDBInstanceConfig 50 hours ago.
 *
 * @example
 * standardHistory(Date.now())[0].taskAction; // 'ModifyDBInstanceClass'
 */
export function standardHistory(nowMs: number): TaskSeed[] {
  const ago = (minutes: number): number => nowMs - minutes * 60_000;
  return [
    { taskAction: 'ModifyDBInstanceClass', beginTime: ago(20) },
    { taskAction: 'RestartDBInstance', beginTime: ago(180) },
    { taskAction: 'ModifyDBInstanceParameter', beginTime: ago(26 * 60), outcome: 'closed' },
    { taskAction: 'ModifyDBInstanceConfig', beginTime: ago(50 * 60), outcome: 'interrupted' },
  ];
}

/**
 * Whether an address is loopback (127.0.0.0/8, ::1, localhost, or IPv4-mapped loopback).
 *
 * @example
 * isLoopback('127.0.0.1'); // true
 */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === 'localhost' || address === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(address);
}

/**
 * Options with defaults filled in.
 *
 * @example
 * const opts: ResolvedOptions = resolveOptions({timeScale: 60});
 * opts.port; // 0
 */
export interface ResolvedOptions {
  port: number;
  host: string;
  timeScale: number;
  seed: number;
  now: () => number;
  log?: (line: string) => void;
  credentials: EmulatorCredential[];
  config: EmulatorConfig;
}

/**
 * Validate options and fill in defaults; throws `EmulatorControlError` naming the bad option.
 *
 * @example
 * resolveOptions({timeScale: 60}).host; // '127.0.0.1'
 */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new EmulatorControlError('port', 'must be an integer in [0, 65535]');
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && options.allowNonLoopback !== true) {
    throw new EmulatorControlError('host', `${host} is not a loopback address; opt in with allowNonLoopback: true (kvwait-emulator --allow-non-loopback)`);
  }
  const timeScale = options.timeScale ?? 1;
  if (typeof timeScale !== 'number' || !Number.isFinite(timeScale) || timeScale <= 0) {
    throw new EmulatorControlError('timeScale', 'must be a positive number');
  }
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new EmulatorControlError('seed', 'must be an integer');
  if (options.now !== undefined && typeof options.now !== 'function') throw new EmulatorControlError('now', 'must be a function returning epoch ms');
  const config = options.config ?? {};
  const credentials = config.credentials ?? [DEFAULT_CREDENTIAL];
  if (!Array.isArray(credentials) || credentials.length === 0) throw new EmulatorControlError('config.credentials', 'must list at least one key pair');
  credentials.forEach((c, i) => {
    if (typeof c?.accessKeyId !== 'string' || c.accessKeyId === '' || typeof c.accessKeySecret !== 'string' || c.accessKeySecret === '') {
      throw new EmulatorControlError(`config.credentials[${i}]`, 'needs a non-empty accessKeyId and accessKeySecret');
    }
  });
  if (config.conflictCode !== undefined && config.conflictCode !== 'Task.Conflict' && config.conflictCode !== 'IncorrectDBInstanceState') {
    throw new EmulatorControlError('config.conflictCode', 'must be Task.Conflict or IncorrectDBInstanceState');
  }
  if (config.clockSkewMs !== undefined && !Number.isFinite(config.clockSkewMs)) throw new EmulatorControlError('config.clockSkewMs', 'must be a number of ms');
  return { port, host, timeScale, seed, now: options.now ?? Date.now, log: options.log, credentials, config };
}
