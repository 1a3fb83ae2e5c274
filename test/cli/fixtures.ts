/**
 * Builders of tasks and snapshots for the CLI tests.
 *
 * @packageDocumentation
 */
import { TaskNotFoundError } from '../../src/core/errors';
import type { ResumeToken } from '../../src/core/resume';
import type { ProgressSnapshot } from '../../src/core/snapshot';
import { TaskStatus, type Task } from '../../src/core/task';

/**
 * A running task with three steps, overridable field by field.
 *
 * @example
 * ```ts
 * const done = makeTask({ status: TaskStatus.Complete, progress: 100 });
 * ```
 */
export function makeTask(overrides: Partial<Task> = {}): Task {
  return {
    taskId: '1001',
    taskAction: 'ModifyInstanceSpec',
    status: TaskStatus.Running,
    progress: 46,
    remainSeconds: 107,
    beginTime: new Date('2024-05-01T10:00:00Z'),
    finishTime: null,
    currentStep: 'init_redis',
    stepProgress: { done: 2, total: 3 },
    steps: [
      { name: 'init_instance', progress: 100, remainSeconds: 0 },
      { name: 'init_redis', progress: 40, remainSeconds: 107 },
      { name: 'exec_task', progress: 0, remainSeconds: null },
    ],
    malformed: [],
    raw: {},
    ...overrides,
  };
}

/**
 * A resume token for instance `r-1`.
 *
 * @example
 * ```ts
 * const token = makeToken({ taskId: null });
 * ```
 */
export function makeToken(overrides: Partial<ResumeToken> = {}): ResumeToken {
  return {
    instanceId: 'r-1',
    taskId: '1001',
    taskAction: ['ModifyInstanceSpec'],
    since: '2024-05-01T09:59:00.000Z',
    deadline: '2024-05-01T10:59:00.000Z',
    ...overrides,
  };
}

/**
 * A snapshot of `task` (or of "no task yet" for `null`), as the waiter would send it.
 *
 * @example
 * ```ts
 * const s = makeSnapshot(makeTask(), { heartbeat: true });
 * ```
 */
export function makeSnapshot(task: Task | null, overrides: Partial<ProgressSnapshot> = {}): ProgressSnapshot {
  return {
    task,
    status: task?.status ?? null,
    progress: task?.progress ?? null,
    currentStep: task?.currentStep ?? null,
    stepIndex: task?.stepProgress?.done ?? null,
    stepCount: task?.stepProgress?.total ?? null,
    steps: task?.steps ?? [],
    remainSeconds: task?.remainSeconds ?? null,
    elapsedMs: 12_000,
    heartbeat: false,
    resumeToken: makeToken(task === null ? { taskId: null } : {}),
    ...overrides,
  };
}

/**
 * The not-found error of a `ModifyInstanceSpec` wait on `r-1` since 10:00 with a 3-minute grace, during which only
 * a `RestartInstance` task was seen.
 *
 * @example
 * ```ts
 * assert.deepEqual(classifyEnding(makeNotFoundError()), { outcome: 'not_found', exitCode: 4 });
 * ```
 */
export function makeNotFoundError(message = 'no task'): TaskNotFoundError {
  return new TaskNotFoundError(
    { instanceId: 'r-1', taskId: null, taskAction: ['ModifyInstanceSpec'], since: new Date('2024-05-01T10:00:00Z'), graceMs: 180_000, seenActions: ['RestartInstance'] },
    message,
  );
}

/**
 * Matches any ANSI escape, carriage return or other C0 control character except newline.
 *
 * @example
 * ```ts
 * assert.doesNotMatch(stderr, CONTROL_CHARS);
 * ```
 */
export const CONTROL_CHARS = /[\x00-\x09\x0b-\x1f\x7f]/;
