/**
 * Validation of the resources' inputs as the provider receives them (plain JSON values, with Pulumi's
 * "unknown" sentinel during preview). `check` reports every problem as a failure before any API call;
 * the other methods use the parsed, defaulted values.
 *
 * @packageDocumentation
 */
import { unknownValue } from '@pulumi/pulumi/runtime/rpc';
import { InvalidOptionError } from '../core/errors';
import { validateDate, validateDuration, validateIdentifier, validateTaskActions } from '../core/validation';
import { DEFAULT_TIMEOUT_MS } from '../core/wait-options';

/**
 * One invalid input, as `check` returns it to the engine.
 *
 * @example
 * ```ts
 * const failure: CheckFailure = { property: 'timeout', reason: 'must be greater than 0 ms, got 0' };
 * ```
 */
export interface CheckFailure {
  property: string;
  reason: string;
}

/**
 * Inputs every resource has.
 *
 * @example
 * ```ts
 * const common: CommonInputs = { instanceId: 'r-1', timeout: 3_600_000, failOnPaused: false, urn: null };
 * ```
 */
export interface CommonInputs {
  instanceId: string;
  /** Region id; else `alicloud:region` from the stack config, else the client's default. */
  region?: string;
  /** API endpoint override (`host:port` or URL). */
  endpoint?: string;
  /** The resource's own deadline in ms (customTimeouts never reach dynamic providers). */
  timeout: number;
  /** How long a new task may take to appear, ms; the core's default when absent. */
  notFoundGrace?: number;
  /** Fail at once when the task pauses (7) instead of waiting for it to resume. */
  failOnPaused: boolean;
  /**
   * The resource's URN, from the `resourceUrn` input the resource classes compute with `pulumi.createUrn`
   * (an input named `urn` would be dropped: the SDK reserves it). For progress lines; `null` when not given.
   */
  urn: string | null;
}

/**
 * Parsed inputs of `TaskWaiter`.
 *
 * @example
 * ```ts
 * const w: WaiterInputs = { ...common, taskActions: ['ModifyDBInstanceClass'], taskId: null, lookback: 3_600_000, since: null, waitOnCreate: true };
 * ```
 */
export interface WaiterInputs extends CommonInputs {
  taskActions: string[] | null;
  taskId: string | null;
  /** How far back a matching task may have begun, ms (when `since` is not given). */
  lookback: number;
  since: Date | null;
  /** `false`: create only records the newest finished matching task as the baseline; updates wait. */
  waitOnCreate: boolean;
}

/**
 * Parsed inputs of `InstanceSpec`.
 *
 * @example
 * ```ts
 * const s: SpecInputs = { ...common, instanceClass: 'redis.master.large.default', taskActions: null };
 * ```
 */
export interface SpecInputs extends CommonInputs {
  instanceClass: string;
  /** ModifyInstanceSpec `OrderType`; absent: the API's default (`UPGRADE`). */
  orderType?: 'UPGRADE' | 'DOWNGRADE';
  /** TaskAction labels overriding the defaults for ModifyInstanceSpec. */
  taskActions: string[] | null;
}

/**
 * Parsed inputs of `InstanceParameters`; values are strings, as DescribeInstanceConfig reports them.
 *
 * @example
 * ```ts
 * const p: ParametersInputs = { ...common, parameters: { 'maxmemory-policy': 'allkeys-lru' }, taskActions: null };
 * ```
 */
export interface ParametersInputs extends CommonInputs {
  parameters: Record<string, string>;
  taskActions: string[] | null;
}

/**
 * Parsed inputs of `InstanceRestart`.
 *
 * @example
 * ```ts
 * const r: RestartInputs = { ...common, lookback: 600_000, taskActions: null, upgradeMinorVersion: false };
 * ```
 */
export interface RestartInputs extends CommonInputs {
  /** How recent a RestartInstance task must be to count as the one this resource asked for, ms. */
  lookback: number;
  taskActions: string[] | null;
  upgradeMinorVersion: boolean;
}

/**
 * Default `lookback` of `TaskWaiter`: 60 min.
 *
 * @example
 * ```ts
 * new TaskWaiter('w', { instanceId, taskAction, lookback: 2 * DEFAULT_WAITER_LOOKBACK_MS });
 * ```
 */
