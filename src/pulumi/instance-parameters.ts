/**
 * `InstanceParameters`: sets Redis parameters with ModifyInstanceConfig and waits for the task.
 *
 * @packageDocumentation
 */
import * as pulumi from '@pulumi/pulumi';
import type { OperationArgs } from './operation-args';
import { TaskResource } from './task-resource';

/**
 * Arguments of {@link InstanceParameters}.
 *
 * @example
 * ```ts
 * const args: InstanceParametersArgs = { instanceId: 'r-bp1...', parameters: { 'maxmemory-policy': 'allkeys-lru' } };
 * ```
 */
export interface InstanceParametersArgs extends OperationArgs {
  /** Parameter name to value. Numbers and booleans are sent as strings, as the API stores them. */
  parameters: pulumi.Input<Record<string, pulumi.Input<string | number | boolean>>>;
}

/**
 * Sends ModifyInstanceConfig with only the parameters whose live value differs, then blocks the deployment until
 * the task completes. `parameters` in the outputs holds the live values of the managed parameters (refreshed by
 * `pulumi refresh`). Removing a parameter from the map stops managing it; its value stays. Deleting the resource
 * leaves every parameter as it is.
 *
 * @example
 * ```ts
 * import { InstanceParameters } from 'alicloud-redis-waiter/pulumi';
 *
 * new InstanceParameters('cache-params', {
 *   instanceId: redis.id,
 *   parameters: { 'maxmemory-policy': 'allkeys-lru', 'timeout': 300 },
 * }, { dependsOn: [redis] });
 * ```
 */
export class InstanceParameters extends TaskResource {
  /** Live values of the managed parameters. */
  declare readonly parameters: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: InstanceParametersArgs, opts?: pulumi.CustomResourceOptions) {
    super('instanceParameters', 'InstanceParameters', name, args, opts);
  }
}
