/**
 * Validation of the waiter's options, before any API call. Every problem is an {@link InvalidOptionError}
 * that names the option and says what to pass instead.
 *
 * @packageDocumentation
 */
import { InvalidOptionError } from './errors';
import { restoreResumedWait, validateResumeToken } from './resume';
import {
  DEFAULT_CLOCK_SKEW_TOLERANCE_MS,
  DEFAULT_MAX_DELAY_MS,
  DEFAULT_MIN_DELAY_MS,
  DEFAULT_NOT_FOUND_GRACE_MS,
  DEFAULT_TIMEOUT_MS,
  MAX_HEARTBEAT_INTERVAL_MS,
  type WaitForTaskOptions,
  type WaitPlan,
} from './wait-options';

/** Longest single timer Node can arm (about 24.8 days); longer values fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Every option `waitForTask` knows; anything else is most likely a typo.
 *
 * @example
 * ```ts
 * validateOptionKeys(userOptions, WAIT_OPTION_NAMES);
 * ```
 */
export const WAIT_OPTION_NAMES: readonly string[] = Object.freeze([
  'instanceId', 'taskAction', 'taskId', 'since', 'timeout', 'signal', 'onProgress', 'client', 'regionId', 'endpoint',
  'credentials', 'notFoundGrace', 'clockSkewTolerance', 'onPaused', 'pausedTimeout', 'minDelay', 'maxDelay',
  'initialDelay', 'heartbeatInterval', 'resumeToken', 'clock', 'select', 'after',
]);

/**
 * Checks that `value` is a duration in milliseconds: a finite number, at least `min` (and more than 0 when
 * `positive`), at most `max`. Returns `fallback` when the value is `undefined`.
 *
 * @example
 * ```ts
 * validateDuration('timeout', 30_000, { fallback: 60_000, positive: true }); // 30_000
 * validateDuration('timeout', -1, { fallback: 60_000 }); // throws InvalidOptionError
 * ```
 */
export function validateDuration(
  option: string,
  value: unknown,
  rules: { fallback: number; positive?: boolean; max?: number },
): number {
  if (value === undefined) return rules.fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidOptionError(option, `expected a finite number of milliseconds, got ${describe(value)} (e.g. 90_000 for 90 s)`);
  }
  if (value < 0 || (rules.positive && value === 0)) {
    throw new InvalidOptionError(option, `must be ${rules.positive ? 'greater than 0' : 'at least 0'} ms, got ${value}`);
  }
  if (rules.max !== undefined && value > rules.max) {
    throw new InvalidOptionError(option, `must be at most ${rules.max} ms, got ${value}`);
  }
  return value;
}

/**
 * Checks a non-empty string without surrounding or inner whitespace (an instance id, a task id, an action).
 *
 * @example
 * ```ts
 * validateIdentifier('instanceId', 'r-bp1abc'); // 'r-bp1abc'
 * validateIdentifier('instanceId', ' ');        // throws InvalidOptionError
 * ```
 */
export function validateIdentifier(option: string, value: unknown): string {
  if (typeof value !== 'string') throw new InvalidOptionError(option, `expected a string, got ${describe(value)}`);
  if (value.trim() === '') throw new InvalidOptionError(option, 'must not be empty');
  if (/\s/.test(value)) throw new InvalidOptionError(option, `must not contain whitespace, got ${JSON.stringify(value)}`);
  return value;
}

/**
 * Checks `taskAction`: one label or a non-empty list of labels. Returns the de-duplicated list.
 *
 * @example
 * ```ts
 * validateTaskActions('RestartDBInstance');             // ['RestartDBInstance']
 * validateTaskActions(['A', 'B', 'A']);                 // ['A', 'B']
 * validateTaskActions([]);                              // throws InvalidOptionError
 * ```
 */
export function validateTaskActions(value: unknown, option = 'taskAction'): string[] {
  if (typeof value === 'string') return [validateIdentifier(option, value)];
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidOptionError(option, `expected a TaskAction label or a non-empty list of labels, got ${describe(value)}`);
  }
  return [...new Set(value.map((item, i) => validateIdentifier(`${option}[${i}]`, item)))];
}

/**
 * Checks a `Date` holding a real time.
 *
 * @example
 * ```ts
 * validateDate('since', new Date('2024-05-01T10:00:00Z')); // ok
 * validateDate('since', new Date('yesterday'));            // throws InvalidOptionError
 * ```
 */
export function validateDate(option: string, value: unknown): Date {
  if (!(value instanceof Date)) throw new InvalidOptionError(option, `expected a Date, got ${describe(value)}`);
  if (Number.isNaN(value.getTime())) throw new InvalidOptionError(option, 'is an invalid Date (NaN time); build it from an ISO string such as 2024-05-01T10:00:00Z');
  return value;
}

