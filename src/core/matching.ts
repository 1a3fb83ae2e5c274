/**
 * Which task in a DescribeTasks listing is the one we wait for. Pure.
 *
 * @packageDocumentation
 */
import { NO_CLOCK_OFFSET, type ClockOffset } from './server-clock';
import { isTerminalStatus, TaskStatus, type Task } from './task';

/**
 * What identifies the awaited task.
 *
 * @example
 * ```ts
 * const criteria: MatchCriteria = {
 *   taskId: null, taskIdHint: null, taskActions: ['ModifyDBInstanceClass'],
 *   since: new Date('2024-05-01T10:00:00Z'), clockSkewTolerance: 120_000, select: 'earliest', after: null, ignoreTaskIds: [],
 * };
 * ```
 */
export interface MatchCriteria {
  /** Exact TaskId: only this task matches. */
  taskId: string | null;
  /** A TaskId that probably is the task: preferred when present, otherwise the action rules apply. */
  taskIdHint: string | null;
  taskActions: readonly string[] | null;
  /** When the mutation was sent (or, with `select: 'newest'`, the start of the look-back). */
  since: Date;
  clockSkewTolerance: number;
  select: 'earliest' | 'newest';
  /** With `select: 'newest'`: the previously recorded task; only newer tasks match. */
  after: { taskId: string; beginTime: Date } | null;
  /** TaskIds known to belong to something else (e.g. the task that blocked a mutation); never matched by action. Default none. */
  ignoreTaskIds?: readonly string[];
  /**
   * Bounds on `server clock − our clock` (as `clockOffsetFrom` estimates them). BeginTime and FinishTime are stamped by the
   * server's clock while `since` is ours, so the time bounds move `since` onto the server's clock by `min`: the
   * lower bound, so that a task begun or finished after the mutation is never judged older than it (the cost: a
   * stale task that finished within the estimate's error, ~1 s plus a round trip, before the mutation is not
   * told apart, as one finished within the same second never was). Default {@link NO_CLOCK_OFFSET}: the clocks
   * agree, and `clockSkewTolerance` alone covers a difference.
   */
  serverClockOffset?: ClockOffset;
}

/**
 * `since` on the server's clock, at the earliest it can be: `since + serverClockOffset.min`.
 *
 * @example
 * ```ts
 * serverSince({ since: new Date('2024-05-01T10:00:00Z'), serverClockOffset: { min: 89_000, max: 90_500 } }).toISOString();
 * // '2024-05-01T10:01:29.000Z'
 * ```
 */
export function serverSince(criteria: Pick<MatchCriteria, 'since' | 'serverClockOffset'>): Date {
  return new Date(criteria.since.getTime() + (criteria.serverClockOffset ?? NO_CLOCK_OFFSET).min);
}

/**
 * Lowest BeginTime (on the server's clock) a new task may carry: `since + serverClockOffset.min − clockSkewTolerance`,
 * in epoch ms.
 *
 * @example
 * ```ts
 * beginTimeFloor({ since: new Date('2024-05-01T10:00:00Z'), clockSkewTolerance: 120_000 }); // Date.parse('2024-05-01T09:58:00Z')
 * ```
 */
export function beginTimeFloor(criteria: Pick<MatchCriteria, 'since' | 'clockSkewTolerance' | 'serverClockOffset'>): number {
  return serverSince(criteria).getTime() - criteria.clockSkewTolerance;
}

/**
 * A finished task that had finished before the mutation was sent: it belongs to an earlier call. Pass `since` on
 * the clock that stamped FinishTime (the server's: see {@link serverSince}).
 *
 * @example
 * ```ts
 * finishedBefore(oldTask, new Date('2024-05-01T10:00:00Z')); // true if it finished before 10:00
 * ```
 */
