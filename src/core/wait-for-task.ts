/**
 * `waitForTask`: poll DescribeTasks until the task a mutation started has finished.
 *
 * @packageDocumentation
 */
import { KvstoreApiError } from '../client/errors';
import { systemClock, type Clock } from './clock';
import { resolveTaskSource } from './connect';
import {
  TaskAbortedError,
  TaskFailedError,
  TaskNotFoundError,
  TaskPausedTimeoutError,
  TaskTimeoutError,
} from './errors';
import { selectTask, type MatchCriteria } from './matching';
import { currentStepOf, extrapolateSnapshot, snapshotChanged, snapshotOf } from './progress';
import { ProgressReporter } from './progress-reporter';
import { createResumeToken, type ResumeToken } from './resume';
import { expectedChangeMs, nextPollDelay } from './schedule';
import { clockOffsetFrom, NO_CLOCK_OFFSET, type ClockOffset } from './server-clock';
import type { ProgressSnapshot } from './snapshot';
import { TaskStatus, type Task } from './task';
import type { TaskSource } from './task-source';
import { validateWaitOptions } from './validation';
import type { WaitForTaskOptions, WaitPlan } from './wait-options';
import { queryWindow } from './window';

/**
 * Waits until the task started by a mutation finishes, and resolves with it (Status 2, complete).
 *
 * Rejects with
 * - `InvalidOptionError` before any API call when an option is wrong;
 * - `TaskFailedError` on the first poll that sees Closed (4) or Interrupted (8), or Paused (7) with
 *   `onPaused: 'fail'`; `TaskPausedTimeoutError` when paused longer than `pausedTimeout`;
 * - `TaskNotFoundError` when nothing matches within `notFoundGrace`;
 * - `TaskTimeoutError` after one final poll exactly at the deadline;
 * - `TaskAbortedError` on abort (timers cleared, no further request);
 * - `KvstoreApiError` when the API refuses for good (a non-retryable error). A retryable error that outlived the
 *   client's own retries is tolerated until the deadline: the waiter backs off and polls again; if the final
 *   poll at the deadline fails too, that error is thrown.
 *
 * Timeout and abort errors, and every snapshot, carry a `resumeToken` for {@link WaitForTaskOptions.resumeToken}.
 *
 * @example
 * ```ts
 * const sentAt = new Date();
 * await kvstore.modifyInstanceSpec(request);
 * const task = await waitForTask({
 *   instanceId: 'r-bp1zxszhcgatnx****',
 *   taskAction: DEFAULT_TASK_ACTIONS.ModifyInstanceSpec,
 *   since: sentAt,
 *   regionId: 'cn-hangzhou',
 *   onProgress: (s) => console.log(`[${s.stepIndex ?? '-'}/${s.stepCount ?? '-'}] ${s.currentStep ?? 'waiting'} ${s.progress ?? 0}%`),
 * });
 * console.log(`task ${task.taskId} done at ${task.finishTime?.toISOString()}`);
 * ```
 */
export async function waitForTask(options: WaitForTaskOptions): Promise<Task> {
  const clock = options.clock ?? systemClock;
  const plan = validateWaitOptions(options, clock.now());
  const source = await resolveTaskSource(options);
  return runWait(plan, source, clock);
}

/**
 * Whether an error from the client is worth another poll: a retryable API error (throttling, 5xx, network)
 * that outlived the client's retries.
 *
 * @example
 * ```ts
 * isTransientPollError(new KvstoreApiError({ action: 'DescribeTasks', code: 'ServiceUnavailable', requestId: null,
 *   statusCode: 503, retryable: true, attempts: 5 }, 'unavailable')); // true
 * ```
 */
export function isTransientPollError(error: unknown): boolean {
  return error instanceof KvstoreApiError && error.retryable;
}

function describeStatus(status: TaskStatus | null): string {
  return status === null ? 'an unknown status' : `${TaskStatus[status]} (${status})`;
}

/**
 * Runs a validated wait plan against a task source. `waitForTask` and `mutateAndWait` both end up here.
 *
 * @example
 * ```ts
 * const plan = validateWaitOptions({ instanceId: 'r-1', taskId: '42' }, systemClock.now());
 * const task = await runWait(plan, client, systemClock);
 * ```
 */
