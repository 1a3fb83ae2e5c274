/**
 * The emulator's notions of time:
 * - real time: the injected `now()` (Date.now by default);
 * - the server clock: real time plus a configurable skew, used for stamps (BeginTime, FinishTime) and for
 *   checking request timestamps;
 * - the task timeline: real time plus every `advance(ms)`, along which tasks progress. Advancing moves tasks
 *   forward without moving the server clock, so clients keep seeing a plausible wall clock.
 */

/**
 * Clock of one emulator.
 *
 * @example
 * const clock = new ServerClock(Date.now);
 * clock.advance(60_000); // every task is one minute further along
 * clock.setSkew(120_000); // new stamps are two minutes fast
 */
export class ServerClock {
  private skewMs = 0;
  private advancedMs = 0;
  private readonly advances: { atRealMs: number; ms: number }[] = [];

  /** @param realNow Source of real time in epoch ms. */
  constructor(private readonly realNow: () => number) {}

  /** Real time, epoch ms. */
  real(): number {
    return this.realNow();
  }

  /** The server clock (real time plus skew), epoch ms. */
  stamp(): number {
    return this.realNow() + this.skewMs;
  }

  /** The current skew in ms (positive: server clock is fast). */
  skew(): number {
    return this.skewMs;
  }

  /** Set the server clock skew in ms. */
  setSkew(ms: number): void {
    this.skewMs = ms;
  }

  /** The task timeline position now. */
  timeline(): number {
    return this.realNow() + this.advancedMs;
  }

  /** Move the task timeline forward by `ms` (>= 0). */
  advance(ms: number): void {
    this.advances.push({ atRealMs: this.realNow(), ms });
    this.advancedMs += ms;
  }

  /** The real time at which the timeline reached (or jumped past) `point`. */
  realAtTimeline(point: number): number {
    let offset = 0;
    for (const step of this.advances) {
      if (point - offset <= step.atRealMs) return point - offset;
      offset += step.ms;
      if (point - offset <= step.atRealMs) return step.atRealMs;
    }
    return point - offset;
  }
}