export function finishedBefore(task: Task, since: Date): boolean {
  // FinishTime is truncated to the second: a task stamped in the same second as `since` may have ended after it.
  const sinceSecond = Math.floor(since.getTime() / 1000) * 1000;
  return isTerminalStatus(task.status) && task.finishTime !== null && task.finishTime.getTime() < sinceSecond;
}

function compareBegin(a: Task, b: Task): number {
  // Both have a beginTime here; equal times fall back to the TaskId (numeric when both are numbers) for a stable pick.
  const byTime = (a.beginTime as Date).getTime() - (b.beginTime as Date).getTime();
  if (byTime !== 0) return byTime;
  const na = Number(a.taskId);
  const nb = Number(b.taskId);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0;
}

function isNewerThan(task: Task, previous: { taskId: string; beginTime: Date }): boolean {
  if (task.taskId === previous.taskId) return false;
  return (task.beginTime as Date).getTime() >= previous.beginTime.getTime();
}

/**
 * Picks the awaited task from a listing, or `null` when none matches (yet).
 * - `taskId`: that task exactly, whatever its time or status.
 * - `taskIdHint`: that task when it is listed; otherwise the action rules.
 * - `select: 'earliest'`: a task with one of `taskActions`, `BeginTime >= since − clockSkewTolerance`, that had
 *   not already finished before `since` (a stale task of an earlier call); the earliest such task wins.
 * - `select: 'newest'`: a task with one of `taskActions`, `BeginTime >= since − clockSkewTolerance`, newer than
 *   `after` when given; finished tasks count; the newest wins.
 *
 * `since` is moved onto the server's clock first (by `serverClockOffset.min`), as BeginTime and FinishTime are
 * the server's.
 *
 * Tasks without a readable BeginTime never match by action (their age is unknown).
 *
 * @example
 * ```ts
 * const task = selectTask(page.tasks, criteria);
 * if (task) console.log('following', task.taskId);
 * ```
 */
export function selectTask(tasks: readonly Task[], criteria: MatchCriteria): Task | null {
  if (criteria.taskId !== null) return tasks.find((t) => t.taskId === criteria.taskId) ?? null;
  if (criteria.taskIdHint !== null) {
    const hinted = tasks.find((t) => t.taskId === criteria.taskIdHint);
    if (hinted) return hinted;
  }
  if (criteria.taskActions === null) return null;
  const floor = beginTimeFloor(criteria);
  const { taskActions, after, ignoreTaskIds = [] } = criteria;
  const candidates = tasks.filter(
    (t) => taskActions.includes(t.taskAction) && t.beginTime !== null && t.beginTime.getTime() >= floor && !ignoreTaskIds.includes(t.taskId),
  );
  if (criteria.select === 'newest') {
    const newer = after === null ? candidates : candidates.filter((t) => isNewerThan(t, after));
    return newer.reduce<Task | null>((best, t) => (best === null || compareBegin(t, best) > 0 ? t : best), null);
  }
  const mutationSentAt = serverSince(criteria);
  const fresh = candidates.filter((t) => !finishedBefore(t, mutationSentAt));
  return fresh.reduce<Task | null>((best, t) => (best === null || compareBegin(t, best) < 0 ? t : best), null);
}

/**
 * The task that blocks a new mutation (after `Task.Conflict` / `IncorrectDBInstanceState`): the newest task
 * still pending, running or paused, or `null`.
 *
 * @example
 * ```ts
 * const blocker = selectBlockingTask(tasks);
 * if (blocker) await waitForTask({ instanceId, taskId: blocker.taskId, since: blocker.beginTime ?? since });
 * ```
 */
export function selectBlockingTask(tasks: readonly Task[]): Task | null {
  const open = tasks.filter(
    (t) => (t.status === TaskStatus.Pending || t.status === TaskStatus.Running || t.status === TaskStatus.Paused) && t.beginTime !== null,
  );
  return open.reduce<Task | null>((best, t) => (best === null || compareBegin(t, best) > 0 ? t : best), null);
}
