/**
 * The options of `waitForTask`, their defaults, and the resolved plan a validated set of options becomes.
 *
 * @packageDocumentation
 */
import type { Clock } from './clock';
import type { ResumeToken } from './resume';
import type { ProgressSnapshot } from './snapshot';
import type { TaskSource } from './task-source';
import type { ConnectionFields } from './connect';

/**
 * A task recorded earlier (e.g. in a Pulumi resource's outputs): with `select: 'newest'`, only a task newer than
 * this one matches.
 *
 * @example
 * ```ts
 * const after: PreviousTask = { taskId: '32302', beginTime: '2024-05-01T10:00:00Z' };
 * ```
 */
export interface PreviousTask {
  taskId: string;
  /** A `Date` or an ISO time string. */
  beginTime: Date | string;
}

/**
 * Options of `waitForTask`. Every duration is in milliseconds.
 *
 * @example
 * ```ts
 * const task = await waitForTask({
 *   instanceId: 'r-bp1zxszhcgatnx****',
 *   taskAction: ['ModifyDBInstanceClass', 'ModifyInstanceSpec'],
 *   since: sentAt,
 *   timeout: 30 * 60_000,
 *   regionId: 'cn-hangzhou',
 *   onProgress: (s) => console.log(s.currentStep, s.progress),
 * });
 * ```
 */
export interface WaitForTaskOptions extends ConnectionFields {
  /** The instance, e.g. `r-bp1...`. Required unless `resumeToken` gives it. */
  instanceId?: string;
  /** TaskAction label(s) to match. At least one of `taskAction` and `taskId` (or a `resumeToken`). */
  taskAction?: string | readonly string[];
  /** The exact TaskId to follow. */
  taskId?: string;
  /** When the mutation was sent. Default: now. */
  since?: Date;
  /** Budget of the whole wait. Default 60 min ({@link DEFAULT_TIMEOUT_MS}). */
  timeout?: number;
  /** Aborts the wait: rejects with `TaskAbortedError`, clears every timer, sends no further request. */
  signal?: AbortSignal;
  /**
   * Called on every change the waiter sees and as a heartbeat at least every `heartbeatInterval`. Not awaited;
   * an error it throws (or a promise it rejects) is reported once through `process.emitWarning` and the wait
   * goes on, so a broken display never loses the task.
   */
  onProgress?: (snapshot: ProgressSnapshot) => void | Promise<void>;
  /** The API client. Without it, one is built from `regionId`, `endpoint` and `credentials`. */
  client?: TaskSource;
  /** How long a new task may take to appear before `TaskNotFoundError`. Default 3 min. */
  notFoundGrace?: number;
  /**
   * How far the server's clock may differ from ours. Default 2 min. BeginTime and FinishTime come from the
   * server's clock: when the client reports it (the HTTP `Date` header of each DescribeTasks response), the waiter
   * compares them with `since` moved onto that clock (within the estimate's ~1 s error), and this tolerance only
   * widens the BeginTime bound. Without a reported server time, the clocks are taken to agree.
   */
  clockSkewTolerance?: number;
  /** What a paused (7) task does: `'wait'` (default) for it to resume, or `'fail'` at once. */
  onPaused?: 'wait' | 'fail';
  /** With `onPaused: 'wait'`, how long a task may stay paused before `TaskPausedTimeoutError`. Default: until the deadline. */
  pausedTimeout?: number;
  /** Shortest sleep between polls. Default 2 s. Must be > 0. */
  minDelay?: number;
  /** Longest sleep between polls. Default 60 s. */
  maxDelay?: number;
  /** Sleep before the first poll. Default 0 (poll at once: the task may be finished already). */
  initialDelay?: number;
  /** Longest silence between two `onProgress` calls, 1 ms .. 60 s. Default 60 s. */
  heartbeatInterval?: number;
  /** Continue a wait from a snapshot's or an error's token. */
  resumeToken?: ResumeToken;
  /** Time, sleep and randomness. Default {@link systemClock}. */
  clock?: Clock;
  /**
   * Which of several matching tasks wins. `'earliest'` (default): the earliest begun at or after
   * `since − clockSkewTolerance`, never a task that had already finished before `since` (a mutation just sent).
   * `'newest'`: the newest begun at or after `since − clockSkewTolerance` (and newer than `after`); a task that
   * has finished already counts (a mutation sent earlier, as in a Pulumi waiter resource).
   */
  select?: 'earliest' | 'newest';
  /** With `select: 'newest'`: only tasks newer than this one match. */
  after?: PreviousTask;
}

