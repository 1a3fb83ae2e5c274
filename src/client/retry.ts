/**
 * Retries of one API call: p-retry runs the attempts and keeps the budget (`retries`, `maxRetryTimeMs`, the
 * abort signal); this module decides which failures to retry ({@link classifyFailure}) and how long to wait
 * (exponential back-off with jitter, or longer when the server asked with `x-acs-retry-after`).
 * Every failure leaves as a {@link KvstoreApiError}; an abort leaves as `signal.reason`.
 *
 * @packageDocumentation
 */
import pRetry from 'p-retry';
import { abortableSleep } from '../core/clock';
import { InvalidOptionError } from '../core/errors';
import { toKvstoreApiError, type Redactor } from './api-error';
import { classifyFailure } from './classify';

/**
 * How a failed call is retried. Every duration is in milliseconds.
 *
 * @example
 * ```ts
 * const retry: RetryOptions = { retries: 6, maxRetryTimeMs: 60_000 };
 * ```
 */
export interface RetryOptions {
  /** Retries after the first attempt (0 disables retrying). Default 4. */
  retries?: number;
  /** Back-off before the first retry, doubled each retry. Default 250. */
  minDelayMs?: number;
  /** Upper bound of one back-off (a server's `retryAfter` may exceed it). Default 5000. */
  maxDelayMs?: number;
  /** Total time budget for the attempts and waits of one call. Default 30000. */
  maxRetryTimeMs?: number;
}

/**
 * Retry options with every default filled in.
 *
 * @example
 * ```ts
 * const resolved: ResolvedRetryOptions = resolveRetryOptions({ retries: 2 });
 * ```
 */
export type ResolvedRetryOptions = Required<RetryOptions>;

/**
 * The defaults: 4 retries, 250 ms doubling to at most 5 s, within 30 s in all.
 *
 * @example
 * ```ts
 * console.log(DEFAULT_RETRY_OPTIONS.retries); // 4
 * ```
 */
export const DEFAULT_RETRY_OPTIONS: Readonly<ResolvedRetryOptions> = Object.freeze({
  retries: 4,
  minDelayMs: 250,
  maxDelayMs: 5000,
  maxRetryTimeMs: 30_000,
});

/**
 * Validates retry options and fills in defaults.
 *
 * @throws {@link InvalidOptionError} (option `retry.<name>`) for a negative, fractional or non-finite value,
 *   more than 20 retries, or `minDelayMs > maxDelayMs`.
 * @example
 * ```ts
 * resolveRetryOptions({ retries: -1 }); // InvalidOptionError: Invalid option "retry.retries": ...
 * ```
 */
export function resolveRetryOptions(options: RetryOptions | undefined): ResolvedRetryOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new InvalidOptionError('retry', 'expected an object such as { retries: 4, maxRetryTimeMs: 30000 }');
  }
  const resolved = { ...DEFAULT_RETRY_OPTIONS };
  for (const name of Object.keys(DEFAULT_RETRY_OPTIONS) as Array<keyof ResolvedRetryOptions>) {
    const value = options?.[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new InvalidOptionError(`retry.${name}`, `must be a non-negative integer${name === 'retries' ? '' : ' number of milliseconds'}`);
    }
    resolved[name] = value;
  }
  if (resolved.retries > 20) throw new InvalidOptionError('retry.retries', 'must be at most 20');
  if (resolved.minDelayMs > resolved.maxDelayMs) {
    throw new InvalidOptionError('retry.minDelayMs', `must not exceed retry.maxDelayMs (${resolved.maxDelayMs})`);
  }
  return resolved;
}

/**
 * The wait before retry number `retry` (1-based): `minDelayMs * 2^(retry-1)` capped at `maxDelayMs`, with
 * "equal jitter" (a random point in the upper half), and never less than the server's `retryAfterMs`.
 *
 * @param random - a number in [0, 1).
 * @example
 * ```ts
 * retryDelay(3, null, DEFAULT_RETRY_OPTIONS, () => 0.5); // 750 (1000 ms window, upper half, midpoint)
 * retryDelay(1, 2000, DEFAULT_RETRY_OPTIONS, () => 0);   // 2000 (server asked for 2 s)
 * ```
 */
export function retryDelay(retry: number, retryAfterMs: number | null, options: ResolvedRetryOptions, random: number): number {
  const window = Math.min(options.maxDelayMs, options.minDelayMs * 2 ** Math.max(0, retry - 1));
  const jittered = Math.round(window / 2 + (window / 2) * random);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/**
 * Context of one retried call.
 *
 * @example
 * ```ts
 * const ctx: RetryCallContext = { action: 'DescribeTasks', retry: resolveRetryOptions(undefined), redact: (t) => t };
 * ```
 */
export interface RetryCallContext {
  /** API action, for errors. */
  action: string;
  retry: ResolvedRetryOptions;
  /** Scrubs known secrets from error text. */
  redact: Redactor;
  /** Aborts the attempt in flight (its result is dropped) and any back-off. */
  signal?: AbortSignal;
  /** Called before each attempt with its 1-based number. */
  onAttempt?: (attempt: number) => void;
  /** Injectable for tests; defaults to {@link abortableSleep}. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable for tests; defaults to `Math.random`. */
  random?: () => number;
}

/**
 * Runs `attempt` until it succeeds, a failure is not retryable, or the budget is spent.
 *
 * @returns the first successful result.
 * @throws {@link KvstoreApiError} for the last failure (with `attempts`), or `signal.reason` on abort.
 * @example
 * ```ts
 * const body = await callWithRetry(() => sdk.callApi(params, request, runtime), {
 *   action: 'DescribeTasks', retry: resolveRetryOptions({ retries: 3 }), redact: createRedactor([secret]), signal,
 * });
 * ```
 */
export async function callWithRetry<T>(attempt: () => Promise<T>, ctx: RetryCallContext): Promise<T> {
  const { signal, retry } = ctx;
  const sleep = ctx.sleep ?? abortableSleep;
  const random = ctx.random ?? Math.random;
  signal?.throwIfAborted();
  const startedAt = performance.now();
  let attempts = 0;
  try {
    return await pRetry(
      async () => {
        attempts += 1;
        ctx.onAttempt?.(attempts);
        return raceAbort(attempt(), signal);
      },
      {
        retries: retry.retries,
        maxRetryTime: retry.maxRetryTimeMs,
        minTimeout: 0,
        signal,
        onFailedAttempt: () => signal?.throwIfAborted(),
        shouldRetry: async ({ error, retriesConsumed }) => {
          const c = classifyFailure(error);
          if (!c.retryable) return false;
          const delay = retryDelay(retriesConsumed + 1, c.retryAfterMs, retry, random());
          if (delay >= retry.maxRetryTimeMs - (performance.now() - startedAt)) return false;
          await sleep(delay, signal);
          return true;
        },
      },
    );
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw toKvstoreApiError(ctx.action, error, attempts, ctx.redact);
  }
}

/** Settles with `promise`, or rejects with `signal.reason` as soon as the signal aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
