/**
 * Plain-text descriptions of progress snapshots, shared by the CLI's displays and the Pulumi progress lines.
 * Pure, and free of control characters: these strings go to CI logs and the `pulumi up` display.
 *
 * @packageDocumentation
 */
import type { ProgressSnapshot } from './snapshot';
import { taskStatusName, type Task } from './task';
import { formatDuration } from './duration';

/**
 * `task 123 (ModifyInstanceSpec)`: how messages name a task.
 *
 * @example
 * ```ts
 * taskLabel(task); // 'task 123 (ModifyInstanceSpec)'
 * ```
 */
export function taskLabel(task: Pick<Task, 'taskId' | 'taskAction'>): string {
  return `task ${task.taskId || '?'} (${task.taskAction || '?'})`;
}

/**
 * The step part of a progress description: `step init_redis 2/3`, `step init_redis`, `step 2/3`, or `''`.
 *
 * @example
 * ```ts
 * stepText({ currentStep: 'init_redis', stepIndex: 2, stepCount: 3 }); // 'step init_redis 2/3'
 * ```
 */
export function stepText(s: Pick<ProgressSnapshot, 'currentStep' | 'stepIndex' | 'stepCount'>): string {
  const count = s.stepIndex !== null && s.stepCount !== null ? `${s.stepIndex}/${s.stepCount}` : '';
  const body = [s.currentStep ?? '', count].filter((p) => p !== '').join(' ');
  return body === '' ? '' : `step ${body}`;
}

/**
 * Percent as shown to people: whole numbers, `--` when unknown.
 *
 * @example
 * ```ts
 * percentText(45.6); // '46%'
 * percentText(null); // '--%'
 * ```
 */
export function percentText(progress: number | null): string {
  return progress === null ? '--%' : `${Math.round(Math.min(100, Math.max(0, progress)))}%`;
}

/**
 * ETA text from the server's remaining seconds: `about 1m47s left`, or `''` when unknown or zero.
 *
 * @example
 * ```ts
 * etaText(107); // 'about 1m47s left'
 * ```
 */
function etaText(remainSeconds: number | null): string {
  return remainSeconds === null || remainSeconds <= 0 ? '' : `about ${formatDuration(remainSeconds * 1000)} left`;
}

/**
 * What a snapshot says, in one line without a timestamp:
 * `task 123 (ModifyInstanceSpec) running 46%, step init_redis 2/3, about 1m47s left`, or, before the task
 * appears, `waiting for ModifyInstanceSpec to appear on r-1 (12s)`. Heartbeats end with `(still waiting)`.
 *
 * @example
 * ```ts
 * describeSnapshot(snapshot, 'r-1'); // 'task 123 (ModifyInstanceSpec) running 46%, step init_redis 2/3, about 1m47s left'
 * ```
 */
export function describeSnapshot(s: ProgressSnapshot, instanceId: string): string {
  const suffix = s.heartbeat ? ' (still waiting)' : '';
  if (s.task === null) {
    const wanted = s.resumeToken.taskId !== null ? `task ${s.resumeToken.taskId}` : (s.resumeToken.taskAction ?? []).join(' or ');
    return `waiting for ${wanted} to appear on ${instanceId} (${formatDuration(s.elapsedMs)})${suffix}`;
  }
  const parts = [`${taskLabel(s.task)} ${taskStatusName(s.status)} ${percentText(s.progress)}`, stepText(s), etaText(s.remainSeconds)];
  return parts.filter((p) => p !== '').join(', ') + suffix;
}

/**
 * One CI log line: an ISO timestamp (UTC, seconds precision) and the snapshot description.
 *
 * @example
 * ```ts
 * formatLogLine(new Date('2024-05-01T10:00:05Z'), 'task 1 (A) running 5%');
 * // '2024-05-01T10:00:05Z task 1 (A) running 5%'
 * ```
 */
export function formatLogLine(at: Date, text: string): string {
  return `${isoSeconds(at)} ${text}`;
}

/**
 * An ISO 8601 UTC time to the second: `2024-05-01T10:00:05Z`.
 *
 * @example
 * ```ts
 * isoSeconds(new Date('2024-05-01T10:00:05.123Z')); // '2024-05-01T10:00:05Z'
 * ```
 */
export function isoSeconds(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
