/**
 * RestartInstance: a task with no attribute change. Answers InstanceId and TaskId (string).
 */
import { apiErrors } from '../errors';
import { requireParam } from '../params';
import type { ActionHandler } from './context';

/**
 * The RestartInstance handler (InstanceId required; EffectiveTime `Immediately` or `MaintainTime`).
 *
 * @example
 * restartInstance({params: {InstanceId: 'r-1'}, state}); // {InstanceId: 'r-1', TaskId: '32302001'}
 */
export const restartInstance: ActionHandler = ({ params, state }) => {
  const record = state.instance(requireParam(params, 'InstanceId'));
  const effective = params.EffectiveTime;
  if (effective !== undefined && effective !== 'Immediately' && effective !== 'MaintainTime') {
    throw apiErrors.invalid('EffectiveTime', 'must be Immediately or MaintainTime');
  }
  const task = state.startMutation(record, 'RestartInstance');
  return { InstanceId: record.attrs.InstanceId, TaskId: task.taskId };
};
