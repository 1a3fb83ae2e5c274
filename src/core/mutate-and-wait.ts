/**
 * `mutateAndWait`: send a mutating call and wait for the task it started, within one deadline, never sending
 * the mutation twice except once after a "another task is running" refusal.
 *
 * @packageDocumentation
 */
import { taskActionsFor } from './actions';
import { systemClock, type Clock } from './clock';
import { isTaskConflictError } from './conflict';
import { resolveTaskSource } from './connect';
import { InvalidOptionError, TaskAbortedError, TaskFailedError } from './errors';
import { waitForInstanceStatus } from './instance-status';
import { selectBlockingTask } from './matching';
import { taskIdFromResponse } from './mutation-response';
import { snapshotOf } from './progress';
import { createResumeToken } from './resume';
import { TaskStatus, type Task } from './task';
import type { TaskSource } from './task-source';
import { validateIdentifier, validateOptionKeys, validateWaitOptions, WAIT_OPTION_NAMES } from './validation';
import type { WaitForTaskOptions, WaitPlan } from './wait-options';
import { runWait } from './wait-for-task';
import { queryWindow } from './window';

/**
 * Default `initialDelay` of `mutateAndWait`: 3 s. A new task shows up in DescribeTasks some seconds after the
 * call returns; polling at once would only cost an empty call.
 *
 * @example
 * ```ts
 * await mutateAndWait(send, { instanceId, apiAction: 'RestartInstance', initialDelay: DEFAULT_MUTATION_INITIAL_DELAY_MS * 2 });
 * ```
 */
export const DEFAULT_MUTATION_INITIAL_DELAY_MS = 3_000;

/**
 * How far back `mutateAndWait` looks for the task that blocked its mutation: 24 h.
 *
 * @example
 * ```ts
 * const from = new Date(Date.now() - BLOCKING_TASK_LOOKBACK_MS);
 * ```
 */
export const BLOCKING_TASK_LOOKBACK_MS = 24 * 60 * 60_000;

/**
 * Options of {@link mutateAndWait}: those of `waitForTask` except `taskId`, `since` and `resumeToken` (the
 * mutation provides them), plus `apiAction`.
 *
 * @example
 * ```ts
 * const opts: MutateAndWaitOptions = { instanceId: 'r-1', apiAction: 'RestartInstance', regionId: 'cn-hangzhou' };
 * ```
 */
export interface MutateAndWaitOptions extends Omit<WaitForTaskOptions, 'taskId' | 'since' | 'resumeToken'> {
  /**
   * The mutating API, e.g. `'ModifyInstanceSpec'`: picks `DEFAULT_TASK_ACTIONS[apiAction]` when `taskAction` is
   * not given. One of `taskAction` and `apiAction` is required.
   */
  apiAction?: string;
  /** Wait for a blocking task and send the mutation once more after `Task.Conflict` / `IncorrectDBInstanceState`. Default `true`. */
  retryOnConflict?: boolean;
}

/**
 * What {@link mutateAndWait} resolves with.
 *
 * @example
 * ```ts
 * const { response, task, mutationsSent } = await mutateAndWait(send, opts);
 * ```
 */
export interface MutateAndWaitResult<R> {
  /** The mutating call's response (of the attempt that was accepted). */
  response: R;
  /** The task it started, complete (Status 2). */
  task: Task;
  /** 1, or 2 when the first attempt was refused because another task was running. */
  mutationsSent: 1 | 2;
}

const OPTION_NAMES: readonly string[] = Object.freeze(
  [...WAIT_OPTION_NAMES, 'apiAction', 'retryOnConflict'].filter((n) => !['taskId', 'since', 'resumeToken'].includes(n)),
);

/**
 * Sends a mutating call and waits for the task it started.
 *
 * 1. Validates every option first; nothing is sent when one is wrong.
 * 2. Reads the clock just before `mutation()`; that moment is the `since` of the wait.
 * 3. Takes the TaskId from the response when the API returns one (`body.TaskId`) and prefers it when
 *    matching; as it is only a hint, the TaskAction rules still find the task if that id never appears.
 * 4. If the mutation is refused with `Task.Conflict` or `IncorrectDBInstanceState`, waits for the newest
 *    pending/running/paused task on the instance (whatever its outcome) and for the instance to be `Normal`
 *    again, then sends the mutation exactly once more. Any other refusal, or a second refusal, is thrown as is.
 * 5. Everything runs within one deadline (`timeout` from the call).
 *
 * Rejects like `waitForTask`. An abort after the mutation was sent carries a `resumeToken` for the new task.
 *
 * @example
 * ```ts
 * const { task } = await mutateAndWait(
 *   () => kvstore.modifyInstanceSpec(new $Kvstore.ModifyInstanceSpecRequest({ instanceId, instanceClass: 'redis.master.mid.default' })),
 *   { instanceId, apiAction: 'ModifyInstanceSpec', regionId: 'cn-hangzhou', timeout: 40 * 60_000 },
 * );
 * console.log(`spec change ${task.taskId} finished at ${task.finishTime?.toISOString()}`);
 * ```
 */
