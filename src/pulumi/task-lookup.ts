/**
 * One-shot task lookups the resources make besides waiting: an open task of an action (to resume after an
 * interrupted run), the newest task of an action (a restart that already happened), and the current state of a
 * recorded task (refresh).
 *
 * @packageDocumentation
 */
import { selectBlockingTask, selectTask } from '../core/matching';
import { type Task, TaskStatus } from '../core/task';
import type { TaskSource } from '../core/task-source';
import { recordedTask } from './task-outputs';

/**
 * How far back an open task of an action is looked for: 24 h.
 *
 * @example
 * ```ts
 * const since = new Date(Date.now() - OPEN_TASK_LOOKBACK_MS);
 * ```
 */
export const OPEN_TASK_LOOKBACK_MS = 24 * 60 * 60_000;

/** A window end slightly in the future, for server clocks ahead of ours. */
const windowEnd = (): Date => new Date(Date.now() + 60_000);

async function collect(source: TaskSource, instanceId: string, startTime: Date, statuses?: TaskStatus[]): Promise<Task[]> {
  const tasks: Task[] = [];
  for await (const task of source.listTasks({ instanceId, startTime, endTime: windowEnd(), ...(statuses ? { statuses } : {}) })) tasks.push(task);
  return tasks;
}

/**
 * The newest task with one of `taskActions` that is still pending, running or paused, begun within the last
 * {@link OPEN_TASK_LOOKBACK_MS}; `null` when there is none.
 *
 * @example
 * ```ts
 * const open = await findOpenTask(client, 'r-1', ['ModifyDBInstanceClass']);
 * if (open) await waitForTask({ instanceId: 'r-1', taskId: open.taskId, client });
 * ```
 */
export async function findOpenTask(source: TaskSource, instanceId: string, taskActions: readonly string[]): Promise<Task | null> {
  const open = [TaskStatus.Pending, TaskStatus.Running, TaskStatus.Paused];
  const tasks = await collect(source, instanceId, new Date(Date.now() - OPEN_TASK_LOOKBACK_MS), open);
  return selectBlockingTask(tasks.filter((t) => taskActions.includes(t.taskAction)));
}

/**
 * The newest task with one of `taskActions` begun within `lookbackMs`, newer than `after` when given, in any
 * of `statuses` (default: any status); `null` when there is none.
 *
 * @example
 * ```ts
 * const last = await findNewestTask(client, 'r-1', ['RestartDBInstance'], 600_000, null);
 * if (last?.status === TaskStatus.Complete) console.log('restarted recently');
 * ```
 */
export async function findNewestTask(
  source: TaskSource,
  instanceId: string,
  taskActions: readonly string[],
  lookbackMs: number,
  after: { taskId: string; beginTime: string } | null,
  statuses?: TaskStatus[],
): Promise<Task | null> {
  const since = new Date(Date.now() - lookbackMs);
  const tasks = await collect(source, instanceId, since, statuses);
  return selectTask(tasks, {
    taskId: null,
    taskIdHint: null,
    taskActions,
    since,
    clockSkewTolerance: 0,
    select: 'newest',
    after: after === null ? null : { taskId: after.taskId, beginTime: new Date(after.beginTime) },
  });
}

/**
 * The current state of the task recorded in `outputs`, or `null` when none is recorded or it is no longer
 * listed.
 *
 * @example
 * ```ts
 * const task = await readRecordedTask(client, 'r-1', previousOutputs);
 * ```
 */
export async function readRecordedTask(source: TaskSource, instanceId: string, outputs: Record<string, unknown>): Promise<Task | null> {
  const recorded = recordedTask(outputs);
  if (recorded === null) return null;
  const tasks = await collect(source, instanceId, new Date(Date.parse(recorded.beginTime) - 60_000));
  return tasks.find((t) => t.taskId === recorded.taskId) ?? null;
}
