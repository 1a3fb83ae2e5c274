/**
 * How a `kvwait` run ended: the outcome word of the JSON result and the process exit code, derived from the
 * error the waiter threw (or none). The exit codes are part of the public contract.
 *
 * @packageDocumentation
 */
import { InvalidOptionError, TaskAbortedError, TaskFailedError, TaskNotFoundError, TaskTimeoutError } from '../core/errors';

/**
 * Exit codes of `kvwait`.
 *
 * | code | meaning |
 * |---|---|
 * | 0 | complete |
 * | 2 | usage or invalid input, reported before any API call |
 * | 3 | task closed or interrupted (or paused, with `--fail-on-paused`) |
 * | 4 | timeout, or no matching task appeared within `--not-found-grace` |
 * | 5 | API or credential error (or any other unexpected failure) |
 * | 130 | SIGINT (143 for SIGTERM) |
 *
 * @example
 * ```ts
 * process.exitCode = ExitCode.Timeout; // 4
 * ```
 */
export enum ExitCode {
  Complete = 0,
  Usage = 2,
  TaskFailed = 3,
  Timeout = 4,
  ApiError = 5,
  Sigint = 130,
  Sigterm = 143,
}

/**
 * The `outcome` field of `kvwait --json`.
 *
 * @example
 * ```ts
 * const o: Outcome = 'not_found';
 * ```
 */
export type Outcome = 'complete' | 'failed' | 'timeout' | 'not_found' | 'aborted' | 'error';

/**
 * The signal that aborted a wait; used as the `AbortSignal` reason so the exit code can follow it.
 *
 * @example
 * ```ts
 * controller.abort(new InterruptSignal('SIGINT'));
 * ```
 */
export class InterruptSignal {
  constructor(readonly signal: 'SIGINT' | 'SIGTERM') {}
}

/**
 * Outcome and exit code together.
 *
 * @example
 * ```ts
 * const { outcome, exitCode }: RunEnding = classifyEnding(null); // { outcome: 'complete', exitCode: 0 }
 * ```
 */
export interface RunEnding {
  outcome: Outcome;
  exitCode: ExitCode;
}

/**
 * Maps what ended a wait to its outcome and exit code: `null` (no error) is complete; each waiter error has
 * its own code; a not-found task counts as a timeout (exit 4) because the bounded wait for it to appear ran
 * out, while the JSON outcome (`not_found`) still tells the two apart; anything else (API, credential or
 * unexpected errors) is 5.
 *
 * @example
 * ```ts
 * classifyEnding(new TaskTimeoutError(...));          // { outcome: 'timeout', exitCode: 4 }
 * classifyEnding(new InvalidOptionError('x', 'bad')); // { outcome: 'error', exitCode: 2 }
 * ```
 */
export function classifyEnding(error: unknown): RunEnding {
  if (error === null || error === undefined) return { outcome: 'complete', exitCode: ExitCode.Complete };
  if (error instanceof InvalidOptionError) return { outcome: 'error', exitCode: ExitCode.Usage };
  if (error instanceof TaskFailedError) return { outcome: 'failed', exitCode: ExitCode.TaskFailed };
  if (error instanceof TaskTimeoutError) return { outcome: 'timeout', exitCode: ExitCode.Timeout };
  if (error instanceof TaskNotFoundError) return { outcome: 'not_found', exitCode: ExitCode.Timeout };
  if (error instanceof TaskAbortedError) return { outcome: 'aborted', exitCode: interruptExitCode(error.reason) };
  return { outcome: 'error', exitCode: ExitCode.ApiError };
}

/**
 * The exit code for an interruption: 143 when the abort reason is a SIGTERM {@link InterruptSignal}, else 130.
 *
 * @example
 * ```ts
 * interruptExitCode(new InterruptSignal('SIGTERM')); // 143
 * interruptExitCode(undefined);                      // 130
 * ```
 */
export function interruptExitCode(reason: unknown): ExitCode {
  return reason instanceof InterruptSignal && reason.signal === 'SIGTERM' ? ExitCode.Sigterm : ExitCode.Sigint;
}
