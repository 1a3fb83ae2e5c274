/**
 * The `kvwait` command line that continues an interrupted or timed-out wait, built from its resume token.
 *
 * @packageDocumentation
 */
import type { ResumeToken } from '../core/resume';
import type { ConnectionFlags } from './args';
import { formatDuration } from '../core/duration';

/**
 * Quotes one shell word when it needs it (POSIX single quotes).
 *
 * @example
 * ```ts
 * shellQuote('r-bp1abc');   // 'r-bp1abc'
 * shellQuote("it's");       // "'it'\\''s'"
 * ```
 */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9._:/@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The exact `kvwait wait` command that picks the wait up again: the same instance, the task by id once it
 * was matched (plus the action, which still guards the match), `--since` from the token, and the same
 * region, endpoint and timeout flags as the interrupted run.
 *
 * @example
 * ```ts
 * formatResumeCommand(
 *   { instanceId: 'r-1', taskId: '42', taskAction: ['ModifyInstanceSpec'], since: '2024-05-01T10:00:00.000Z', deadline: '...' },
 *   { regionId: 'cn-hangzhou', endpoint: null, timeoutMs: 1_800_000 },
 * );
 * // 'kvwait wait --instance-id r-1 --task-id 42 --task-action ModifyInstanceSpec --since 2024-05-01T10:00:00.000Z --region cn-hangzhou --timeout 30m00s'
 * ```
 */
export function formatResumeCommand(token: ResumeToken, flags: ConnectionFlags & { timeoutMs: number | null }): string {
  const words = ['kvwait', 'wait', '--instance-id', token.instanceId];
  if (token.taskId !== null) words.push('--task-id', token.taskId);
  if (token.taskAction !== null && token.taskAction.length > 0) words.push('--task-action', token.taskAction.join(','));
  words.push('--since', token.since);
  if (flags.regionId !== null) words.push('--region', flags.regionId);
  if (flags.endpoint !== null) words.push('--endpoint', flags.endpoint);
  if (flags.timeoutMs !== null) words.push('--timeout', formatDuration(flags.timeoutMs));
  return words.map(shellQuote).join(' ');
}
