/**
 * `InstanceSpec`: changes an instance's class with ModifyInstanceSpec and waits for the task.
 *
 * @packageDocumentation
 */
import * as pulumi from '@pulumi/pulumi';
import type { OperationArgs } from './operation-args';
import { TaskResource } from './task-resource';

/**
 * Arguments of {@link InstanceSpec}.
 *
 * @example
 * ```ts
 * const args: InstanceSpecArgs = { instanceId: 'r-bp1...', instanceClass: 'redis.master.large.default' };
 * ```
 */
export interface InstanceSpecArgs extends OperationArgs {
  /** The instance class to have, e.g. `redis.master.large.default`. */
  instanceClass: pulumi.Input<string>;
  /** `DOWNGRADE` for a smaller class; default: the API's `UPGRADE`. */
  orderType?: pulumi.Input<'UPGRADE' | 'DOWNGRADE'>;
}

/**
 * Sends ModifyInstanceSpec when the instance's class differs from `instanceClass`, then blocks the deployment
 * until the task completes, with step progress on the resource's row. The diff compares `instanceClass` with the
 * class last seen (live after `pulumi refresh`); nothing else triggers a change. Re-running after an interrupted
 * deployment resumes waiting on the running task and never sends a second ModifyInstanceSpec. Deleting the
 * resource leaves the instance as it is (it does not revert the class).
 *
 * @example
 * ```ts
 * import { InstanceSpec } from 'alicloud-redis-waiter/pulumi';
 *
 * const spec = new InstanceSpec('cache-class', {
 *   instanceId: 'r-bp1zxszhcgatnx****',
 *   instanceClass: 'redis.master.large.default',
 *   timeout: 45 * 60_000,
 * });
 * export const specTask = spec.taskId;
 * ```
 */
export class InstanceSpec extends TaskResource {
  /** The instance's class as last seen (live after a refresh). */
  declare readonly instanceClass: pulumi.Output<string>;

  constructor(name: string, args: InstanceSpecArgs, opts?: pulumi.CustomResourceOptions) {
    super('instanceSpec', 'InstanceSpec', name, args, opts);
  }
}