export const DEFAULT_WAITER_LOOKBACK_MS = 60 * 60_000;
/**
 * Default `lookback` of `InstanceRestart`: 10 min.
 *
 * @example
 * ```ts
 * new InstanceRestart('r', { instanceId, lookback: DEFAULT_RESTART_LOOKBACK_MS / 2 });
 * ```
 */
export const DEFAULT_RESTART_LOOKBACK_MS = 10 * 60_000;

/**
 * Whether a value is, or contains, Pulumi's "unknown during preview" sentinel.
 *
 * @example
 * ```ts
 * containsUnknown({ a: [1, '04da6b54-80e4-46f7-96ec-b56ff0331ba9'] }); // true
 * ```
 */
export function containsUnknown(value: unknown): boolean {
  if (value === unknownValue) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}

/** Reads inputs one by one, turning each core validation error into a check failure. */
class InputReader {
  readonly failures: CheckFailure[] = [];
  constructor(private readonly props: Record<string, unknown>) {}

  /** `parse(value)`; on an unknown value or a failure, `fallback`. `undefined` and `null` mean absent. */
  read<T>(name: string, parse: (value: unknown) => T, fallback: T): T {
    const raw = this.props[name];
    const value = raw === null ? undefined : raw;
    if (containsUnknown(value)) return fallback;
    try {
      return parse(value);
    } catch (error) {
      if (!(error instanceof InvalidOptionError)) throw error;
      this.failures.push({ property: name, reason: error.reason });
      return fallback;
    }
  }

  optional<T>(name: string, parse: (value: unknown) => T): T | undefined {
    return this.read(name, (value) => (value === undefined ? undefined : parse(value)), undefined);
  }
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function parseBoolean(option: string, absent = false): (value: unknown) => boolean {
  return (value) => {
    if (value === undefined) return absent;
    if (typeof value !== 'boolean') throw new InvalidOptionError(option, `expected true or false, got ${describe(value)}`);
    return value;
  };
}

function parseIsoTime(option: string): (value: unknown) => Date {
  return (value) => {
    if (typeof value !== 'string') throw new InvalidOptionError(option, `expected an ISO time string such as 2024-05-01T10:00:00Z, got ${describe(value)}`);
    return validateDate(option, new Date(value));
  };
}

function parseUrn(value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || !value.startsWith('urn:pulumi:')) {
    throw new InvalidOptionError('resourceUrn', `expected the resource's URN (urn:pulumi:...), got ${describe(value)}; the resource classes compute it`);
  }
  return value;
}

function parseParameters(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.keys(value).length === 0) {
    throw new InvalidOptionError('parameters', `expected a non-empty map of parameter name to value, got ${describe(value)}`);
  }
  const parameters: Record<string, string> = {};
  for (const [name, v] of Object.entries(value)) {
    validateIdentifier(`parameters name ${JSON.stringify(name)}`, name);
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new InvalidOptionError('parameters', `value of "${name}" must be a string, number or boolean, got ${describe(v)}`);
    }
    parameters[name] = String(v);
  }
  return parameters;
}

function parseOrderType(value: unknown): 'UPGRADE' | 'DOWNGRADE' {
  if (value !== 'UPGRADE' && value !== 'DOWNGRADE') throw new InvalidOptionError('orderType', `expected "UPGRADE" or "DOWNGRADE", got ${describe(value)}`);
  return value;
}

const PLACEHOLDER_ID = 'unknown';

function readCommon(reader: InputReader): CommonInputs {
  const common: CommonInputs = {
    instanceId: reader.read('instanceId', (v) => validateIdentifier('instanceId', v), PLACEHOLDER_ID),
    timeout: reader.read('timeout', (v) => validateDuration('timeout', v, { fallback: DEFAULT_TIMEOUT_MS, positive: true }), DEFAULT_TIMEOUT_MS),
    failOnPaused: reader.read('failOnPaused', parseBoolean('failOnPaused'), false),
    urn: reader.read('resourceUrn', parseUrn, null),
  };
  const region = reader.optional('region', (v) => validateIdentifier('region', v));
  const endpoint = reader.optional('endpoint', (v) => validateIdentifier('endpoint', v));
  const notFoundGrace = reader.optional('notFoundGrace', (v) => validateDuration('notFoundGrace', v, { fallback: 0 }));
  if (region !== undefined) common.region = region;
  if (endpoint !== undefined) common.endpoint = endpoint;
  if (notFoundGrace !== undefined) common.notFoundGrace = notFoundGrace;
  return common;
}

