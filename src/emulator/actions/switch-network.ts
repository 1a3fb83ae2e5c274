/**
 * SwitchNetwork: moves the instance to a VPC (VpcId, VSwitchId) once its task completes. Answers TaskId.
 */
import { apiErrors } from '../errors';
import { requireParam } from '../params';
import type { ActionHandler } from './context';

/**
 * The SwitchNetwork handler (InstanceId, VpcId and VSwitchId required; TargetNetworkType `VPC` if given).
 *
 * @example
 * switchNetwork({params: {InstanceId: 'r-1', VpcId: 'vpc-1', VSwitchId: 'vsw-1'}, state}); // {TaskId: '32302001'}
 */
export const switchNetwork: ActionHandler = ({ params, state }) => {
  const record = state.instance(requireParam(params, 'InstanceId'));
  const vpcId = requireParam(params, 'VpcId');
  const vSwitchId = requireParam(params, 'VSwitchId');
  if (params.TargetNetworkType !== undefined && params.TargetNetworkType.toUpperCase() !== 'VPC') {
    throw apiErrors.invalid('TargetNetworkType', 'must be VPC');
  }
  const task = state.startMutation(record, 'SwitchNetwork', (attrs) => {
    attrs.NetworkType = 'VPC';
    attrs.VpcId = vpcId;
    attrs.VSwitchId = vSwitchId;
  });
  return { TaskId: task.taskId };
};