/**
 * Checks that `value` is an object, rejecting unknown keys (most likely typos) with the list of known ones.
 *
 * @example
 * ```ts
 * validateOptionKeys({ timout: 5 }, WAIT_OPTION_NAMES); // throws: Invalid option "timout": unknown option ...
 * ```
 */
export function validateOptionKeys(options: unknown, known: readonly string[]): Record<string, unknown> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidOptionError('options', `expected an options object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new InvalidOptionError(key, `unknown option; known options are ${known.join(', ')}`);
  }
  return options as Record<string, unknown>;
}

/**
 * Checks the shared infrastructure options: `signal`, `clock`, and `client` versus the connection fields.
 *
 * @example
 * ```ts
 * validateRuntimeOptions({ signal: AbortSignal.timeout(1000) }); // ok
 * validateRuntimeOptions({ signal: true });                     // throws InvalidOptionError
 * ```
 */
export function validateRuntimeOptions(options: Record<string, unknown>): void {
  const { signal, clock, client } = options;
  if (signal !== undefined && !isAbortSignal(signal)) {
    throw new InvalidOptionError('signal', `expected an AbortSignal (e.g. new AbortController().signal), got ${describe(signal)}`);
  }
  if (clock !== undefined && !hasMethods(clock, ['now', 'sleep', 'random'])) {
    throw new InvalidOptionError('clock', 'expected an object with now(), sleep(ms, signal) and random()');
  }
  if (client !== undefined) {
    if (!hasMethods(client, ['describeTasks', 'listTasks', 'describeInstanceStatus'])) {
      throw new InvalidOptionError('client', 'expected a TaskSource with describeTasks(), listTasks() and describeInstanceStatus()');
    }
    for (const key of ['regionId', 'endpoint', 'credentials']) {
      if (options[key] !== undefined) {
        throw new InvalidOptionError(key, 'pass either "client" or the connection options (regionId, endpoint, credentials), not both');
      }
    }
  }
  for (const key of ['regionId', 'endpoint']) {
    if (options[key] !== undefined) validateIdentifier(key, options[key]);
  }
}

/**
 * Checks the polling bounds `minDelay` (> 0, default 2 s) and `maxDelay` (>= minDelay, default 60 s or
 * minDelay if larger); both fit in one timer.
 *
 * @example
 * ```ts
 * validatePollingBounds({ minDelay: 5_000 });                  // { minDelay: 5000, maxDelay: 60000 }
 * validatePollingBounds({ minDelay: 5_000, maxDelay: 1_000 }); // throws InvalidOptionError (maxDelay)
 * ```
 */
export function validatePollingBounds(options: { minDelay?: unknown; maxDelay?: unknown }): { minDelay: number; maxDelay: number } {
  const minDelay = validateDuration('minDelay', options.minDelay, { fallback: DEFAULT_MIN_DELAY_MS, positive: true, max: MAX_TIMER_MS });
  const maxDelay = validateDuration('maxDelay', options.maxDelay, { fallback: Math.max(DEFAULT_MAX_DELAY_MS, minDelay), positive: true, max: MAX_TIMER_MS });
  if (maxDelay < minDelay) throw new InvalidOptionError('maxDelay', `must be at least minDelay (${minDelay} ms), got ${maxDelay}`);
  return { minDelay, maxDelay };
}

/**
 * Checks an optional callback option.
 *
 * @example
 * ```ts
 * validateCallback('onProgress', console.log); // ok
 * validateCallback('onProgress', 'log');       // throws InvalidOptionError
 * ```
 */
export function validateCallback(option: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') {
    throw new InvalidOptionError(option, `expected a function, got ${describe(value)}`);
  }
}

function validateAfter(value: unknown): { taskId: string; beginTime: Date } {
  if (typeof value !== 'object' || value === null) {
    throw new InvalidOptionError('after', `expected {taskId, beginTime} of the previously recorded task, got ${describe(value)}`);
  }
  const { taskId, beginTime } = value as Record<string, unknown>;
  const time = typeof beginTime === 'string' ? new Date(beginTime) : beginTime;
  return { taskId: validateIdentifier('after.taskId', taskId), beginTime: validateDate('after.beginTime', time) };
}

/**
 * Validates and defaults every option of `waitForTask` (restoring from `resumeToken` when given). Pure:
 * `now` is the clock reading at the start of the wait. Throws {@link InvalidOptionError} on the first problem.
 *
 * @example
 * ```ts
 * const plan = validateWaitOptions({ instanceId: 'r-1', taskAction: 'RestartDBInstance', timeout: 600_000 }, Date.now());
 * plan.taskActions; // ['RestartDBInstance']
 * validateWaitOptions({ instanceId: 'r-1' }, Date.now()); // throws: give taskAction or taskId
 * ```
 */
export function validateWaitOptions(input: WaitForTaskOptions, now: number): WaitPlan {
  const options = validateOptionKeys(input, WAIT_OPTION_NAMES);
  validateRuntimeOptions(options);
  const timeout = options.timeout === undefined ? undefined : validateDuration('timeout', options.timeout, { fallback: 0, positive: true });
  const clockSkewTolerance = validateDuration('clockSkewTolerance', options.clockSkewTolerance, { fallback: DEFAULT_CLOCK_SKEW_TOLERANCE_MS });
  const { minDelay, maxDelay } = validatePollingBounds(options);
  const heartbeatInterval = validateDuration('heartbeatInterval', options.heartbeatInterval, {
    fallback: MAX_HEARTBEAT_INTERVAL_MS, positive: true, max: MAX_HEARTBEAT_INTERVAL_MS,
  });
  const onPaused = options.onPaused ?? 'wait';
  if (onPaused !== 'wait' && onPaused !== 'fail') throw new InvalidOptionError('onPaused', `expected 'wait' or 'fail', got ${describe(onPaused)}`);
  const pausedTimeout = options.pausedTimeout === undefined ? null : validateDuration('pausedTimeout', options.pausedTimeout, { fallback: 0 });
  if (pausedTimeout !== null && onPaused === 'fail') throw new InvalidOptionError('pausedTimeout', "only applies with onPaused: 'wait'; drop one of them");
  validateCallback('onProgress', options.onProgress);
  const select = options.select ?? 'earliest';
  if (select !== 'earliest' && select !== 'newest') throw new InvalidOptionError('select', `expected 'earliest' or 'newest', got ${describe(select)}`);
  const after = options.after === undefined ? null : validateAfter(options.after);
  if (after !== null && select !== 'newest') throw new InvalidOptionError('after', "only applies with select: 'newest'");

  const explicit = {
    instanceId: options.instanceId === undefined ? undefined : validateIdentifier('instanceId', options.instanceId),
    taskId: options.taskId === undefined ? undefined : validateIdentifier('taskId', options.taskId),
    taskActions: options.taskAction === undefined ? undefined : validateTaskActions(options.taskAction),
    since: options.since === undefined ? undefined : validateDate('since', options.since),
    timeout,
  };
  const target =
    options.resumeToken !== undefined
      ? restoreResumedWait(validateResumeToken(options.resumeToken), explicit, now)
      : {
          instanceId: explicit.instanceId ?? missing('instanceId', 'pass the Redis instance id, e.g. r-bp1zxszhcgatnx****'),
          taskId: explicit.taskId ?? null,
          taskActions: explicit.taskActions ?? null,
          since: explicit.since ?? new Date(now),
          deadline: now + (timeout ?? DEFAULT_TIMEOUT_MS),
        };
  if (target.taskId === null && target.taskActions === null) {
    missing('taskAction', 'pass the TaskAction label(s) to match, or taskId (see DEFAULT_TASK_ACTIONS for known labels)');
  }
  if (target.since.getTime() > now + clockSkewTolerance) {
    throw new InvalidOptionError('since', `is ${target.since.toISOString()}, in the future; pass the time the mutation was sent (check the time zone)`);
  }
  return {
    ...target,
    taskIdHint: null,
    ignoreTaskIds: [],
    startedAt: now,
    notFoundGrace: validateDuration('notFoundGrace', options.notFoundGrace, { fallback: DEFAULT_NOT_FOUND_GRACE_MS }),
    clockSkewTolerance,
    onPaused,
    pausedTimeout,
    minDelay,
    maxDelay,
    initialDelay: validateDuration('initialDelay', options.initialDelay, { fallback: 0 }),
    heartbeatInterval,
    select,
    after,
    signal: (options.signal as AbortSignal | undefined) ?? null,
    onProgress: (options.onProgress as WaitPlan['onProgress'] | undefined) ?? null,
  };
}

function missing(option: string, fix: string): never {
  throw new InvalidOptionError(option, `is required: ${fix}`);
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return value instanceof AbortSignal || hasMethods(value, ['addEventListener', 'removeEventListener']) && typeof (value as { aborted?: unknown }).aborted === 'boolean';
}

function hasMethods(value: unknown, names: readonly string[]): boolean {
  return typeof value === 'object' && value !== null && names.every((n) => typeof (value as Record<string, unknown>)[n] === 'function');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}
