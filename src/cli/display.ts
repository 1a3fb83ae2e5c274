/**
 * Progress displays of `kvwait wait`: a live bar on a TTY (cli-progress), timestamped lines elsewhere, or
 * nothing (`--quiet`). All of them write to stderr so stdout stays for results.
 *
 * @packageDocumentation
 */
import { SingleBar } from 'cli-progress';
import type { ProgressSnapshot } from '../core/snapshot';
import { taskStatusName } from '../core/task';
import type { Painter } from './color';
import type { CliStreams } from './report-error';
import { formatDuration } from '../core/duration';
import { describeSnapshot, formatLogLine, percentText, stepText, taskLabel } from '../core/progress-text';

/**
 * Something that shows progress snapshots.
 *
 * @example
 * ```ts
 * const display: ProgressDisplay = new LogLineDisplay({ write: (s) => process.stderr.write(s), now: () => new Date(), instanceId });
 * await waitForTask({ ...options, onProgress: (s) => display.update(s) });
 * display.stop();
 * ```
 */
export interface ProgressDisplay {
  /** Shows a snapshot (a change or a heartbeat). */
  update(snapshot: ProgressSnapshot): void;
  /** Ends the display; the bar stays on screen in its last state, with the cursor restored. Idempotent. */
  stop(): void;
}

/**
 * The display for `--quiet`: shows nothing.
 *
 * @example
 * ```ts
 * const display = new SilentDisplay();
 * ```
 */
export class SilentDisplay implements ProgressDisplay {
  update(): void {}
  stop(): void {}
}

/**
 * The CI display: one timestamped line per snapshot. The waiter sends a snapshot on every change and a
 * heartbeat at least every 60 s, so the log never goes quiet for longer. No control characters.
 *
 * @example
 * ```ts
 * new LogLineDisplay({ write: (s) => process.stderr.write(s), now: () => new Date(), instanceId: 'r-1' })
 *   .update(snapshot); // "2024-05-01T10:00:05Z task 1 (ModifyInstanceSpec) running 46%, step init_redis 2/3, about 1m47s left\n"
 * ```
 */
export class LogLineDisplay implements ProgressDisplay {
  constructor(private readonly io: { write: (text: string) => void; now: () => Date; instanceId: string }) {}

  update(snapshot: ProgressSnapshot): void {
    this.io.write(`${formatLogLine(this.io.now(), describeSnapshot(snapshot, this.io.instanceId))}\n`);
  }

  stop(): void {}
}

/**
 * The fields one bar redraw shows (`remain` is the ETA from the server's estimate, not cli-progress's own
 * `{eta}`, which would guess from the rate of progress); pure, so the bar's content can be tested without a terminal.
 *
 * @example
 * ```ts
 * barFields(snapshot, 'r-1'); // { value: 46, label: 'task 1 (ModifyInstanceSpec) running', pct: '46%', step: 'step init_redis 2/3', remain: 'ETA 1m47s' }
 * ```
 */
export function barFields(
  s: ProgressSnapshot,
  instanceId: string,
): { value: number; label: string; pct: string; step: string; remain: string } {
  const label =
    s.task === null
      ? `waiting for ${s.resumeToken.taskId ?? (s.resumeToken.taskAction ?? []).join(' or ')} on ${instanceId}`
      : `${taskLabel(s.task)} ${taskStatusName(s.status)}`;
  return {
    value: Math.min(100, Math.max(0, s.progress ?? 0)),
    label,
    pct: percentText(s.progress),
    step: stepText(s) || 'step -',
    remain: s.remainSeconds !== null && s.remainSeconds > 0 ? `ETA ${formatDuration(s.remainSeconds * 1000)}` : 'ETA --',
  };
}

/**
 * The TTY display: a live cli-progress bar with the task, its status, percentage, current step `i/n` and
 * the ETA from the server's `Remain`, on the given stream (stderr). Colour only when `paint` colours.
 *
 * @example
 * ```ts
 * const display = new ProgressBarDisplay({ stream: process.stderr, paint: painter(true), instanceId: 'r-1' });
 * display.update(snapshot);
 * display.stop();
 * ```
 */
export class ProgressBarDisplay implements ProgressDisplay {
  private readonly bar: SingleBar;
  private started = false;

  constructor(private readonly io: { stream: NodeJS.WritableStream; paint: Painter; instanceId: string }) {
    this.bar = new SingleBar({
      stream: io.stream,
      format: `{label} [${io.paint.green('{bar}')}] {pct} | {step} | {remain}`,
      barsize: 24,
      hideCursor: true,
      // kvwait handles SIGINT itself (to print the resume command) and stops the bar on the way out.
      gracefulExit: false,
      fps: 5,
    });
  }

  update(snapshot: ProgressSnapshot): void {
    const { value, ...payload } = barFields(snapshot, this.io.instanceId);
    if (!this.started) {
      this.started = true;
      this.bar.start(100, value, payload);
    } else {
      this.bar.update(value, payload);
    }
  }

  stop(): void {
    if (this.started) this.bar.stop();
    this.started = false;
  }
}

/**
 * The display a run should use: nothing with `quiet`, the live bar when stderr is a terminal, timestamped
 * lines otherwise (CI logs, pipes).
 *
 * @example
 * ```ts
 * const display = createProgressDisplay({
 *   quiet: false, instanceId: 'r-1', paint: painter(colorEnabled(process.env, true)), now: () => new Date(),
 *   stderr: { write: (s) => process.stderr.write(s), isTTY: process.stderr.isTTY === true, stream: process.stderr },
 * });
 * ```
 */
export function createProgressDisplay(io: {
  quiet: boolean;
  instanceId: string;
  paint: Painter;
  now: () => Date;
  stderr: CliStreams['stderr'];
}): ProgressDisplay {
  if (io.quiet) return new SilentDisplay();
  if (io.stderr.isTTY) return new ProgressBarDisplay({ stream: io.stderr.stream, paint: io.paint, instanceId: io.instanceId });
  return new LogLineDisplay({ write: (text) => io.stderr.write(text), now: io.now, instanceId: io.instanceId });
}
