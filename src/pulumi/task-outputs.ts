/**
 * The task a resource waited for, as JSON-safe resource outputs (ISO times, plain step objects).
 *
 * @packageDocumentation
 */
import { type Task, TaskStatus } from '../core/task';
import { type TaskSummary, taskSummary } from '../core/task-json';

/**
 * Task fields every resource outputs: the core's JSON-safe {@link TaskSummary}. All `null` (and no steps) when
 * no task was needed (the instance already had the wanted value).
 *
 * @example
 * ```ts
 * const outs: TaskOutputs = taskOutputs(task);
 * outs.status; // 2 (TaskStatus.Complete)
 * ```
 */
export type TaskOutputs = { [K in keyof TaskSummary]: TaskSummary[K] | null } & { steps: TaskSummary['steps'] };

/**
 * Outputs for `task`, or the all-`null` outputs when there was no task.
 *
 * @example
 * ```ts
 * taskOutputs(null).taskId; // null
 * ```
 */
export function taskOutputs(task: Task | null): TaskOutputs {
  if (task === null) {
    return { taskId: null, taskAction: null, status: null, progress: null, beginTime: null, finishTime: null, currentStep: null, steps: [] };
  }
  return taskSummary(task);
}

/**
 * The task recorded in a resource's previous outputs, when there is one with a begin time: the waiter only
 * matches tasks newer than it.
 *
 * @example
 * ```ts
 * recordedTask({ taskId: '9', beginTime: '2024-05-01T10:00:00.000Z' }); // { taskId: '9', beginTime: '2024-05-01T10:00:00.000Z' }
 * recordedTask({}); // null
 * ```
 */
export function recordedTask(outputs: Record<string, unknown>): { taskId: string; beginTime: string } | null {
  const { taskId, beginTime } = outputs;
  if (typeof taskId !== 'string' || taskId === '' || typeof beginTime !== 'string' || Number.isNaN(Date.parse(beginTime))) return null;
  return { taskId, beginTime };
}

/**
 * Whether previous outputs record a task that did not complete (a partial failure from a failed, timed-out or
 * interrupted run): the next `pulumi up` must wait again even when no input changed.
 *
 * @example
 * ```ts
 * recordsUnfinishedTask({ taskId: '9', status: 1 }); // true
 * recordsUnfinishedTask({ taskId: '9', status: 2 }); // false
 * recordsUnfinishedTask({ taskId: null });           // false (no task was needed)
 * ```
 */
export function recordsUnfinishedTask(outputs: Record<string, unknown>): boolean {
  return typeof outputs['taskId'] === 'string' && outputs['status'] !== TaskStatus.Complete;
}
