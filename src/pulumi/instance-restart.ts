/**
 * `InstanceRestart`: restarts an instance with RestartInstance and waits for the task.
 *
 * @packageDocumentation
 */
import * as pulumi from '@pulumi/pulumi';
import type { OperationArgs } from './operation-args';
import { TaskResource } from './task-resource';

/**
 * Arguments of {@link InstanceRestart}.
 *
 * @example
 * ```ts
 * const args: InstanceRestartArgs = { instanceId: 'r-bp1...', triggers: [configVersion] };
 * ```
 */
export interface InstanceRestartArgs extends OperationArgs {
  /** Any values; when they change, the instance restarts again. */
  triggers?: pulumi.Input<pulumi.Input<unknown>[]>;
  /** Upgrade the minor version during the restart. Default `false`. */
  upgradeMinorVersion?: pulumi.Input<boolean>;
  /**
   * How recent (ms) a RestartInstance task must be to count as the one this resource asked for, when a
   * re-run follows an interrupted deployment. Default 10 min.
   */
  lookback?: pulumi.Input<number>;
}

/**
 * Restarts the instance on create and whenever `triggers` change, and blocks the deployment until the restart
 * task completes. After an interrupted deployment the re-run resumes the running restart (or accepts one that
 * finished within `lookback` and is newer than the one recorded) instead of restarting twice. Deleting the
 * resource does nothing to the instance.
 *
 * @example
 * ```ts
 * import { InstanceParameters, InstanceRestart } from 'alicloud-redis-waiter/pulumi';
 *
 * const params = new InstanceParameters('cache-params', { instanceId, parameters: { 'appendonly': 'yes' } });
 * new InstanceRestart('cache-restart', { instanceId, triggers: [params.parameters] }, { dependsOn: [params] });
 * ```
 */
export class InstanceRestart extends TaskResource {
  constructor(name: string, args: InstanceRestartArgs, opts?: pulumi.CustomResourceOptions) {
    super('instanceRestart', 'InstanceRestart', name, args, opts);
  }
}
