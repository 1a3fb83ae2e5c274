/**
 * What a resource shows while it waits (one ephemeral status line per snapshot: every change and every
 * heartbeat) and the lasting line that sums the task up when it is over.
 *
 * @packageDocumentation
 */
import { describeSnapshot, taskLabel } from '../core/progress-text';
import { formatDuration } from '../core/duration';
import type { ProgressSnapshot } from '../core/snapshot';
import { type Task, taskStatusName } from '../core/task';
import type { DeploymentLog } from './engine-log';

/**
 * An `onProgress` callback that shows each snapshot as the resource's ephemeral status. The waiter calls it on
 * every change and at least every 60 s (heartbeat), so the display never goes silent.
 *
 * @example
 * ```ts
 * await waitForTask({ ...options, onProgress: statusReporter(log, 'r-bp1...') });
 * ```
 */
export function statusReporter(log: DeploymentLog, instanceId: string): (snapshot: ProgressSnapshot) => void {
  return (snapshot) => log.status(describeSnapshot(snapshot, instanceId));
}

/**
 * How long a task took: from its BeginTime to its FinishTime when the server gave both, else how long we waited.
 *
 * @example
 * ```ts
 * taskDurationMs({ beginTime: new Date(0), finishTime: new Date(245_000) }, 10_000); // 245_000
 * ```
 */
export function taskDurationMs(task: Pick<Task, 'beginTime' | 'finishTime'>, waitedMs: number): number {
  if (task.beginTime !== null && task.finishTime !== null) {
    const ms = task.finishTime.getTime() - task.beginTime.getTime();
    if (ms >= 0) return ms;
  }
  return waitedMs;
}

/**
 * The one lasting line per resource: `task 123 (ModifyDBInstanceClass) complete in 4m05s`.
 *
 * @example
 * ```ts
 * log.info(summaryLine(task, waitedMs));
 * ```
 */
export function summaryLine(task: Task, waitedMs: number): string {
  return `${taskLabel(task)} ${taskStatusName(task.status)} in ${formatDuration(taskDurationMs(task, waitedMs))}`;
}
