/**
 * `kvwait wait`: runs the waiter with a display and turns its ending into output and an exit code.
 * Everything outside (the waiter, the client, the streams, the clock) comes in through {@link WaitRuntime}.
 *
 * @packageDocumentation
 */
import type { ProgressSnapshot } from '../core/snapshot';
import type { Task } from '../core/task';
import type { TaskSource } from '../core/task-source';
import type { WaitForTaskOptions } from '../core/wait-options';
import type { WaitCommand } from './args';
import { colorEnabled, painter } from './color';
import { createProgressDisplay } from './display';
import { formatDuration } from '../core/duration';
import { buildJsonResult } from './json-result';
import { classifyEnding } from './outcome';
import { taskLabel } from '../core/progress-text';
import { reportError, type CliStreams } from './report-error';

/**
 * How often the waiter sends heartbeats (no API call) to animate the bar's percent and ETA on a TTY.
 *
 * @example
 * ```ts
 * await waitForTask({ ...options, heartbeatInterval: TTY_HEARTBEAT_MS });
 * ```
 */
export const TTY_HEARTBEAT_MS = 1_000;

/**
 * An API client for one run, with the number of requests it has sent so far.
 *
 * @example
 * ```ts
 * const conn: CliConnection = { source: client, apiCalls: () => client.stats.requests };
 * ```
 */
export interface CliConnection {
  source: TaskSource;
  /** API requests sent so far, retries included. */
  apiCalls(): number;
}

/**
 * What `kvwait wait` needs from the outside world.
 *
 * @example
 * ```ts
 * const exitCode = await runWait(command, { ...streams, waitForTask, connect, env: process.env, now: () => new Date(), signal });
 * ```
 */
export interface WaitRuntime extends CliStreams {
  waitForTask(options: WaitForTaskOptions): Promise<Task>;
  /** Builds the API client from `--region` / `--endpoint` and the standard credential chain. */
  connect(flags: Pick<WaitCommand, 'regionId' | 'endpoint'>): CliConnection | Promise<CliConnection>;
  now(): Date;
  /** Aborted on SIGINT / SIGTERM, with an `InterruptSignal` reason. */
  signal: AbortSignal;
}

/**
 * Runs `kvwait wait` and returns the exit code. Progress goes to stderr (a bar on a TTY, lines otherwise,
 * nothing with `--quiet`); the result goes to stdout (one JSON object with `--json`, else one line on
 * success); errors go to stderr as one or two lines.
 *
 * @example
 * ```ts
 * process.exitCode = await runWait(parsed, runtime); // 0, 3, 4, 5 or 130
 * ```
 */
export async function runWait(cmd: WaitCommand, rt: WaitRuntime): Promise<number> {
  const startedAt = rt.now().getTime();
  const tty = rt.stderr.isTTY;
  const paint = painter(colorEnabled(rt.env, tty));
  const display = createProgressDisplay({ quiet: cmd.quiet, instanceId: cmd.instanceId, paint, now: rt.now, stderr: rt.stderr });
  let connection: CliConnection | null = null;
  let last: ProgressSnapshot | null = null;
  let task: Task | null = null;
  let error: unknown = null;
  try {
    connection = await rt.connect(cmd);
    task = await rt.waitForTask({
      client: connection.source,
      instanceId: cmd.instanceId,
      ...(cmd.taskAction !== null && { taskAction: cmd.taskAction }),
      ...(cmd.taskId !== null && { taskId: cmd.taskId }),
      ...(cmd.since !== null && { since: cmd.since }),
      ...(cmd.timeoutMs !== null && { timeout: cmd.timeoutMs }),
      ...(cmd.notFoundGraceMs !== null && { notFoundGrace: cmd.notFoundGraceMs }),
      onPaused: cmd.failOnPaused ? 'fail' : 'wait',
      ...(tty && !cmd.quiet && { heartbeatInterval: TTY_HEARTBEAT_MS }),
      signal: rt.signal,
      onProgress: (snapshot) => {
        last = snapshot;
        display.update(snapshot);
      },
    });
  } catch (caught) {
    error = caught;
  } finally {
    display.stop();
  }
  const ending = classifyEnding(error);
  const elapsedMs = rt.now().getTime() - startedAt;
  if (cmd.json) {
    const lastTask = task ?? (last as ProgressSnapshot | null)?.task ?? null;
    const result = buildJsonResult({ outcome: ending.outcome, task: lastTask, error, elapsedMs, apiCalls: connection?.apiCalls() ?? 0 });
    rt.stdout.write(`${JSON.stringify(result)}\n`);
  } else if (task !== null && !cmd.quiet) {
    const done = painter(colorEnabled(rt.env, rt.stdout.isTTY)).green('complete');
    rt.stdout.write(`${taskLabel(task)} on ${cmd.instanceId} ${done} after ${formatDuration(elapsedMs)}.\n`);
  }
  if (error !== null) reportError(error, cmd, rt, paint);
  return ending.exitCode;
}

