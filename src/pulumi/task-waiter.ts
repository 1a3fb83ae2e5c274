/**
 * `TaskWaiter`: a resource that blocks the deployment until a task on a Redis instance has finished.
 *
 * @packageDocumentation
 */
import * as pulumi from '@pulumi/pulumi';
import type { CommonArgs } from './resource-props';
import { TaskResource } from './task-resource';

/**
 * Arguments of {@link TaskWaiter}. Give `taskAction` or `taskId` (or both).
 *
 * @example
 * ```ts
 * const args: TaskWaiterArgs = {
 *   instanceId: redis.id,
 *   taskAction: 'ModifyDBInstanceClass',
 *   triggers: [redis.instanceClass],
 * };
 * ```
 */
export interface TaskWaiterArgs extends CommonArgs {
  /** TaskAction label(s) to match, e.g. `ModifyDBInstanceClass`. */
  taskAction?: pulumi.Input<string | pulumi.Input<string>[]>;
  /** The exact TaskId to wait for. */
  taskId?: pulumi.Input<string>;
  /** Any values; when they change, the waiter waits again for a task newer than the one it recorded. */
  triggers?: pulumi.Input<pulumi.Input<unknown>[]>;
  /** How long ago (ms) a matching task may have begun. Default 60 min. Ignored when `since` is given. */
  lookback?: pulumi.Input<number>;
  /** ISO time: only tasks begun at or after it (minus clock-skew tolerance) match. */
  since?: pulumi.Input<string>;
  /**
   * Wait when the resource is created (default `true`). Set `false` when the waiter is created together with a
   * brand-new instance, which has no change task to wait for: create then only records the newest finished
   * matching task (within `lookback`) as the baseline and returns at once; later `triggers` changes wait as usual.
   */
  waitOnCreate?: pulumi.Input<boolean>;
}

/**
 * Waits, on create and whenever `triggers` change, for the newest task on `instanceId` that matches `taskAction`
 * and/or `taskId` and is newer than the task recorded last time (within `lookback`, or after `since`). A task
 * that has finished already counts: the waiter returns at once. A task that ends closed (4) or interrupted (8)
 * fails the deployment with the task's id, action and last step. Progress shows on the resource's row in
 * `pulumi up`. Deleting the waiter does nothing to the instance.
 *
 * @example
 * ```ts
 * import * as alicloud from '@pulumi/alicloud';
 * import { TaskWaiter } from 'alicloud-redis-waiter/pulumi';
 *
 * const redis = new alicloud.kvstore.Instance('cache', { instanceClass: 'redis.master.large.default', ... });
 * const waited = new TaskWaiter('cache-spec-change', {
 *   instanceId: redis.id,
 *   taskAction: 'ModifyDBInstanceClass',
 *   triggers: [redis.instanceClass],
 * }, { dependsOn: [redis] });
 * export const specTask = waited.taskId;
 * ```
 */
export class TaskWaiter extends TaskResource {
  constructor(name: string, args: TaskWaiterArgs, opts?: pulumi.CustomResourceOptions) {
    super('taskWaiter', 'TaskWaiter', name, args, opts);
  }
}
