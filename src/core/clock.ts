/**
 * The waiter's only contact with time and chance: reading the clock, sleeping, drawing jitter.
 * Injectable so tests run on fake time and benchmarks can replay schedules.
 *
 * @packageDocumentation
 */

/**
 * Time and randomness as the waiter sees them.
 *
 * @example
 * ```ts
 * const clock: Clock = { now: () => Date.now(), sleep: (ms, signal) => mySleep(ms, signal), random: Math.random };
 * await waitForTask({ instanceId: 'r-bp1...', taskAction: 'ModifyInstanceSpec', clock });
 * ```
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /**
   * Resolves after `ms` milliseconds. Rejects with `signal.reason` as soon as `signal` aborts (at once if it
   * already has), and then leaves no timer and no listener behind.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1). */
  random(): number;
}

/**
 * Sleeps `ms` milliseconds on the global timer functions (so sinon fake timers control it), abortably.
 * On abort the timer is cleared at once; on either outcome the abort listener is removed.
 *
 * @example
 * ```ts
 * const ac = new AbortController();
 * setTimeout(() => ac.abort(new Error('stop')), 10);
 * await abortableSleep(60_000, ac.signal).catch((e) => console.log(e.message)); // 'stop' after 10 ms
 * ```
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The real clock: `Date.now()`, {@link abortableSleep} and `Math.random()`.
 *
 * @example
 * ```ts
 * const started = systemClock.now();
 * await systemClock.sleep(1000);
 * console.log(systemClock.now() - started >= 1000); // true
 * ```
 */
export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  sleep: abortableSleep,
  random: () => Math.random(),
});
