/**
 * User-facing task descriptions (scripted outcomes, seeded tasks) and their translation into a pure
 * `TaskPlan` in task time.
 */
import { EmulatorControlError } from './control-error';
import type { OutcomePlan, StepPlan, TaskPlan } from './simulation';

/**
 * Scripted course of a task. All durations are nominal ms, divided by the emulator's timeScale.
 *
 * @example
 * const script: TaskScript = {outcome: 'interrupted', atStep: 2, atFraction: 0.25, appearAfterMs: 30_000};
 * emu.control.scriptNext('r-bp1emu000000001', script);
 */
export interface TaskScript {
  /** `complete` (default), `closed` (4), `interrupted` (8), or `paused` (7) then resumed and completed. */
  outcome?: 'complete' | 'closed' | 'interrupted' | 'paused';
  /** 0-based step where a closed/interrupted/paused outcome happens; default the middle step. */
  atStep?: number;
  /** How far into that step, 0..1; default 0.5. */
  atFraction?: number;
  /** How long a paused task stays paused before resuming; default 60000. */
  pauseMs?: number;
  /** Time spent pending (status 0) before the first step; default 0. */
  pendingMs?: number;
  /** Time the task stays invisible to DescribeTasks/DescribeHistoryTasks/DescribeTaskDetail; default 0. */
  appearAfterMs?: number;
  /** Steps to use instead of the action's template. */
  steps?: StepPlan[];
  /** TaskAction label to report instead of the template's. */
  taskAction?: string;
}

/**
 * A task added directly (history tasks, paging fixtures).
 *
 * @example
 * const seed: TaskSeed = {taskAction: 'ModifyDBInstanceClass', beginTime: '2024-05-01T10:00:00Z', outcome: 'closed'};
 * emu.control.addTask('r-bp1emu000000001', seed);
 */
export interface TaskSeed extends TaskScript {
  /** When it began on the server clock: epoch ms or `yyyy-MM-ddTHH:mm:ssZ`; default now. */
  beginTime?: number | string;
  /** InstanceStatus while this task is active; default: that of the action whose label is `taskAction`, else `Changing`. */
  instanceStatus?: string;
}

function checkNumber(field: string, value: number | undefined, min: number, max = Infinity): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)) {
    throw new EmulatorControlError(field, `must be a number in [${min}, ${max}], got ${JSON.stringify(value)}`);
  }
}

/**
 * Check a script or seed; throws `EmulatorControlError` naming the bad field.
 *
 * @example
 * validateTaskScript({outcome: 'paused', pauseMs: 5000}); // ok
 */
export function validateTaskScript(script: TaskScript): void {
  if (typeof script !== 'object' || script === null) throw new EmulatorControlError('script', 'must be an object');
  const outcomes = ['complete', 'closed', 'interrupted', 'paused'];
  if (script.outcome !== undefined && !outcomes.includes(script.outcome)) {
    throw new EmulatorControlError('outcome', `must be one of ${outcomes.join(', ')}`);
  }
  checkNumber('atStep', script.atStep, 0);
  checkNumber('atFraction', script.atFraction, 0, 1);
  checkNumber('pauseMs', script.pauseMs, 0);
  checkNumber('pendingMs', script.pendingMs, 0);
  checkNumber('appearAfterMs', script.appearAfterMs, 0);
  if (script.steps !== undefined) {
    if (!Array.isArray(script.steps) || script.steps.length === 0) {
      throw new EmulatorControlError('steps', 'must be a non-empty array of {name, durationMs}');
    }
    script.steps.forEach((step, i) => {
      if (typeof step?.name !== 'string' || step.name === '') throw new EmulatorControlError(`steps[${i}].name`, 'must be a non-empty string');
      checkNumber(`steps[${i}].durationMs`, step.durationMs ?? -1, 0);
    });
  }
  if (script.atStep !== undefined && script.atStep >= (script.steps?.length ?? Infinity)) {
    throw new EmulatorControlError('atStep', 'must be less than the number of steps');
  }
  if (script.taskAction !== undefined && (typeof script.taskAction !== 'string' || script.taskAction === '')) {
    throw new EmulatorControlError('taskAction', 'must be a non-empty string');
  }
}

/**
 * Turn a validated script into a plan in task time (nominal ms divided by `timeScale`).
 *
 * @example
 * planFromScript({outcome: 'closed', atStep: 1}, [{name: 'a', durationMs: 60000}, {name: 'b', durationMs: 60000}], 60);
 * // {steps: [{name: 'a', durationMs: 1000}, ...], pendingMs: 0, outcome: {kind: 'closed', atStep: 1, atFraction: 0.5}}
 */
export function planFromScript(script: TaskScript, defaultSteps: StepPlan[], timeScale: number): TaskPlan {
  const steps = (script.steps ?? defaultSteps).map((s) => ({ name: s.name, durationMs: s.durationMs / timeScale }));
  const atStep = Math.min(script.atStep ?? Math.floor((steps.length - 1) / 2), steps.length - 1);
  const atFraction = script.atFraction ?? 0.5;
  const kind = script.outcome ?? 'complete';
  let outcome: OutcomePlan;
  if (kind === 'complete') outcome = { kind };
  else if (kind === 'paused') outcome = { kind, atStep, atFraction, pauseMs: (script.pauseMs ?? 60_000) / timeScale };
  else outcome = { kind, atStep, atFraction };
  return { steps, pendingMs: (script.pendingMs ?? 0) / timeScale, outcome };
}
