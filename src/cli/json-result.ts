/**
 * The JSON forms `kvwait` prints: one result object for `wait --json`, one task object per task for
 * `tasks --json`. Pure builders; the caller prints.
 *
 * @packageDocumentation
 */
import { InvalidOptionError, TaskAbortedError, TaskFailedError, TaskPausedTimeoutError, TaskTimeoutError } from '../core/errors';
import type { ResumeToken } from '../core/resume';
import type { Task } from '../core/task';
import { taskSummary, type TaskSummary } from '../core/task-json';
import type { Outcome } from './outcome';

/**
 * The single object `kvwait wait --json` prints on stdout.
 *
 * @example
 * ```ts
 * const r: JsonResult = JSON.parse(stdout);
 * if (r.outcome !== 'complete') console.error(r.error?.message);
 * ```
 */
export interface JsonResult {
  outcome: Outcome;
  /** The matched task as last seen; `null` when no task was matched. */
  task: TaskSummary | null;
  elapsedMs: number;
  /** DescribeTasks (and other) API requests sent, retries included. */
  apiCalls: number;
  /** Present unless the outcome is `complete`. */
  error?: { type: string; code?: string; option?: string; message: string };
  /** Present for `timeout`, `aborted` and a task paused too long: hand to `waitForTask({ resumeToken })` or use the printed command. */
  resumeToken?: ResumeToken;
}

/**
 * The task an error carries, if any (a failed task, or the last snapshot of a timeout or abort).
 *
 * @example
 * ```ts
 * const task = taskOfError(err) ?? lastSeenTask;
 * ```
 */
export function taskOfError(error: unknown): Task | null {
  if (error instanceof TaskFailedError) return error.task;
  if (error instanceof TaskTimeoutError || error instanceof TaskAbortedError) return error.lastSnapshot.task;
  return null;
}

/**
 * Builds the result object of `kvwait wait --json`.
 *
 * @param parts.task - the final task (on success) or the last task seen; the error's own task wins when it has one
 * @example
 * ```ts
 * const result = buildJsonResult({ outcome: 'complete', task, error: null, elapsedMs: 1234, apiCalls: 5 });
 * process.stdout.write(JSON.stringify(result) + '\n');
 * ```
 */
export function buildJsonResult(parts: {
  outcome: Outcome;
  task: Task | null;
  error: unknown;
  elapsedMs: number;
  apiCalls: number;
}): JsonResult {
  const task = taskOfError(parts.error) ?? parts.task;
  const result: JsonResult = {
    outcome: parts.outcome,
    task: task === null ? null : taskSummary(task),
    elapsedMs: Math.round(parts.elapsedMs),
    apiCalls: parts.apiCalls,
  };
  if (parts.error !== null && parts.error !== undefined) result.error = errorToJson(parts.error);
  if (parts.error instanceof TaskTimeoutError || parts.error instanceof TaskAbortedError || parts.error instanceof TaskPausedTimeoutError) {
    result.resumeToken = parts.error.resumeToken;
  }
  return result;
}

function errorToJson(error: unknown): NonNullable<JsonResult['error']> {
  if (!(error instanceof Error)) return { type: 'Error', message: String(error) };
  const out: NonNullable<JsonResult['error']> = { type: error.constructor.name, message: error.message };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') out.code = code;
  if (error instanceof InvalidOptionError) out.option = error.option;
  return out;
}