export async function mutateAndWait<R>(mutation: () => Promise<R>, options: MutateAndWaitOptions): Promise<MutateAndWaitResult<R>> {
  if (typeof mutation !== 'function') {
    throw new InvalidOptionError('mutation', 'expected an async function that sends the mutating call, e.g. () => client.restartInstance(request)');
  }
  validateOptionKeys(options, OPTION_NAMES);
  const { apiAction, retryOnConflict, ...waitOptions } = options;
  if (retryOnConflict !== undefined && typeof retryOnConflict !== 'boolean') {
    throw new InvalidOptionError('retryOnConflict', 'expected true or false');
  }
  const clock = options.clock ?? systemClock;
  if (apiAction !== undefined) validateIdentifier('apiAction', apiAction);
  const taskAction = waitOptions.taskAction === undefined && apiAction !== undefined ? taskActionsFor(apiAction) : waitOptions.taskAction;
  const plan = validateWaitOptions(
    { ...waitOptions, taskAction, initialDelay: waitOptions.initialDelay ?? DEFAULT_MUTATION_INITIAL_DELAY_MS },
    clock.now(),
  );
  const source = await resolveTaskSource(options);

  const send = async (): Promise<{ sentAt: number; response: R }> => {
    if (plan.signal?.aborted) throw abortedBeforeSending(plan, clock);
    const sentAt = clock.now();
    return { sentAt, response: await mutation() };
  };

  let sent: { sentAt: number; response: R };
  let mutationsSent: 1 | 2 = 1;
  const ignoreTaskIds: string[] = [];
  try {
    sent = await send();
  } catch (error) {
    if (retryOnConflict === false || !isTaskConflictError(error)) throw error;
    const blockerId = await waitForBlockingTask(plan, source, clock);
    if (blockerId !== null) ignoreTaskIds.push(blockerId);
    mutationsSent = 2;
    sent = await send();
  }
  const task = await runWait(
    { ...plan, since: new Date(sent.sentAt), startedAt: sent.sentAt, taskIdHint: taskIdFromResponse(sent.response), ignoreTaskIds },
    source,
    clock,
  );
  return { response: sent.response, task, mutationsSent };
}

function abortedBeforeSending(plan: WaitPlan, clock: Clock): TaskAbortedError {
  const resumeToken = createResumeToken({ ...plan, taskId: null, deadline: plan.deadline });
  return new TaskAbortedError(
    plan.signal?.reason,
    snapshotOf(null, { elapsedMs: clock.now() - plan.startedAt, resumeToken }),
    `Aborted before the mutation was sent to ${plan.instanceId}: nothing was changed and there is nothing to resume.`,
  );
}

/**
 * After a conflict refusal: waits (within the plan's deadline) for the newest pending, running or paused task
 * to end, whatever its outcome, then for the instance to be `Normal`. Returns the blocking task's id, if any.
 */
async function waitForBlockingTask(plan: WaitPlan, source: TaskSource, clock: Clock): Promise<string | null> {
  const now = clock.now();
  const window = queryWindow(new Date(now - BLOCKING_TASK_LOOKBACK_MS), 0, now);
  const open: Task[] = [];
  const query = { instanceId: plan.instanceId, startTime: window.startTime, endTime: window.endTime, statuses: [TaskStatus.Pending, TaskStatus.Running, TaskStatus.Paused] };
  for await (const t of source.listTasks(query, { signal: plan.signal ?? undefined })) open.push(t);
  const blocker = selectBlockingTask(open);
  if (blocker !== null) {
    try {
      await runWait(
        {
          ...plan, taskId: blocker.taskId, taskIdHint: null, taskActions: null, since: blocker.beginTime ?? new Date(now),
          startedAt: now, initialDelay: 0, select: 'earliest', after: null,
        },
        source,
        clock,
      );
    } catch (error) {
      // Another task's failure is not ours: the instance is free again either way. Timeouts and aborts propagate.
      if (!(error instanceof TaskFailedError)) throw error;
    }
  }
  await waitForInstanceStatus(plan.instanceId, 'Normal', {
    client: source, clock, signal: plan.signal ?? undefined, minDelay: plan.minDelay, maxDelay: plan.maxDelay,
    timeout: Math.max(1, plan.deadline - clock.now()),
  });
  return blocker?.taskId ?? null;
}
