/**
 * The JSON-safe summary of a task that the CLI prints and the Pulumi resources output: times as ISO strings,
 * the status as its number, steps as plain objects. Pure, no I/O.
 *
 * @packageDocumentation
 */
import type { Task, TaskStatus, TaskStep } from './task';

/**
 * A task as plain JSON: what `kvwait --json` prints for a task and what resources record.
 *
 * @example
 * ```ts
 * const summary: TaskSummary = taskSummary(task);
 * JSON.stringify(summary); // '{"taskId":"123","taskAction":"ModifyInstanceSpec","status":2,...}'
 * ```
 */
export interface TaskSummary {
  taskId: string;
  taskAction: string;
  /** DescribeTasks status code: 0 pending, 1 running, 2 complete, 4 closed, 7 paused, 8 interrupted; `null` when unreadable. */
  status: TaskStatus | null;
  /** Percent complete. */
  progress: number | null;
  /** ISO time, e.g. `2024-05-01T10:00:00.000Z`. */
  beginTime: string | null;
  /** ISO time. */
  finishTime: string | null;
  currentStep: string | null;
  /** Copies of the steps, without any extra fields. */
  steps: TaskStep[];
}

/**
 * Summarises a task as JSON-safe values, keys in a fixed order.
 *
 * @example
 * ```ts
 * taskSummary(task).beginTime; // '2024-05-01T10:00:00.000Z'
 * taskSummary(task).steps;     // [{ name: 'init_redis', progress: 40, remainSeconds: 107 }]
 * ```
 */
export function taskSummary(task: Task): TaskSummary {
  return {
    taskId: task.taskId,
    taskAction: task.taskAction,
    status: task.status,
    progress: task.progress,
    beginTime: task.beginTime?.toISOString() ?? null,
    finishTime: task.finishTime?.toISOString() ?? null,
    currentStep: task.currentStep,
    steps: task.steps.map((s) => ({ name: s.name, progress: s.progress, remainSeconds: s.remainSeconds })),
  };
}
