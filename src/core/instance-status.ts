/**
 * `waitForInstanceStatus`: poll DescribeInstanceAttribute until the instance reports a status (usually
 * `Normal`), as a confirmation after a task and for operations that start no visible task.
 *
 * @packageDocumentation
 */
import { systemClock, type Clock } from './clock';
import { resolveTaskSource, type ConnectionFields } from './connect';
import { InstanceStatusTimeoutError, InstanceWaitAbortedError } from './errors';
import { nextPollDelay } from './schedule';
import type { TaskSource } from './task-source';
import {
  validateCallback, validateDuration, validateIdentifier, validateOptionKeys, validatePollingBounds, validateRuntimeOptions,
} from './validation';
import { DEFAULT_TIMEOUT_MS } from './wait-options';
import { isTransientPollError } from './wait-for-task';

/**
 * Options of {@link waitForInstanceStatus}. Durations in ms.
 *
 * @example
 * ```ts
 * const opts: WaitForInstanceStatusOptions = { regionId: 'cn-hangzhou', timeout: 10 * 60_000 };
 * ```
 */
export interface WaitForInstanceStatusOptions extends ConnectionFields {
  client?: TaskSource;
  /** Default 60 min. */
  timeout?: number;
  signal?: AbortSignal;
  clock?: Clock;
  /** Default 2 s. */
  minDelay?: number;
  /** Default 60 s. */
  maxDelay?: number;
  /** Called with each status that differs from the previous poll's (not awaited; its errors are ignored). */
  onStatus?: (status: string) => void;
}

const OPTION_NAMES: readonly string[] = Object.freeze([
  'client', 'regionId', 'endpoint', 'credentials', 'timeout', 'signal', 'clock', 'minDelay', 'maxDelay', 'onStatus',
]);

/**
 * Polls the instance's `InstanceStatus` until it equals `expected`, and resolves with it. Backs off with jitter
 * between polls (within `minDelay`..`maxDelay`), polls once more exactly at the deadline, then rejects with
 * {@link InstanceStatusTimeoutError}. Abort rejects with {@link InstanceWaitAbortedError}, leaving no timer.
 * API errors are handled as in `waitForTask`: non-retryable ones end the wait, retryable ones are polled
 * through until the final poll.
 *
 * @example
 * ```ts
 * await waitForTask({ instanceId, taskAction: DEFAULT_TASK_ACTIONS.ModifyInstanceSpec, since, client });
 * await waitForInstanceStatus(instanceId, 'Normal', { client, timeout: 5 * 60_000 });
 * ```
 */
export async function waitForInstanceStatus(
  instanceId: string,
  expected = 'Normal',
  options: WaitForInstanceStatusOptions = {},
): Promise<string> {
  validateIdentifier('instanceId', instanceId);
  validateIdentifier('expected', expected);
  const raw = validateOptionKeys(options, OPTION_NAMES);
  validateRuntimeOptions(raw);
  const clock = options.clock ?? systemClock;
  const timeout = validateDuration('timeout', options.timeout, { fallback: DEFAULT_TIMEOUT_MS, positive: true });
  const { minDelay, maxDelay } = validatePollingBounds(raw);
  validateCallback('onStatus', raw.onStatus);
  const source = await resolveTaskSource(options);
  const { signal } = options;
  const startedAt = clock.now();
  const deadline = startedAt + timeout;
  let lastStatus: string | null = null;
  let attempt = 0;

  const aborted = (): InstanceWaitAbortedError =>
    new InstanceWaitAbortedError(signal?.reason, { instanceId, lastStatus }, `Waiting for ${instanceId} to become ${expected} was aborted (last status: ${lastStatus ?? 'unknown'}).`);

  for (;;) {
    if (signal?.aborted) throw aborted();
    const pollStart = clock.now();
    const final = pollStart >= deadline;
    try {
      const status = await source.describeInstanceStatus(instanceId, { signal });
      if (status !== lastStatus) {
        attempt = 0;
        try {
          options.onStatus?.(status);
        } catch {
          // A display callback must not end the wait.
        }
      }
      lastStatus = status;
      if (status === expected) return status;
    } catch (error) {
      if (signal?.aborted) throw aborted();
      if (final || !isTransientPollError(error)) throw error;
    }
    if (signal?.aborted) throw aborted();
    if (final) {
      throw new InstanceStatusTimeoutError(
        { instanceId, expectedStatus: expected, lastStatus, timeoutMs: timeout },
        `${instanceId} did not become ${expected} within ${Math.round(timeout / 1000)} s (last status: ${lastStatus ?? 'unknown'}). Raise timeout or check the instance in the console.`,
      );
    }
    const now = clock.now();
    const delay = nextPollDelay({ now, deadline: Math.max(deadline, now + 1), attempt, expectedMs: null, minDelay, maxDelay, random: clock.random() });
    attempt += 1;
    try {
      await clock.sleep(delay, signal);
    } catch (error) {
      if (signal?.aborted) throw aborted();
      throw error;
    }
  }
}
