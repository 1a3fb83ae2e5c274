/**
 * When to poll next, and when to wake up in between for a heartbeat. Pure.
 *
 * @packageDocumentation
 */
import { currentStepOf } from './progress';
import { TaskStatus, type Task } from './task';

/**
 * How far past the server's expected finish the next poll aims. `Remain` is in whole seconds and the task needs
 * a moment to be marked complete; one second later costs little and usually saves a poll.
 *
 * @example
 * ```ts
 * nextPollDelay({ ...input, expectedMs: 30_000 }) === 30_000 + ETA_MARGIN_MS; // within bounds
 * ```
 */
export const ETA_MARGIN_MS = 1_000;

/**
 * Inputs of {@link nextPollDelay}. Times are epoch ms, durations ms.
 *
 * @example
 * ```ts
 * const input: ScheduleInput = { now, deadline, attempt: 0, expectedMs: null, minDelay: 2000, maxDelay: 60_000, random: 0.5 };
 * ```
 */
export interface ScheduleInput {
  now: number;
  /** The next hard stop (deadline, or end of the not-found grace): a poll lands exactly there. Must be > now. */
  deadline: number;
  /** Polls in a row without a server estimate or a change (0 after a change). Drives the back-off. */
  attempt: number;
  /** Server's estimate of the ms until the next change (see {@link expectedChangeMs}), or `null`. */
  expectedMs: number | null;
  minDelay: number;
  maxDelay: number;
  /** A draw in [0, 1) for the jitter. */
  random: number;
}

/**
 * Milliseconds until the next poll.
 * - With a server estimate: just after it (`expectedMs + ETA_MARGIN_MS`), within [minDelay, maxDelay].
 * - Otherwise exponential back-off with jitter: uniform in [minDelay, min(maxDelay, minDelay · 2^attempt)].
 * - Never past `deadline` (so the last poll lands on it), and never less than 1 ms: no zero sleeps, no
 *   back-to-back polls.
 *
 * @example
 * ```ts
 * nextPollDelay({ now: 0, deadline: 3_600_000, attempt: 0, expectedMs: 30_000, minDelay: 2000, maxDelay: 60_000, random: 0 }); // 31_000
 * nextPollDelay({ now: 0, deadline: 10_000, attempt: 9, expectedMs: null, minDelay: 2000, maxDelay: 60_000, random: 0.9 }); // 10_000
 * ```
 */
export function nextPollDelay(input: ScheduleInput): number {
  const { minDelay, maxDelay } = input;
  let delay: number;
  if (input.expectedMs !== null) {
    delay = Math.min(maxDelay, Math.max(minDelay, input.expectedMs + ETA_MARGIN_MS));
  } else {
    const ceiling = Math.min(maxDelay, minDelay * 2 ** Math.min(input.attempt, 52));
    delay = minDelay + input.random * (ceiling - minDelay);
  }
  return Math.max(1, Math.ceil(Math.min(delay, input.deadline - input.now)));
}

/**
 * The server's estimate of the ms until something observable happens, for a running task: the end of the
 * current step (its `remain`) or of the whole task (`Remain`), whichever comes first, so the waiter sees every
 * step change (one poll per step, not one per task); `null` without a positive estimate (back off instead).
 *
 * @example
 * ```ts
 * expectedChangeMs({ ...task, status: TaskStatus.Running, remainSeconds: 60 }); // 60_000
 * expectedChangeMs({ ...task, status: TaskStatus.Running, remainSeconds: 600, currentStep: 'init_redis',
 *   steps: [{ name: 'init_redis', progress: 10, remainSeconds: 90 }] });          // 90_000: the step ends first
 * expectedChangeMs({ ...task, status: TaskStatus.Paused, remainSeconds: 60 });  // null
 * ```
 */
export function expectedChangeMs(task: Task | null): number | null {
  if (task === null || task.status !== TaskStatus.Running) return null;
  const step = currentStepOf(task);
  const estimates = [task.remainSeconds, step?.remainSeconds ?? null].filter((s): s is number => s !== null && s > 0);
  return estimates.length === 0 ? null : Math.min(...estimates) * 1000;
}

/**
 * When the waiter next wakes: at the poll, or earlier when a heartbeat falls due first.
 *
 * @example
 * ```ts
 * nextWakeAt(100_000, 30_000, 60_000); // 90_000: heartbeat first
 * nextWakeAt(50_000, 30_000, 60_000);  // 50_000: the poll comes first
 * ```
 */
export function nextWakeAt(pollAt: number, lastReportAt: number, heartbeatInterval: number): number {
  return Math.min(pollAt, lastReportAt + heartbeatInterval);
}
