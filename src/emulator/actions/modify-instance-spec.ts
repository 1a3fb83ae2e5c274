/**
 * ModifyInstanceSpec: changes the instance class once its task completes. Answers only an OrderId.
 */
import { applyInstanceClass } from '../instance';
import { requireParam } from '../params';
import type { ActionHandler } from './context';

/**
 * The ModifyInstanceSpec handler (InstanceId and InstanceClass required).
 *
 * @example
 * modifyInstanceSpec({params: {InstanceId: 'r-1', InstanceClass: 'redis.master.mid.default'}, state}); // {OrderId}
 */
export const modifyInstanceSpec: ActionHandler = ({ params, state }) => {
  const record = state.instance(requireParam(params, 'InstanceId'));
  const instanceClass = requireParam(params, 'InstanceClass');
  state.startMutation(record, 'ModifyInstanceSpec', (attrs) => applyInstanceClass(attrs, instanceClass));
  return { OrderId: state.newOrderId() };
};
