/**
 * Delivers snapshots to the user's `onProgress`, remembering what and when it last reported, and isolating
 * the wait from the callback's own failures.
 *
 * @packageDocumentation
 */
import { snapshotChanged } from './progress';
import type { ProgressSnapshot } from './snapshot';

/**
 * Warning code of a failed `onProgress` call (see `process.on('warning')`).
 *
 * @example
 * ```ts
 * process.on('warning', (w) => { if ((w as { code?: string }).code === ON_PROGRESS_WARNING_CODE) log(w.message); });
 * ```
 */
export const ON_PROGRESS_WARNING_CODE = 'ALICLOUD_REDIS_WAITER_ON_PROGRESS';

/**
 * Calls `onProgress` on changes and heartbeats. The callback is not awaited. If it throws (or its promise
 * rejects), the wait goes on and the failure is reported once per wait through `process.emitWarning`
 * (code {@link ON_PROGRESS_WARNING_CODE}): a broken display must never lose the task.
 *
 * @example
 * ```ts
 * const reporter = new ProgressReporter((s) => console.log(s.progress), Date.now());
 * reporter.reportIfChanged(snapshot, Date.now());
 * if (reporter.heartbeatDue(Date.now(), 60_000)) reporter.report(heartbeatSnapshot, Date.now());
 * ```
 */
export class ProgressReporter {
  private lastSnapshot: ProgressSnapshot | null = null;
  private lastAt: number;
  private warned = false;

  /** `startedAt` counts as the last report, so the first heartbeat is due one interval after the start. */
  constructor(
    private readonly onProgress: ((snapshot: ProgressSnapshot) => void | Promise<void>) | null,
    startedAt: number,
  ) {
    this.lastAt = startedAt;
  }

  /** Whether there is a callback at all (without one, nobody needs heartbeats). */
  get active(): boolean {
    return this.onProgress !== null;
  }

  /** When the last report went out (epoch ms). */
  get lastReportAt(): number {
    return this.lastAt;
  }

  /** Whether `interval` ms have passed since the last report. */
  heartbeatDue(now: number, interval: number): boolean {
    return this.active && now >= this.lastAt + interval;
  }

  /** Reports `snapshot` if it differs from the last one reported (the first one always does). Returns whether it did. */
  reportIfChanged(snapshot: ProgressSnapshot, now: number): boolean {
    if (!snapshotChanged(this.lastSnapshot, snapshot)) return false;
    this.report(snapshot, now);
    return true;
  }

  /** Reports `snapshot` unconditionally. */
  report(snapshot: ProgressSnapshot, now: number): void {
    this.lastSnapshot = snapshot;
    this.lastAt = now;
    if (this.onProgress === null) return;
    try {
      const result = this.onProgress(snapshot);
      if (result !== undefined && typeof (result as Promise<void>).then === 'function') {
        (result as Promise<void>).then(undefined, (error: unknown) => this.warn(error));
      }
    } catch (error) {
      this.warn(error);
    }
  }

  private warn(error: unknown): void {
    if (this.warned) return;
    this.warned = true;
    const detail = error instanceof Error ? error.message : String(error);
    process.emitWarning(`onProgress failed (${detail}); the wait goes on and further failures are not reported`, {
      code: ON_PROGRESS_WARNING_CODE,
    });
  }
}
