/**
 * ModifyInstanceParameter: merges the `Parameters` JSON once its task completes. Answers InstanceId and a
 * numeric TaskId (the SDK model types it as a number), equal to the DescribeTasks TaskId.
 */
import { jsonObjectParam, requireParam } from '../params';
import type { ActionHandler } from './context';

/**
 * The ModifyInstanceParameter handler (InstanceId and Parameters required; ParameterGroupId accepted and ignored).
 *
 * @example
 * modifyInstanceParameter({params: {InstanceId: 'r-1', Parameters: '{"timeout":"300"}'}, state}); // {InstanceId, TaskId: 32302001}
 */
export const modifyInstanceParameter: ActionHandler = ({ params, state }) => {
  const record = state.instance(requireParam(params, 'InstanceId'));
  const parameters = jsonObjectParam(requireParam(params, 'Parameters'), 'Parameters');
  const task = state.startMutation(record, 'ModifyInstanceParameter', (attrs) => Object.assign(attrs.Config, parameters));
  return { InstanceId: record.attrs.InstanceId, TaskId: Number(task.taskId) };
};
