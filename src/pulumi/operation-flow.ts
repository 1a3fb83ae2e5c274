/**
 * The safe course of an operation resource (create or update), built so that re-running after an interrupted
 * deployment never sends a second mutation:
 *
 * 1. a task of the operation's action that is still open (pending, running or paused) — typically the one an
 *    interrupted run started — is resumed: wait for it;
 * 2. the instance is inspected: when it already is as wanted (the class, the parameters, a recent restart),
 *    nothing is sent;
 * 3. otherwise the mutation is sent once, through `mutateAndWait`, and its task awaited.
 *
 * @packageDocumentation
 */
import { createRedactor, toKvstoreApiError } from '../client/api-error';
import { knownSecrets } from '../client/credentials';
import type { MutatingApi } from '../core/actions';
import { mutateAndWait } from '../core/mutate-and-wait';
import type { Task } from '../core/task';
import { waitForTask } from '../core/wait-for-task';
import { taskLabel } from '../core/progress-text';
import type { ProviderCall } from './provider-call';
import { summaryLine } from './progress-lines';
import { findOpenTask } from './task-lookup';
import { type TaskOutputs, taskOutputs } from './task-outputs';

/**
 * What {@link Operation.inspect} finds.
 *
 * @example
 * ```ts
 * const state: Inspection = { satisfied: true, task: null, live: { instanceClass: 'redis.master.large.default' } };
 * ```
 */
export interface Inspection {
  /** The instance already is as wanted: send nothing. */
  satisfied: boolean;
  /** The task that made it so, when the inspection found one (a recent restart). */
  task: Task | null;
  /** Live values to output. */
  live: Record<string, unknown>;
}

/**
 * One operation resource's part of the course.
 *
 * @example
 * ```ts
 * const op: Operation = {
 *   apiAction: 'RestartInstance', taskActions: ['RestartDBInstance'], inspect,
 *   mutate: () => sdk.restartInstance(req), unchanged: 'no restart needed',
 * };
 * ```
 */
export interface Operation {
  /** The mutating API, for error messages. */
  apiAction: MutatingApi;
  /** TaskAction labels of the mutation's task. */
  taskActions: string[];
  /** Reads the instance (and, for restarts, recent tasks). */
  inspect(): Promise<Inspection>;
  /** Sends the mutating call. Called at most once. */
  mutate(): Promise<unknown>;
  /** The lasting line when nothing had to be sent. */
  unchanged: string;
}

/**
 * Runs the course above and returns the outputs: live values and the task (all-`null` task fields when nothing
 * had to be sent). Ends with one lasting line: the task's summary, or `op.unchanged`.
 *
 * @example
 * ```ts
 * const outs = await runOperation(op, call);
 * ```
 */
export async function runOperation(op: Operation, call: ProviderCall): Promise<Record<string, unknown> & TaskOutputs> {
  let task: Task | null = null;
  const open = await findOpenTask(call.tasks, call.inputs.instanceId, op.taskActions);
  if (open !== null) {
    call.log.status(`resuming ${taskLabel(open)}, started before this run`);
    task = await waitForTask({ ...call.waitOptions(), taskId: open.taskId, ...(open.beginTime === null ? {} : { since: open.beginTime }) });
  }
  let state = await op.inspect();
  if (!state.satisfied) {
    const redact = createRedactor(knownSecrets(call.connection.credentials));
    const mutate = (): Promise<unknown> => op.mutate().catch((error: unknown) => Promise.reject(toKvstoreApiError(op.apiAction, error, 1, redact)));
    ({ task } = await mutateAndWait(mutate, { ...call.waitOptions(), taskAction: op.taskActions }));
    state = await op.inspect();
  } else {
    task ??= state.task;
  }
  call.log.info(task === null ? op.unchanged : summaryLine(task, call.elapsedMs()));
  return { ...state.live, ...taskOutputs(task) };
}
