/**
 * Progress snapshots: built from a polled task, compared for changes, extrapolated for heartbeats. Pure.
 *
 * @packageDocumentation
 */
import type { ResumeToken } from './resume';
import type { ProgressSnapshot } from './snapshot';
import { isTerminalStatus, type Task, type TaskStep } from './task';

/**
 * A heartbeat's extrapolated progress stops here: only the server can say a task is done.
 *
 * @example
 * ```ts
 * if (snapshot.heartbeat && snapshot.progress === MAX_EXTRAPOLATED_PROGRESS) console.log('finishing...');
 * ```
 */
export const MAX_EXTRAPOLATED_PROGRESS = 99;

/**
 * The current step's 1-based position and the number of steps. `StepProgressInfo` ("2/4": step 2 of 4) wins;
 * without it, the position of `CurrentStepName` in `StepsInfo`. `0` means no step has started yet.
 *
 * @example
 * ```ts
 * stepPosition({ ...task, stepProgress: { done: 2, total: 4 } }); // { stepIndex: 2, stepCount: 4 }
 * stepPosition({ ...task, stepProgress: null, currentStep: 'init_redis', steps }); // from the steps list
 * ```
 */
export function stepPosition(task: Task): { stepIndex: number | null; stepCount: number | null } {
  const sp = task.stepProgress;
  if (sp !== null && sp.total > 0 && sp.done >= 0 && sp.done <= sp.total) return { stepIndex: sp.done, stepCount: sp.total };
  const stepCount = task.steps.length > 0 ? task.steps.length : null;
  const found = task.steps.findIndex((s) => s.name === task.currentStep);
  return { stepIndex: found >= 0 ? found + 1 : null, stepCount };
}

/**
 * The step the task is in (or ended in): the `StepsInfo` entry named by `CurrentStepName`, else the entry at
 * the `StepProgressInfo` position, else a bare step from `CurrentStepName`; `null` when nothing says.
 *
 * @example
 * ```ts
 * currentStepOf(failedTask)?.name; // 'init_redis'
 * ```
 */
export function currentStepOf(task: Task): TaskStep | null {
  const byName = task.steps.find((s) => s.name === task.currentStep);
  if (byName) return byName;
  const { stepIndex } = stepPosition(task);
  const byIndex = stepIndex !== null && stepIndex >= 1 ? task.steps[stepIndex - 1] : undefined;
  if (byIndex) return byIndex;
  return task.currentStep === null ? null : { name: task.currentStep, progress: null, remainSeconds: null };
}

/**
 * The task's remaining seconds as the server sees it: `Remain` when positive; else the sum of the positive
 * `remain` of the current step and the ones after it; else `null`. Always `null` once the task is terminal.
 *
 * @example
 * ```ts
 * taskRemainSeconds({ ...task, status: TaskStatus.Running, remainSeconds: 107 }); // 107
 * ```
 */
export function taskRemainSeconds(task: Task): number | null {
  if (isTerminalStatus(task.status)) return null;
  if (task.remainSeconds !== null && task.remainSeconds > 0) return task.remainSeconds;
  const current = task.steps.findIndex((s) => s.name === task.currentStep);
  if (current < 0) return null;
  const sum = task.steps.slice(current).reduce((acc, s) => acc + (s.remainSeconds !== null && s.remainSeconds > 0 ? s.remainSeconds : 0), 0);
  return sum > 0 ? sum : null;
}

/**
 * The snapshot of a poll (or of "no task yet" when `task` is `null`).
 *
 * @example
 * ```ts
 * const snap = snapshotOf(task, { elapsedMs: 12_000, resumeToken });
 * console.log(`${snap.stepIndex}/${snap.stepCount} ${snap.currentStep} ${snap.progress}%`);
 * ```
 */
export function snapshotOf(task: Task | null, context: { elapsedMs: number; resumeToken: ResumeToken }): ProgressSnapshot {
  const position = task === null ? { stepIndex: null, stepCount: null } : stepPosition(task);
  return {
    task,
    status: task?.status ?? null,
    progress: task?.progress ?? null,
    currentStep: task?.currentStep ?? null,
    stepIndex: position.stepIndex,
    stepCount: position.stepCount,
    steps: task?.steps ?? [],
    remainSeconds: task === null ? null : taskRemainSeconds(task),
    elapsedMs: context.elapsedMs,
    heartbeat: false,
    resumeToken: context.resumeToken,
  };
}

/**
 * Whether a new snapshot says something the last reported one did not: another task, status, progress,
 * current step or step index. (Remaining time alone ticks every poll and is not a change.)
 *
 * @example
 * ```ts
 * if (snapshotChanged(lastReported, next)) onProgress(next);
 * ```
 */
export function snapshotChanged(previous: ProgressSnapshot | null, next: ProgressSnapshot): boolean {
  if (previous === null) return true;
  return (
    (previous.task?.taskId ?? null) !== (next.task?.taskId ?? null) ||
    previous.status !== next.status ||
    previous.progress !== next.progress ||
    previous.currentStep !== next.currentStep ||
    previous.stepIndex !== next.stepIndex
  );
}

/**
 * A heartbeat: the last polled snapshot moved forward `msSincePoll` without asking the API. The remaining
 * time counts down; progress moves linearly toward 100 % at the expected finish, capped at
 * {@link MAX_EXTRAPOLATED_PROGRESS}. Without a remaining-time estimate, both stay as polled.
 *
 * @example
 * ```ts
 * const polled = { ...snap, progress: 50, remainSeconds: 100 };
 * extrapolateSnapshot(polled, 50_000, 80_000); // progress 75, remainSeconds 50, heartbeat true
 * ```
 */
export function extrapolateSnapshot(polled: ProgressSnapshot, msSincePoll: number, elapsedMs: number): ProgressSnapshot {
  const base = { ...polled, elapsedMs, heartbeat: true };
  const remain = polled.remainSeconds;
  if (remain === null || remain <= 0) return base;
  const fraction = Math.min(1, Math.max(0, msSincePoll / (remain * 1000)));
  const p = polled.progress;
  const progress =
    p === null || p >= MAX_EXTRAPOLATED_PROGRESS
      ? p
      : Math.round(Math.min(MAX_EXTRAPOLATED_PROGRESS, p + (100 - p) * fraction) * 10) / 10;
  return { ...base, progress, remainSeconds: Math.max(0, Math.round(remain - msSincePoll / 1000)) };
}
