/**
 * The DescribeTasks time window of a poll. Pure.
 *
 * @packageDocumentation
 */
import { NO_CLOCK_OFFSET, type ClockOffset } from './server-clock';
import { ALL_TASK_STATUSES, type TaskStatus } from './task';

const MINUTE_MS = 60_000;

/**
 * A DescribeTasks window: minute-aligned times (the API takes minute precision) and every status.
 *
 * @example
 * ```ts
 * const w: QueryWindow = { startTime: new Date('2024-05-01T09:58Z'), endTime: new Date('2024-05-01T10:06Z'), statuses: ALL_TASK_STATUSES };
 * ```
 */
export interface QueryWindow {
  startTime: Date;
  endTime: Date;
  statuses: readonly TaskStatus[];
}

/**
 * The window of one poll: from floor-minute(`since − clockSkewTolerance`) to the minute after
 * `now + clockSkewTolerance` (so a task begun in the current minute, or stamped by a server clock up to the
 * tolerance ahead of ours, is inside). Recompute it on every poll.
 *
 * The server reads the window on its own clock: with a known `serverClockOffset` (server − ours), `since` moves
 * by its lower bound and `now` by its upper bound, so the window only ever grows by the estimate's error.
 *
 * @example
 * ```ts
 * queryWindow(new Date('2024-05-01T10:00:30Z'), 120_000, Date.parse('2024-05-01T10:05:10Z'));
 * // { startTime: 09:58:00Z, endTime: 10:08:00Z, statuses: [0, 1, 2, 4, 7, 8] }
 * queryWindow(new Date('2024-05-01T10:00:30Z'), 120_000, Date.parse('2024-05-01T10:05:10Z'), { min: 89_000, max: 90_500 });
 * // { startTime: 09:59:00Z, endTime: 10:09:00Z, ... }: the server runs ~90 s fast
 * ```
 */
export function queryWindow(since: Date, clockSkewTolerance: number, now: number, serverClockOffset: ClockOffset = NO_CLOCK_OFFSET): QueryWindow {
  const floorMinute = (ms: number): number => Math.floor(ms / MINUTE_MS) * MINUTE_MS;
  return {
    startTime: new Date(floorMinute(since.getTime() + serverClockOffset.min - clockSkewTolerance)),
    endTime: new Date(floorMinute(now + serverClockOffset.max + clockSkewTolerance) + MINUTE_MS),
    statuses: ALL_TASK_STATUSES,
  };
}
