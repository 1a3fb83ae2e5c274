/**
 * Pure task simulation: a task is a list of steps with durations plus a scripted outcome; its status,
 * progress and step progress at any moment are a function of (task, elapsed time) only.
 */

/**
 * Task status codes of DescribeTasks.
 *
 * @example
 * const plan: TaskPlan = {steps: [{name: 'exec_task', durationMs: 1000}], pendingMs: 500, outcome: {kind: 'complete'}};
 * const status: TaskStatusCode = simulateTask(plan, 0).status; // 0 (still pending)
 */
export type TaskStatusCode = 0 | 1 | 2 | 4 | 7 | 8;

/**
 * Every status code DescribeTasks documents.
 *
 * @example
 * TASK_STATUS_CODES.join(','); // '0,1,2,4,7,8'
 */
export const TASK_STATUS_CODES: readonly TaskStatusCode[] = [0, 1, 2, 4, 7, 8];

/**
 * One step of a task (DescribeTasks `StepsInfo[].name`).
 *
 * @example
 * const step: StepPlan = {name: 'exec_task', durationMs: 240_000};
 */
export interface StepPlan {
  name: string;
  /** Duration in ms of task time. */
  durationMs: number;
}

/**
 * How a task ends. `atStep` is a 0-based step index, `atFraction` how far into that step (0..1).
 *
 * @example
 * const outcome: OutcomePlan = {kind: 'paused', atStep: 1, atFraction: 0.5, pauseMs: 60_000};
 */
export type OutcomePlan =
  | { kind: 'complete' }
  | { kind: 'closed' | 'interrupted'; atStep: number; atFraction: number }
  | { kind: 'paused'; atStep: number; atFraction: number; pauseMs: number };

/**
 * Everything that determines a task's course. Durations are in ms of task time.
 *
 * @example
 * const plan: TaskPlan = {steps: [{name: 'exec_task', durationMs: 1000}], pendingMs: 500, outcome: {kind: 'complete'}};
 * simulateTask(plan, 1000).progress; // 50
 */
export interface TaskPlan {
  steps: StepPlan[];
  /** Time spent pending (status 0) before the first step runs. */
  pendingMs: number;
  outcome: OutcomePlan;
}

/**
 * One step's state at a moment.
 *
 * @example
 * const [first]: StepSnapshot[] = simulateTask(plan, 2000).steps;
 * first.progress; // 100 once the first step is done
 */
export interface StepSnapshot {
  name: string;
  /** 0..100. */
  progress: number;
  /** Remaining ms of this step. */
  remainMs: number;
}

/**
 * A task's state at a moment.
 *
 * @example
 * const snap: TaskSnapshot = simulateTask(plan, elapsedMs);
 * if (snap.endedAtMs !== undefined) console.log('ended with status', snap.status);
 */
export interface TaskSnapshot {
  status: TaskStatusCode;
  /** 0..100. */
  progress: number;
  /** Remaining ms of the whole task as the server estimates it (scripted pauses are not foreseen). */
  remainMs: number;
  /** 0-based index of the current step (the last one once complete); -1 while pending. */
  stepIndex: number;
  steps: StepSnapshot[];
  /** Elapsed ms at which the task reached its final status (2, 4 or 8); undefined while it has not. */
  endedAtMs?: number;
}

function stopPoint(steps: StepPlan[], atStep: number, atFraction: number): number {
  const index = Math.min(Math.max(0, atStep), steps.length - 1);
  let start = 0;
  for (let i = 0; i < index; i++) start += steps[i].durationMs;
  const fraction = Math.min(Math.max(0, atFraction), 1);
  return start + (steps[index]?.durationMs ?? 0) * fraction;
}

/**
 * The state of a task `elapsedMs` after it was created.
 *
 * @example
 * const plan = {steps: [{name: 'init_instance', durationMs: 1000}, {name: 'exec_task', durationMs: 3000}],
 *               pendingMs: 0, outcome: {kind: 'complete'}} as const;
 * simulateTask(plan, 2000); // {status: 1, progress: 50, stepIndex: 1, remainMs: 2000, ...}
 */
export function simulateTask(plan: TaskPlan, elapsedMs: number): TaskSnapshot {
  const total = plan.steps.reduce((sum, s) => sum + s.durationMs, 0);
  const run = elapsedMs - plan.pendingMs;
  let status: TaskStatusCode;
  let done: number;
  let endedAtMs: number | undefined;
  const outcome = plan.outcome;
  if (run < 0) {
    status = 0;
    done = 0;
  } else if (outcome.kind === 'closed' || outcome.kind === 'interrupted') {
    const stop = stopPoint(plan.steps, outcome.atStep, outcome.atFraction);
    if (run >= stop) {
      status = outcome.kind === 'closed' ? 4 : 8;
      done = stop;
      endedAtMs = plan.pendingMs + stop;
    } else {
      status = 1;
      done = run;
    }
  } else {
    const pauseAt = outcome.kind === 'paused' ? stopPoint(plan.steps, outcome.atStep, outcome.atFraction) : total;
    const pauseMs = outcome.kind === 'paused' ? outcome.pauseMs : 0;
    if (outcome.kind === 'paused' && run >= pauseAt && run < pauseAt + pauseMs) {
      status = 7;
      done = pauseAt;
    } else {
      done = run < pauseAt ? run : run - pauseMs;
      if (done >= total) {
        status = 2;
        done = total;
        endedAtMs = plan.pendingMs + total + pauseMs;
      } else {
        status = 1;
      }
    }
  }
  let start = 0;
  let stepIndex = -1;
  const steps = plan.steps.map((step, i) => {
    const stepDone = Math.min(Math.max(0, done - start), step.durationMs);
    if (status !== 0 && stepIndex < 0 && done < start + step.durationMs) stepIndex = i;
    start += step.durationMs;
    return {
      name: step.name,
      progress: step.durationMs === 0 ? 100 : (stepDone / step.durationMs) * 100,
      remainMs: step.durationMs - stepDone,
    };
  });
  if (status !== 0 && stepIndex < 0) stepIndex = plan.steps.length - 1;
  return {
    status,
    progress: total === 0 ? 100 : (done / total) * 100,
    remainMs: total - done,
    stepIndex,
    steps,
    endedAtMs,
  };
}

/**
 * Whether a status is still active (pending, running or paused): the instance is busy and refuses new changes.
 *
 * @example
 * isActiveStatus(7); // true
 */
export function isActiveStatus(status: TaskStatusCode): boolean {
  return status === 0 || status === 1 || status === 7;
}