function readTaskActions(reader: InputReader): string[] | null {
  return reader.optional('taskAction', (v) => validateTaskActions(v)) ?? null;
}

function readLookback(reader: InputReader, fallback: number): number {
  return reader.read('lookback', (v) => validateDuration('lookback', v, { fallback, positive: true }), fallback);
}

/**
 * The result of parsing one resource's inputs: the values (defaults filled in, placeholders where a value is
 * unknown or invalid) and every failure.
 *
 * @example
 * ```ts
 * const { value, failures } = parseWaiterInputs(props);
 * if (failures.length > 0) return { inputs: props, failures };
 * ```
 */
export interface Parsed<T> {
  value: T;
  failures: CheckFailure[];
}

/**
 * Parses `TaskWaiter` inputs. Needs `taskAction` or `taskId`.
 *
 * @example
 * ```ts
 * parseWaiterInputs({ instanceId: 'r-1', taskAction: 'ModifyDBInstanceClass' }).value.lookback; // 3_600_000
 * ```
 */
export function parseWaiterInputs(props: Record<string, unknown>): Parsed<WaiterInputs> {
  const reader = new InputReader(props);
  const value: WaiterInputs = {
    ...readCommon(reader),
    taskActions: readTaskActions(reader),
    taskId: reader.optional('taskId', (v) => validateIdentifier('taskId', v)) ?? null,
    lookback: readLookback(reader, DEFAULT_WAITER_LOOKBACK_MS),
    since: reader.optional('since', parseIsoTime('since')) ?? null,
    waitOnCreate: reader.read('waitOnCreate', parseBoolean('waitOnCreate', true), true),
  };
  if (props['taskAction'] == null && props['taskId'] == null) {
    reader.failures.push({ property: 'taskAction', reason: 'give taskAction (the TaskAction label(s) to match) or taskId' });
  }
  return { value, failures: reader.failures };
}

/**
 * Parses `InstanceSpec` inputs.
 *
 * @example
 * ```ts
 * parseSpecInputs({ instanceId: 'r-1', instanceClass: 'redis.master.large.default' }).failures; // []
 * ```
 */
export function parseSpecInputs(props: Record<string, unknown>): Parsed<SpecInputs> {
  const reader = new InputReader(props);
  const value: SpecInputs = {
    ...readCommon(reader),
    instanceClass: reader.read('instanceClass', (v) => validateIdentifier('instanceClass', v), PLACEHOLDER_ID),
    taskActions: readTaskActions(reader),
  };
  const orderType = reader.optional('orderType', parseOrderType);
  if (orderType !== undefined) value.orderType = orderType;
  return { value, failures: reader.failures };
}

/**
 * Parses `InstanceParameters` inputs.
 *
 * @example
 * ```ts
 * parseParametersInputs({ instanceId: 'r-1', parameters: { 'maxmemory-policy': 'allkeys-lru' } }).failures; // []
 * ```
 */
export function parseParametersInputs(props: Record<string, unknown>): Parsed<ParametersInputs> {
  const reader = new InputReader(props);
  const value: ParametersInputs = {
    ...readCommon(reader),
    parameters: reader.read('parameters', parseParameters, {}),
    taskActions: readTaskActions(reader),
  };
  return { value, failures: reader.failures };
}

/**
 * Parses `InstanceRestart` inputs.
 *
 * @example
 * ```ts
 * parseRestartInputs({ instanceId: 'r-1', triggers: ['v2'] }).value.lookback; // 600_000
 * ```
 */
export function parseRestartInputs(props: Record<string, unknown>): Parsed<RestartInputs> {
  const reader = new InputReader(props);
  const value: RestartInputs = {
    ...readCommon(reader),
    lookback: readLookback(reader, DEFAULT_RESTART_LOOKBACK_MS),
    taskActions: readTaskActions(reader),
    upgradeMinorVersion: reader.read('upgradeMinorVersion', parseBoolean('upgradeMinorVersion'), false),
  };
  return { value, failures: reader.failures };
}

/**
 * Returns the parsed value, or throws {@link InvalidOptionError} for the first failure (create, update and read
 * run only on inputs `check` accepted; this is the guard for a state written by hand).
 *
 * @example
 * ```ts
 * const inputs = validInputs(parseSpecInputs(props));
 * ```
 */
export function validInputs<T>(parsed: Parsed<T>): T {
  const [first] = parsed.failures;
  if (first !== undefined) throw new InvalidOptionError(first.property, first.reason);
  return parsed.value;
}
