/**
 * How far the server's clock is from ours, estimated from the server time a response reports (the HTTP `Date`
 * header). BeginTime and FinishTime are stamped by the server's clock, so the waiter compares them with times
 * moved onto that clock. Pure.
 *
 * @packageDocumentation
 */

/**
 * Bounds on `server clock − local clock`, in ms: the true offset lies in `[min, max]`.
 *
 * @example
 * ```ts
 * const offset: ClockOffset = { min: 89_200, max: 90_450 }; // the server runs about 90 s fast
 * const serverSince = since.getTime() + offset.min;         // the earliest the server's clock can have read at `since`
 * ```
 */
export interface ClockOffset {
  /** Lowest possible offset. */
  min: number;
  /** Highest possible offset. */
  max: number;
}

/**
 * The offset assumed while no server time is known (a source without HTTP `Date` headers): the clocks agree,
 * and `clockSkewTolerance` alone covers the difference.
 *
 * @example
 * ```ts
 * selectTask(tasks, { ...criteria, serverClockOffset: NO_CLOCK_OFFSET }); // same as without an offset
 * ```
 */
export const NO_CLOCK_OFFSET: Readonly<ClockOffset> = Object.freeze({ min: 0, max: 0 });

/**
 * One reading of the server's clock: what a response said and when (on our clock) its request went out and it
 * came back.
 *
 * @example
 * ```ts
 * const sample: ServerTimeSample = { serverTime: Date.parse('Wed, 01 May 2024 10:01:30 GMT'), sentAt: t0, receivedAt: clock.now() };
 * ```
 */
export interface ServerTimeSample {
  /** The server's time, epoch ms, truncated to the whole second (as the HTTP `Date` header is). */
  serverTime: number;
  /** Our clock when the request was sent (any earlier reading is fine; it only widens the bounds). */
  sentAt: number;
  /** Our clock when the response arrived (any later reading is fine; it only widens the bounds). */
  receivedAt: number;
}

/**
 * Bounds on the offset from one sample. The server read its clock at some local moment between `sentAt` and
 * `receivedAt`, and the header dropped up to 999 ms, so the offset lies in
 * `[serverTime − receivedAt, serverTime + 999 − sentAt]`: an error of up to 1 s plus the round trip.
 *
 * @example
 * ```ts
 * clockOffsetFrom({ serverTime: Date.parse('2024-05-01T10:01:30Z'), sentAt: Date.parse('2024-05-01T10:00:00.000Z'),
 *   receivedAt: Date.parse('2024-05-01T10:00:00.200Z') });
 * // { min: 89_800, max: 90_999 }
 * ```
 */
export function clockOffsetFrom(sample: ServerTimeSample): ClockOffset {
  return { min: sample.serverTime - sample.receivedAt, max: sample.serverTime + 999 - sample.sentAt };
}