/**
 * Default `timeout`: 60 min, the upper end of the alicloud provider's update timeouts.
 *
 * @example
 * ```ts
 * await waitForTask({ ...opts, timeout: 2 * DEFAULT_TIMEOUT_MS });
 * ```
 */
export const DEFAULT_TIMEOUT_MS = 60 * 60_000;
/**
 * Default `notFoundGrace`: 3 min; tasks usually appear within seconds of the call.
 *
 * @example
 * ```ts
 * await waitForTask({ ...opts, notFoundGrace: DEFAULT_NOT_FOUND_GRACE_MS * 2 });
 * ```
 */
export const DEFAULT_NOT_FOUND_GRACE_MS = 3 * 60_000;
/**
 * Default `clockSkewTolerance`: 2 min.
 *
 * @example
 * ```ts
 * const floor = since.getTime() - DEFAULT_CLOCK_SKEW_TOLERANCE_MS;
 * ```
 */
export const DEFAULT_CLOCK_SKEW_TOLERANCE_MS = 2 * 60_000;
/**
 * Default `minDelay`: 2 s (as AWS waiters); a task never finishes faster than the API can be polled usefully.
 *
 * @example
 * ```ts
 * await waitForTask({ ...opts, minDelay: DEFAULT_MIN_DELAY_MS / 2 });
 * ```
 */
export const DEFAULT_MIN_DELAY_MS = 2_000;
/**
 * Default `maxDelay`: 60 s, so even a 30-minute task is confirmed within a minute of its end.
 *
 * @example
 * ```ts
 * await waitForTask({ ...opts, maxDelay: DEFAULT_MAX_DELAY_MS / 2 });
 * ```
 */
export const DEFAULT_MAX_DELAY_MS = 60_000;
/**
 * Default and largest `heartbeatInterval`: 60 s, under the usual 10-minute CI silence limits by far.
 *
 * @example
 * ```ts
 * await waitForTask({ ...opts, heartbeatInterval: MAX_HEARTBEAT_INTERVAL_MS / 2 });
 * ```
 */
export const MAX_HEARTBEAT_INTERVAL_MS = 60_000;

/**
 * Validated, defaulted options: what the wait loop runs on. Times are epoch milliseconds.
 *
 * @example
 * ```ts
 * const plan = validateWaitOptions({ instanceId: 'r-1', taskAction: 'RestartDBInstance' }, Date.now());
 * plan.deadline - plan.startedAt; // 3_600_000
 * ```
 */
export interface WaitPlan {
  instanceId: string;
  /** Exact TaskId to follow (from `taskId` or the token). */
  taskId: string | null;
  /** A TaskId that probably is the task (from a mutation's response); preferred, but not required, when matching. */
  taskIdHint: string | null;
  taskActions: string[] | null;
  since: Date;
  startedAt: number;
  deadline: number;
  notFoundGrace: number;
  clockSkewTolerance: number;
  onPaused: 'wait' | 'fail';
  /** `null`: no limit but the deadline. */
  pausedTimeout: number | null;
  minDelay: number;
  maxDelay: number;
  initialDelay: number;
  heartbeatInterval: number;
  select: 'earliest' | 'newest';
  after: { taskId: string; beginTime: Date } | null;
  /** TaskIds that belong to something else (set by `mutateAndWait` for the task that blocked it). */
  ignoreTaskIds: string[];
  signal: AbortSignal | null;
  onProgress: ((snapshot: ProgressSnapshot) => void | Promise<void>) | null;
}
