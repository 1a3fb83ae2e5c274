/**
 * DescribeInstanceAttribute: the instance's attributes, with InstanceStatus following its active task.
 */
import { requireParam } from '../params';
import type { EmulatorState, InstanceRecord } from '../state';
import type { ActionHandler } from './context';

/**
 * The wire form of an instance's attributes (Config as a JSON string, InstanceStatus now).
 *
 * @example
 * instanceAttributeView(state, state.instance('r-1')).InstanceStatus; // 'Normal'
 */
export function instanceAttributeView(state: EmulatorState, record: InstanceRecord): Record<string, unknown> {
  return { ...record.attrs, Config: JSON.stringify(record.attrs.Config), InstanceStatus: state.instanceStatus(record) };
}

/**
 * The DescribeInstanceAttribute handler.
 *
 * @example
 * describeInstanceAttribute({params: {InstanceId: 'r-1'}, state}).Instances;
 */
export const describeInstanceAttribute: ActionHandler = ({ params, state }) => {
  const record = state.instance(requireParam(params, 'InstanceId'));
  return { Instances: { DBInstanceAttribute: [instanceAttributeView(state, record)] } };
};
