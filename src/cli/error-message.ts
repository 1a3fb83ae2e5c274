/**
 * Error messages for people: what went wrong and what to do, in one or two lines, never a stack trace
 * (unless `DEBUG` is set, which the caller handles) and never a secret.
 *
 * @packageDocumentation
 */
import { KvstoreApiError } from '../client/errors';
import {
  InvalidOptionError,
  TaskAbortedError,
  TaskFailedError,
  TaskNotFoundError,
  TaskPausedTimeoutError,
  TaskTimeoutError,
} from '../core/errors';
import { taskStatusName, TaskStatus } from '../core/task';
import type { ConnectionFlags } from './args';
import { formatDuration } from '../core/duration';
import { describeSnapshot, taskLabel } from '../core/progress-text';
import { formatResumeCommand } from './resume-command';

/**
 * What the message builder needs to know about the run.
 *
 * @example
 * ```ts
 * const ctx: ErrorContext = { instanceId: 'r-1', regionId: null, endpoint: null, timeoutMs: null };
 * ```
 */
export interface ErrorContext extends ConnectionFlags {
  /** The instance of the run, when the command line got that far. */
  instanceId: string | null;
  timeoutMs: number | null;
}

/** Library option names (camelCase) that the CLI spells differently from `--kebab-case`. */
const FLAG_OF_OPTION: Record<string, string> = { regionId: '--region', notFoundGrace: '--not-found-grace', onPaused: '--fail-on-paused' };

/**
 * The flag a library option corresponds to: `timeout` → `--timeout`, `taskAction` → `--task-action`;
 * names that already are flags (`--since`) pass through.
 *
 * @example
 * ```ts
 * flagOfOption('regionId'); // '--region'
 * ```
 */
export function flagOfOption(option: string): string {
  if (option.startsWith('-')) return option;
  return FLAG_OF_OPTION[option] ?? `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * Turns any error from a run into one or two lines for stderr: what went wrong, then what to do (for an
 * interruption, the exact command that resumes the wait). API errors keep the client's one-line message,
 * which already carries its advice.
 *
 * @example
 * ```ts
 * describeError(new InvalidOptionError('--timeout', '"9Os" is not a duration'), ctx);
 * // ['kvwait: --timeout: "9Os" is not a duration.', 'Run "kvwait --help" for usage.']
 * ```
 */
export function describeError(error: unknown, ctx: ErrorContext): string[] {
  if (error instanceof InvalidOptionError) {
    return [`kvwait: ${flagOfOption(error.option)}: ${sentence(error.reason)}`, 'Run "kvwait --help" for usage.'];
  }
  if (error instanceof TaskPausedTimeoutError) {
    return [
      `kvwait: ${taskLabel(error.task)} on ${instance(ctx)} has been paused for ${formatDuration(error.pausedMs)}.`,
      `Resume the task, then keep waiting with: ${formatResumeCommand(error.resumeToken, ctx)}`,
    ];
  }
  if (error instanceof TaskFailedError) {
    const step = error.lastStep?.name ?? error.task.currentStep;
    const paused = error.task.status === TaskStatus.Paused;
    return [
      `kvwait: ${taskLabel(error.task)} on ${instance(ctx)} ${paused ? 'is paused' : `ended ${taskStatusName(error.task.status)}`}${step ? ` at step ${step}` : ''}.`,
      paused
        ? 'Resume the task, or wait without --fail-on-paused.'
        : `Inspect it with "kvwait tasks --instance-id ${instance(ctx)}", fix the cause, then send the change again.`,
    ];
  }
  if (error instanceof TaskTimeoutError) {
    return [
      `kvwait: timed out after ${formatDuration(error.timeoutMs)}; last seen: ${describeSnapshot({ ...error.lastSnapshot, heartbeat: false }, instance(ctx))}.`,
      `The task may still finish. Keep waiting with: ${formatResumeCommand(error.resumeToken, ctx)}`,
    ];
  }
  if (error instanceof TaskNotFoundError) {
    const wanted = error.taskId !== null ? `task ${error.taskId}` : `${(error.taskAction ?? []).join(' or ')} task`;
    const seen = error.seenActions.length > 0 ? `; tasks seen: ${error.seenActions.join(', ')}` : '; no tasks seen';
    return [
      `kvwait: no ${wanted} began on ${error.instanceId} since ${error.since.toISOString()} within ${formatDuration(error.graceMs)}${seen}.`,
      error.taskId !== null
        ? 'Check --task-id and --instance-id, and that --since is before the task began.'
        : 'Check --task-action (or give --task-id) and --since; raise --not-found-grace if the task starts late.',
    ];
  }
  if (error instanceof TaskAbortedError) {
    return [`kvwait: interrupted; the task itself goes on.`, `Resume the wait with: ${formatResumeCommand(error.resumeToken, ctx)}`];
  }
  // The client's message already names the action, code, HTTP status, request id and what to do, scrubbed of secrets.
  if (error instanceof KvstoreApiError) return [`kvwait: ${sentence(error.message)}`];
  const message = error instanceof Error ? error.message : String(error);
  return [`kvwait: ${sentence(message)}`, 'Set DEBUG=1 for details.'];
}

function instance(ctx: ErrorContext): string {
  return ctx.instanceId ?? 'the instance';
}

/** Ends a message with a period (unless it already ends in punctuation). */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
