/**
 * ModifyInstanceConfig: merges the `Config` JSON of Redis parameters once its task completes. Answers only a
 * RequestId.
 */
import { jsonObjectParam, requireParam } from '../params';
import type { ActionHandler } from './context';

/**
 * The ModifyInstanceConfig handler (InstanceId and Config required).
 *
 * @example
 * modifyInstanceConfig({params: {InstanceId: 'r-1', Config: '{"maxmemory-policy":"allkeys-lru"}'}, state}); // {}
 */
export const modifyInstanceConfig: ActionHandler = ({ params, state }) => {
  const record = state.instance(requireParam(params, 'InstanceId'));
  const config = jsonObjectParam(requireParam(params, 'Config'), 'Config');
  state.startMutation(record, 'ModifyInstanceConfig', (attrs) => Object.assign(attrs.Config, config));
  return {};
};
