/**
 * FlushInstance: a task with no attribute change. Answers only a RequestId.
 */
import { requireParam } from '../params';
import type { ActionHandler } from './context';

/**
 * The FlushInstance handler (InstanceId required).
 *
 * @example
 * flushInstance({params: {InstanceId: 'r-1'}, state}); // {}
 */
export const flushInstance: ActionHandler = ({ params, state }) => {
  state.startMutation(state.instance(requireParam(params, 'InstanceId')), 'FlushInstance');
  return {};
};
