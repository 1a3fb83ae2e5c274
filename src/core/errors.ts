/**
 * Typed errors of the waiter. Every error is a class with fields; messages say what happened and what to do.
 *
 * @packageDocumentation
 */
import type { ResumeToken } from './resume';
import type { ProgressSnapshot } from './snapshot';
import type { Task, TaskStep } from './task';

/**
 * Base class of every error this package throws.
 *
 * @example
 * ```ts
 * try { await waitForTask(opts); } catch (e) { if (e instanceof RedisWaiterError) console.error(e.message); }
 * ```
 */
export class RedisWaiterError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * An option (or CLI flag, or resource input) is missing or malformed. Thrown before any API call.
 *
 * @example
 * ```ts
 * await waitForTask({ instanceId: '' }); // InvalidOptionError: option "instanceId" ...
 * ```
 */
export class InvalidOptionError extends RedisWaiterError {
  /** Name of the offending option, e.g. `timeout`. */
  readonly option: string;
  /** What is wrong and how to fix it. */
  readonly reason: string;
  constructor(option: string, reason: string) {
    super(`Invalid option "${option}": ${reason}`);
    this.option = option;
    this.reason = reason;
  }
}

/**
 * The task ended in Closed (4) or Interrupted (8), or paused with `onPaused: 'fail'`.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof TaskFailedError) console.error(e.task.taskId, e.lastStep?.name); }
 * ```
 */
export class TaskFailedError extends RedisWaiterError {
  readonly task: Task;
  /** The step the task was in when it failed, when known. */
  readonly lastStep: TaskStep | null;
  constructor(task: Task, lastStep: TaskStep | null, message: string) {
    super(message);
    this.task = task;
    this.lastStep = lastStep;
  }
}

/**
 * The deadline passed before the task finished (after one final poll at the deadline).
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof TaskTimeoutError) save(e.resumeToken); }
 * ```
 */
export class TaskTimeoutError extends RedisWaiterError {
  readonly timeoutMs: number;
  /** The last snapshot seen (task may be null if it never appeared). */
  readonly lastSnapshot: ProgressSnapshot;
  readonly resumeToken: ResumeToken;
  constructor(timeoutMs: number, lastSnapshot: ProgressSnapshot, message: string) {
    super(message);
    this.timeoutMs = timeoutMs;
    this.lastSnapshot = lastSnapshot;
    this.resumeToken = lastSnapshot.resumeToken;
  }
}

/**
 * No task matched within the not-found grace period.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof TaskNotFoundError) console.error(e.seenActions); }
 * ```
 */
export class TaskNotFoundError extends RedisWaiterError {
  readonly instanceId: string;
  readonly taskId: string | null;
  readonly taskAction: string[] | null;
  readonly since: Date;
  readonly graceMs: number;
  /** TaskActions of the tasks seen in the window, to help fix a wrong `taskAction`. */
  readonly seenActions: string[];
  constructor(
    fields: { instanceId: string; taskId: string | null; taskAction: string[] | null; since: Date; graceMs: number; seenActions: string[] },
    message: string,
  ) {
    super(message);
    this.instanceId = fields.instanceId;
    this.taskId = fields.taskId;
    this.taskAction = fields.taskAction;
    this.since = fields.since;
    this.graceMs = fields.graceMs;
    this.seenActions = fields.seenActions;
  }
}

/**
 * The wait was aborted through its `signal`. Timers were cleared and no further request is sent.
 * `name` is `'AbortError'` so generic abort handling recognises it.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof TaskAbortedError) save(e.resumeToken); }
 * ```
 */
export class TaskAbortedError extends RedisWaiterError {
  /** `signal.reason`. */
  readonly reason: unknown;
  readonly lastSnapshot: ProgressSnapshot;
  readonly resumeToken: ResumeToken;
  constructor(reason: unknown, lastSnapshot: ProgressSnapshot, message: string) {
    super(message, { cause: reason });
    this.name = 'AbortError';
    this.reason = reason;
    this.lastSnapshot = lastSnapshot;
    this.resumeToken = lastSnapshot.resumeToken;
  }
}

/**
 * With `onPaused: 'wait'`, the task stayed paused (7) longer than `pausedTimeout`. A {@link TaskFailedError}, so
 * callers that treat failures alike need no extra branch; `resumeToken` continues the wait later.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof TaskPausedTimeoutError) console.error(`paused for ${e.pausedMs} ms`); }
 * ```
 */
export class TaskPausedTimeoutError extends TaskFailedError {
  /** How long the task had been seen paused. */
  readonly pausedMs: number;
  readonly resumeToken: ResumeToken;
  constructor(task: Task, lastStep: TaskStep | null, pausedMs: number, resumeToken: ResumeToken, message: string) {
    super(task, lastStep, message);
    this.pausedMs = pausedMs;
    this.resumeToken = resumeToken;
  }
}

/**
 * `waitForInstanceStatus` reached its deadline (after a final poll) without seeing the expected status.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof InstanceStatusTimeoutError) console.error(e.lastStatus); }
 * ```
 */
export class InstanceStatusTimeoutError extends RedisWaiterError {
  readonly instanceId: string;
  readonly expectedStatus: string;
  /** The status of the last poll (`null` if no poll succeeded). */
  readonly lastStatus: string | null;
  readonly timeoutMs: number;
  constructor(fields: { instanceId: string; expectedStatus: string; lastStatus: string | null; timeoutMs: number }, message: string) {
    super(message);
    this.instanceId = fields.instanceId;
    this.expectedStatus = fields.expectedStatus;
    this.lastStatus = fields.lastStatus;
    this.timeoutMs = fields.timeoutMs;
  }
}

/**
 * `waitForInstanceStatus` was aborted through its `signal`. `name` is `'AbortError'`.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof InstanceWaitAbortedError) console.error('stopped; last status', e.lastStatus); }
 * ```
 */
export class InstanceWaitAbortedError extends RedisWaiterError {
  readonly reason: unknown;
  readonly instanceId: string;
  readonly lastStatus: string | null;
  constructor(reason: unknown, fields: { instanceId: string; lastStatus: string | null }, message: string) {
    super(message, { cause: reason });
    this.name = 'AbortError';
    this.reason = reason;
    this.instanceId = fields.instanceId;
    this.lastStatus = fields.lastStatus;
  }
}
