/**
 * The plain-text table of `kvwait tasks`.
 *
 * @packageDocumentation
 */
import { taskStatusName, type Task } from '../core/task';
import { isoSeconds, percentText } from '../core/progress-text';

const HEADERS = ['TASK ID', 'ACTION', 'STATUS', 'PROGRESS', 'STEP', 'BEGIN', 'FINISH'] as const;

/**
 * Formats tasks as a left-aligned table with a header row, columns separated by two spaces, times in UTC
 * to the second, `-` for unknown values. An empty list gives a single explanatory line.
 *
 * @example
 * ```ts
 * console.log(formatTasksTable(tasks));
 * // TASK ID  ACTION              STATUS    PROGRESS  STEP        BEGIN                 FINISH
 * // 1001     ModifyInstanceSpec  running   46%       init_redis  2024-05-01T10:00:00Z  -
 * ```
 */
export function formatTasksTable(tasks: readonly Task[]): string {
  if (tasks.length === 0) return 'No tasks in this time window.';
  const rows = tasks.map((t) => [
    t.taskId || '-',
    t.taskAction || '-',
    taskStatusName(t.status),
    t.progress === null ? '-' : percentText(t.progress),
    stepCell(t),
    timeCell(t.beginTime),
    timeCell(t.finishTime),
  ]);
  const all = [[...HEADERS], ...rows];
  const widths = HEADERS.map((_, col) => Math.max(...all.map((row) => row[col].length)));
  return all.map((row) => row.map((cell, col) => cell.padEnd(widths[col])).join('  ').trimEnd()).join('\n');
}

function stepCell(t: Task): string {
  const count = t.stepProgress !== null ? ` ${t.stepProgress.done}/${t.stepProgress.total}` : '';
  return t.currentStep === null && count === '' ? '-' : `${t.currentStep ?? ''}${count}`.trim();
}

function timeCell(date: Date | null): string {
  return date === null ? '-' : isoSeconds(date);
}
