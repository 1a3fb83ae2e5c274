/**
 * What `TaskWaiter` does in the provider process: wait for the newest matching task (create, update), and
 * re-read the recorded task (read / refresh).
 *
 * @packageDocumentation
 */
import { TaskStatus, isTerminalStatus } from '../core/task';
import { waitForTask } from '../core/wait-for-task';
import type { ProviderCall } from './provider-call';
import { summaryLine } from './progress-lines';
import { taskLabel } from '../core/progress-text';
import { type WaiterInputs, parseWaiterInputs } from './resource-inputs';
import type { ResourceHandler } from './resource-handler';
import { findNewestTask, readRecordedTask } from './task-lookup';
import { type TaskOutputs, recordedTask, taskOutputs } from './task-outputs';

type Props = Record<string, unknown>;

/** Whether previous outputs record a task that may still be running (pending, running or paused). */
function recordsOpenTask(olds: Props): boolean {
  return typeof olds['status'] === 'number' && !isTerminalStatus(olds['status'] as TaskStatus);
}

async function waitForMatchingTask(inputs: WaiterInputs, olds: Props, call: ProviderCall): Promise<TaskOutputs> {
  const recorded = recordedTask(olds);
  const base = {
    ...call.waitOptions(),
    since: inputs.since ?? new Date(Date.now() - inputs.lookback),
    select: 'newest' as const,
    ...(inputs.taskActions === null ? {} : { taskAction: inputs.taskActions }),
  };
  // A task recorded unfinished (an interrupted or timed-out run) is resumed; otherwise only a newer task counts.
  const options =
    recorded !== null && recordsOpenTask(olds)
      ? { ...base, taskId: recorded.taskId, since: new Date(recorded.beginTime) }
      : { ...base, ...(inputs.taskId === null ? {} : { taskId: inputs.taskId }), ...(recorded === null ? {} : { after: recorded }) };
  const task = await waitForTask(options);
  call.log.info(summaryLine(task, call.elapsedMs()));
  return taskOutputs(task);
}

/**
 * Create with `waitOnCreate: false`: no wait, only the newest finished matching task as the baseline that later
 * updates must see a newer task than (or no task at all).
 */
async function recordBaseline(inputs: WaiterInputs, call: ProviderCall): Promise<TaskOutputs> {
  const lookback = inputs.since === null ? inputs.lookback : Date.now() - inputs.since.getTime();
  const finished = [TaskStatus.Complete, TaskStatus.Closed, TaskStatus.Interrupted];
  const baseline = inputs.taskActions === null ? null : await findNewestTask(call.tasks, inputs.instanceId, inputs.taskActions, lookback, null, finished);
  call.log.info(baseline === null ? 'waitOnCreate is false: no task to record; later changes will wait' : `waitOnCreate is false: recorded ${taskLabel(baseline)} as the baseline`);
  return taskOutputs(baseline);
}

/**
 * The `TaskWaiter` handler.
 *
 * @example
 * ```ts
 * const outs = await waiterHandler.create(parseWaiterInputs(props).value, call);
 * ```
 */
export const waiterHandler: ResourceHandler<WaiterInputs> = {
  parse: parseWaiterInputs,
  create: (inputs, call) => (inputs.waitOnCreate ? waitForMatchingTask(inputs, {}, call) : recordBaseline(inputs, call)),
  update: (inputs, olds, call) => waitForMatchingTask(inputs, olds, call),
  read: async (inputs, olds, call) => {
    const task = await readRecordedTask(call.tasks, inputs.instanceId, olds);
    return task === null ? {} : taskOutputs(task);
  },
};
