/**
 * The shape of one resource kind's logic in the provider process. The runtime does the shared parts (input
 * validation, the call context, echoing inputs into outputs, partial failures); a handler only says what
 * create, update and read do for its kind, and returns the outputs it adds.
 *
 * @packageDocumentation
 */
import type { ProviderCall } from './provider-call';
import type { CommonInputs, Parsed } from './resource-inputs';

/**
 * One resource kind.
 *
 * @example
 * ```ts
 * const handler: ResourceHandler<SpecInputs> = { parse: parseSpecInputs, create, update, read };
 * ```
 */
export interface ResourceHandler<I extends CommonInputs> {
  /** Validates and defaults the inputs (also used by `check`). */
  parse(props: Record<string, unknown>): Parsed<I>;
  /** Does the work of a create; returns the outputs beyond the echoed inputs. */
  create(inputs: I, call: ProviderCall): Promise<Record<string, unknown>>;
  /** Does the work of an update; `olds` are the previous outputs. */
  update(inputs: I, olds: Record<string, unknown>, call: ProviderCall): Promise<Record<string, unknown>>;
  /** Reads live values for `pulumi refresh`; `olds` are the current outputs. */
  read(inputs: I, olds: Record<string, unknown>, call: ProviderCall): Promise<Record<string, unknown>>;
}
