/**
 * Writing an error to stderr: the one or two lines of {@link describeError}, plus the stack only when
 * `DEBUG` is set.
 *
 * @packageDocumentation
 */
import type { Painter } from './color';
import { describeError, type ErrorContext } from './error-message';

/**
 * The output side of a CLI run.
 *
 * @example
 * ```ts
 * const streams: CliStreams = {
 *   stdout: { write: (s) => process.stdout.write(s), isTTY: process.stdout.isTTY === true },
 *   stderr: { write: (s) => process.stderr.write(s), isTTY: process.stderr.isTTY === true, stream: process.stderr },
 *   env: process.env,
 * };
 * ```
 */
export interface CliStreams {
  stdout: { write(text: string): void; isTTY: boolean };
  stderr: { write(text: string): void; isTTY: boolean; stream: NodeJS.WritableStream };
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * Prints an error for a person: what went wrong and what to do; with `DEBUG` set (non-empty), also the stack
 * and cause chain.
 *
 * @example
 * ```ts
 * reportError(err, { instanceId: 'r-1', regionId: null, endpoint: null, timeoutMs: null }, streams, painter(false));
 * // stderr: kvwait: DescribeTasks failed with InvalidAccessKeyId.NotFound (HTTP 404, request 6A2B...).
 * //         Check ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET ...
 * ```
 */
export function reportError(error: unknown, ctx: ErrorContext, streams: CliStreams, paint: Painter): void {
  const [first, ...rest] = describeError(error, ctx);
  const lines = [first.replace(/^kvwait:/, paint.red('kvwait:')), ...rest];
  if (streams.env.DEBUG !== undefined && streams.env.DEBUG !== '') {
    for (let e: unknown = error; e instanceof Error; e = e.cause) lines.push(e.stack ?? String(e));
  }
  streams.stderr.write(`${lines.join('\n')}\n`);
}
