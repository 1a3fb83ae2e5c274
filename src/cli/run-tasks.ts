/**
 * `kvwait tasks`: lists an instance's tasks in a time window as a table or a JSON array.
 *
 * @packageDocumentation
 */
import type { Task } from '../core/task';
import { taskSummary } from '../core/task-json';
import { queryWindow } from '../core/window';
import type { TasksCommand } from './args';
import { colorEnabled, painter } from './color';
import { classifyEnding, ExitCode, interruptExitCode } from './outcome';
import { reportError, type CliStreams } from './report-error';
import type { CliConnection } from './run-wait';
import { formatTasksTable } from './tasks-table';

/**
 * What `kvwait tasks` needs from the outside world.
 *
 * @example
 * ```ts
 * const exitCode = await runTasks(command, { ...streams, connect, signal });
 * ```
 */
export interface TasksRuntime extends CliStreams {
  connect(flags: Pick<TasksCommand, 'regionId' | 'endpoint'>): CliConnection | Promise<CliConnection>;
  signal: AbortSignal;
}

/**
 * Orders tasks by begin time, oldest first (tasks without one last), then by TaskId.
 *
 * @example
 * ```ts
 * sortTasks(tasks).map((t) => t.taskId);
 * ```
 */
function sortTasks(tasks: readonly Task[]): Task[] {
  const begin = (t: Task) => t.beginTime?.getTime() ?? Number.POSITIVE_INFINITY;
  return [...tasks].sort((a, b) => begin(a) - begin(b) || a.taskId.localeCompare(b.taskId, 'en', { numeric: true }));
}

/**
 * Whether a task began within `[since, until]` (a task without a readable BeginTime is kept).
 *
 * @example
 * ```ts
 * inWindow(task, new Date(Date.now() - 3_600_000), new Date());
 * ```
 */
function inWindow(task: Task, since: Date, until: Date): boolean {
  const begin = task.beginTime?.getTime();
  return begin === undefined || (begin >= since.getTime() && begin <= until.getTime());
}

/**
 * Runs `kvwait tasks` and returns the exit code (0, 5 on an API error, 130 when interrupted).
 *
 * @example
 * ```ts
 * process.exitCode = await runTasks(parsed, runtime);
 * ```
 */
export async function runTasks(cmd: TasksCommand, rt: TasksRuntime): Promise<number> {
  const tasks: Task[] = [];
  try {
    const { source } = await rt.connect(cmd);
    // The API takes whole minutes: ask for every minute the window touches, then keep the exact window.
    const { startTime, endTime } = queryWindow(cmd.since, 0, cmd.until.getTime());
    const query = { instanceId: cmd.instanceId, startTime, endTime, ...(cmd.statuses !== null && { statuses: cmd.statuses }) };
    for await (const task of source.listTasks(query, { signal: rt.signal })) {
      if (inWindow(task, cmd.since, cmd.until)) tasks.push(task);
    }
  } catch (error) {
    if (rt.signal.aborted) return interruptExitCode(rt.signal.reason);
    reportError(error, { ...cmd, timeoutMs: null }, rt, painter(colorEnabled(rt.env, rt.stderr.isTTY)));
    return classifyEnding(error).exitCode;
  }
  const sorted = sortTasks(tasks);
  rt.stdout.write(`${cmd.json ? JSON.stringify(sorted.map(taskSummary), null, 2) : formatTasksTable(sorted)}\n`);
  return ExitCode.Complete;
}
