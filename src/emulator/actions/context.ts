/**
 * What every action handler receives and returns.
 */
import type { Params } from '../params';
import type { EmulatorState } from '../state';

/** Input of an action handler. */
export interface ActionContext {
  params: Params;
  state: EmulatorState;
}

/** An action handler: the response body without `RequestId` (the server adds it), or throws `ApiError`. */
export type ActionHandler = (ctx: ActionContext) => Record<string, unknown>;
