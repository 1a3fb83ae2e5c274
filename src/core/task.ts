/**
 * The task model: what DescribeTasks says about one asynchronous operation on an instance.
 *
 * @packageDocumentation
 */

/**
 * Status codes of an R-KVStore task, as DescribeTasks reports them (strings on the wire).
 *
 * @example
 * ```ts
 * import { TaskStatus } from 'alicloud-redis-waiter';
 * if (task.status === TaskStatus.Complete) console.log('done');
 * ```
 */
export enum TaskStatus {
  /** 0: queued, not started yet. */
  Pending = 0,
  /** 1: running. */
  Running = 1,
  /** 2: finished successfully. */
  Complete = 2,
  /** 4: closed (cancelled or rolled back); terminal failure. */
  Closed = 4,
  /** 7: paused; may resume. */
  Paused = 7,
  /** 8: interrupted; terminal failure. */
  Interrupted = 8,
}

/**
 * Every status DescribeTasks accepts, in ascending order.
 *
 * @example
 * ```ts
 * await client.describeTasks({ instanceId, startTime, endTime, statuses: ALL_TASK_STATUSES });
 * ```
 */
export const ALL_TASK_STATUSES: readonly TaskStatus[] = Object.freeze([
  TaskStatus.Pending,
  TaskStatus.Running,
  TaskStatus.Complete,
  TaskStatus.Closed,
  TaskStatus.Paused,
  TaskStatus.Interrupted,
]);

/**
 * Lower-case name of a task status (`pending`, `running`, `complete`, `closed`, `paused`, `interrupted`);
 * `unknown` for `null`, `status N` for a number that is not a status. The CLI prints these names and accepts
 * them back in `--status`.
 *
 * @example
 * ```ts
 * taskStatusName(TaskStatus.Interrupted); // 'interrupted'
 * taskStatusName(null);                   // 'unknown'
 * ```
 */
export function taskStatusName(status: TaskStatus | null): string {
  return status === null ? 'unknown' : (TaskStatus[status]?.toLowerCase() ?? `status ${status}`);
}

/**
 * The status a lower-case name from {@link taskStatusName} stands for, or `undefined` for any other text.
 *
 * @example
 * ```ts
 * taskStatusByName('paused');  // TaskStatus.Paused (7)
 * taskStatusByName('Paused');  // undefined (names are lower-case)
 * ```
 */
export function taskStatusByName(name: string): TaskStatus | undefined {
  return ALL_TASK_STATUSES.find((status) => taskStatusName(status) === name);
}

/**
 * Whether a status ends a task for good: complete (2), closed (4) or interrupted (8).
 *
 * @example
 * ```ts
 * isTerminalStatus(TaskStatus.Closed); // true
 * isTerminalStatus(TaskStatus.Paused); // false
 * ```
 */
export function isTerminalStatus(status: TaskStatus | null): boolean {
  return status === TaskStatus.Complete || status === TaskStatus.Closed || status === TaskStatus.Interrupted;
}

/**
 * One sub-task from the StepsInfo JSON (`[{name, progress, remain}]`).
 *
 * @example
 * ```ts
 * const step: TaskStep = { name: 'init_redis', progress: 12.3, remainSeconds: 107 };
 * ```
 */
export interface TaskStep {
  /** Sub-task name, e.g. `init_redis`. */
  name: string;
  /** Percent complete (0-100), when the server gave a number. */
  progress: number | null;
  /** Expected remaining seconds of this step, when the server gave a number. */
  remainSeconds: number | null;
}

/**
 * `StepProgressInfo` parsed from `"done/total"`, e.g. `"3/3"`.
 *
 * @example
 * ```ts
 * const sp: StepProgress = { done: 2, total: 3 };
 * ```
 */
export interface StepProgress {
  done: number;
  total: number;
}

/**
 * One item of DescribeTasks `Items`, exactly as the wire carries it. Every field is optional and untrusted.
 *
 * @example
 * ```ts
 * const raw: RawTaskItem = { TaskId: '32302', TaskAction: 'ModifyDBInstanceParameter', Status: '2' };
 * ```
 */
export interface RawTaskItem {
  TaskId?: unknown;
  TaskAction?: unknown;
  Status?: unknown;
  Progress?: unknown;
  Remain?: unknown;
  BeginTime?: unknown;
  FinishTime?: unknown;
  CurrentStepName?: unknown;
  StepProgressInfo?: unknown;
  StepsInfo?: unknown;
  [key: string]: unknown;
}

/**
 * A task, parsed. A field the server sent in a form we could not read is `null` here, its name is listed in
 * {@link Task.malformed} and its wire value stays in {@link Task.raw}: parsing never throws.
 *
 * @example
 * ```ts
 * const task = await waitForTask({ instanceId: 'r-bp1...', taskAction: 'ModifyInstanceSpec' });
 * console.log(task.taskId, TaskStatus[task.status ?? -1], task.finishTime?.toISOString());
 * ```
 */
export interface Task {
  /** TaskId (always a string; empty when the server sent none). */
  taskId: string;
  /** TaskAction, an internal label such as `ModifyDBInstanceParameter`. */
  taskAction: string;
  /** Parsed status, or `null` when the wire value is not a known status. */
  status: TaskStatus | null;
  /** Overall progress in percent. */
  progress: number | null;
  /** Server's estimate of the remaining seconds (`Remain`); absent or 0 unless running. */
  remainSeconds: number | null;
  beginTime: Date | null;
  finishTime: Date | null;
  /** `CurrentStepName`. */
  currentStep: string | null;
  /** `StepProgressInfo` as numbers. */
  stepProgress: StepProgress | null;
  /** `StepsInfo` parsed; empty when absent or malformed. */
  steps: TaskStep[];
  /** Names of the wire fields that were present but could not be parsed (e.g. `['StepsInfo']`). */
  malformed: string[];
  /** The item as received. */
  raw: RawTaskItem;
}
