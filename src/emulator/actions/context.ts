/**
 * What every action handler receives and returns.
 */
import type { Params } from '../params';
import type { EmulatorState } from '../state';

/**
 * Input of an action handler.
 *
 * @example
 * const ctx: ActionContext = {params: {InstanceId: 'r-bp1emu000000001'}, state};
 * describeInstanceAttribute(ctx).Instances;
 */
export interface ActionContext {
  params: Params;
  state: EmulatorState;
}

/**
 * An action handler: the response body without `RequestId` (the server adds it), or throws `ApiError`.
 *
 * @example
 * const flush: ActionHandler = ({params, state}) => {
 *   state.startMutation(state.instance(requireParam(params, 'InstanceId')), 'FlushInstance');
 *   return {};
 * };
 */
export type ActionHandler = (ctx: ActionContext) => Record<string, unknown>;