export async function runWait(plan: WaitPlan, source: TaskSource, clock: Clock): Promise<Task> {
  const signal = plan.signal ?? undefined;
  const graceEnd = plan.startedAt + plan.notFoundGrace;
  const reporter = new ProgressReporter(plan.onProgress, plan.startedAt);
  let followedId = plan.taskId;
  /** Whether the task has been seen at all (with an explicit taskId, followedId is set before that). */
  let seen = false;
  let task: Task | null = null;
  let polledAt = plan.startedAt;
  let polled = snapshotOf(null, { elapsedMs: 0, resumeToken: token() });
  let attempt = 0;
  let pausedSince: number | null = null;
  /**
   * Server clock − ours, from the latest response that carried a `Date` header; until one does (or with a source
   * that reports none), the clocks are taken to agree, as they were before this estimate existed. Matching and
   * the window use it; `plan.since` (and so every resume token) stays on our clock.
   */
  let serverClockOffset: ClockOffset = NO_CLOCK_OFFSET;

  function token(): ResumeToken {
    return createResumeToken({ instanceId: plan.instanceId, taskId: followedId, taskActions: plan.taskActions, since: plan.since, deadline: plan.deadline });
  }

  function latestSnapshot(now: number): ProgressSnapshot {
    return { ...polled, elapsedMs: now - plan.startedAt, resumeToken: token() };
  }

  function aborted(): TaskAbortedError {
    const snap = latestSnapshot(clock.now());
    return new TaskAbortedError(
      signal?.reason,
      snap,
      `Waiting for ${followedId === null ? 'a task' : `task ${followedId}`} on ${plan.instanceId} was aborted; ` +
        'pass error.resumeToken to waitForTask({ resumeToken }) to continue the same wait.',
    );
  }

  async function sleepUntil(wakeAt: number): Promise<void> {
    for (;;) {
      const now = clock.now();
      if (now >= wakeAt) return;
      if (reporter.heartbeatDue(now, plan.heartbeatInterval)) {
        reporter.report(extrapolateSnapshot(latestSnapshot(now), now - polledAt, now - plan.startedAt), now);
        continue;
      }
      const until = reporter.active ? Math.min(wakeAt, reporter.lastReportAt + plan.heartbeatInterval) : wakeAt;
      try {
        await clock.sleep(until - now, signal);
      } catch (error) {
        if (signal?.aborted) throw aborted();
        throw error;
      }
      if (signal?.aborted) throw aborted();
    }
  }

  async function poll(now: number): Promise<Task[]> {
    const window = queryWindow(plan.since, plan.clockSkewTolerance, now, serverClockOffset);
    const onServerTime = (serverTime: Date): void => {
      serverClockOffset = clockOffsetFrom({ serverTime: serverTime.getTime(), sentAt: now, receivedAt: clock.now() });
    };
    const tasks: Task[] = [];
    for await (const t of source.listTasks({ instanceId: plan.instanceId, ...window }, { signal, onServerTime })) tasks.push(t);
    return tasks;
  }

  if (signal?.aborted) throw aborted();
  if (plan.initialDelay > 0) await sleepUntil(Math.min(plan.startedAt + plan.initialDelay, plan.deadline));

  for (;;) {
    const pollStart = clock.now();
    const final = pollStart >= plan.deadline;
    let tasks: Task[] | null = null;
    try {
      tasks = await poll(pollStart);
    } catch (error) {
      if (signal?.aborted) throw aborted();
      if (final || !isTransientPollError(error)) throw error;
    }
    if (signal?.aborted) throw aborted();
    const now = clock.now();

    if (tasks !== null) {
      const criteria: MatchCriteria = { ...plan, taskId: followedId, serverClockOffset };
      task = selectTask(tasks, criteria);
      if (task !== null) {
        followedId = task.taskId;
        seen = true;
      }
      const previous = polled;
      if (task !== null || !seen) {
        polled = snapshotOf(task, { elapsedMs: now - plan.startedAt, resumeToken: token() });
        polledAt = now;
      }
      if (snapshotChanged(previous, polled)) attempt = 0;
      reporter.reportIfChanged(polled, now);

      if (task !== null) {
        const outcome = settle(task, now);
        if (outcome !== null) return outcome;
      } else if (!seen && pollStart >= graceEnd) {
        const seenActions = [...new Set(tasks.map((t) => t.taskAction))].sort();
        throw new TaskNotFoundError(
          {
            instanceId: plan.instanceId,
            taskId: plan.taskId,
            taskAction: plan.taskActions,
            since: plan.since,
            graceMs: plan.notFoundGrace,
            seenActions,
          },
          `No task matching ${plan.taskId !== null ? `TaskId ${plan.taskId}` : `TaskAction ${JSON.stringify(plan.taskActions)}`} ` +
            `appeared on ${plan.instanceId} within ${Math.round(plan.notFoundGrace / 1000)} s of ${plan.since.toISOString()}. ` +
            `TaskActions seen in the window: ${JSON.stringify(seenActions)}; ` +
            'check taskAction (labels are internal and may differ from API names), since, and the instance id.',
        );
      }
    }

    if (final) {
      throw new TaskTimeoutError(
        plan.deadline - plan.startedAt,
        latestSnapshot(now),
        `Timed out on ${plan.instanceId} after ${Math.round((plan.deadline - plan.startedAt) / 1000)} s: ` +
          (!seen
            ? 'no matching task appeared'
            : `task ${followedId} is still ${describeStatus(polled.status)} at ${polled.progress ?? 0}%`) +
          '. Raise timeout, or pass error.resumeToken to waitForTask({ resumeToken }) to keep waiting on the same task.',
      );
    }

    // Land a poll exactly on each limit still ahead (deadline, end of the not-found grace, end of the allowed
    // pause). A limit already behind us (its poll failed transiently) no longer pulls the next poll in.
    const limits = [plan.deadline];
    if (!seen) limits.push(graceEnd);
    if (pausedSince !== null && plan.pausedTimeout !== null) limits.push(pausedSince + plan.pausedTimeout);
    const stop = Math.min(...limits.filter((t) => t > now), plan.deadline);
    const expectedMs = expectedChangeMs(task);
    const delay = nextPollDelay({
      now, deadline: Math.max(stop, now + 1), attempt, expectedMs, minDelay: plan.minDelay, maxDelay: plan.maxDelay, random: clock.random(),
    });
    if (expectedMs === null) attempt += 1;
    await sleepUntil(now + delay);
  }

  /** The wait's verdict on a polled task: the task when complete, an error thrown when failed, `null` to go on. */
  function settle(current: Task, now: number): Task | null {
    const step = currentStepOf(current);
    const where = step === null ? '' : ` at step "${step.name}"`;
    switch (current.status) {
      case TaskStatus.Complete:
        return current;
      case TaskStatus.Closed:
      case TaskStatus.Interrupted:
        throw new TaskFailedError(
          current,
          step,
          `Task ${current.taskId} (${current.taskAction}) on ${plan.instanceId} ended ${describeStatus(current.status)}${where}` +
            `${current.progress === null ? '' : ` at ${current.progress}%`}. Check the instance's task list in the console before sending the change again.`,
        );
      case TaskStatus.Paused: {
        if (plan.onPaused === 'fail') {
          throw new TaskFailedError(
            current,
            step,
            `Task ${current.taskId} (${current.taskAction}) on ${plan.instanceId} is paused${where} and onPaused is 'fail'. ` +
              "Resume it in the console, or wait with onPaused: 'wait'.",
          );
        }
        pausedSince ??= now;
        const pausedMs = now - pausedSince;
        if (plan.pausedTimeout !== null && pausedMs >= plan.pausedTimeout) {
          throw new TaskPausedTimeoutError(
            current,
            step,
            pausedMs,
            token(),
            `Task ${current.taskId} (${current.taskAction}) on ${plan.instanceId} stayed paused${where} for ${Math.round(pausedMs / 1000)} s ` +
              `(pausedTimeout ${Math.round(plan.pausedTimeout / 1000)} s). Resume it in the console, then continue with error.resumeToken.`,
          );
        }
        return null;
      }
      default:
        // Pending, Running, or a status this library does not know: keep polling until a known terminal one.
        pausedSince = null;
        return null;
    }
  }
}
