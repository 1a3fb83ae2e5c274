/**
 * `InstanceRestart`: restarts an instance with RestartInstance and waits for the task.
 *
 * @packageDocumentation
 */
import * as pulumi from '@pulumi/pulumi';
import type { OperationArgs } from './operation-args';
import { TASK_OUTPUT_NAMES, TYPE_MODULE, resourceProps, runtimeLocation } from './resource-props';
import { createSerializableProvider } from './serializable-provider';
import type { StepOutput } from './task-outputs';

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
export class InstanceRestart extends pulumi.dynamic.Resource {
  /** The TaskId of the last restart. */
  declare readonly taskId: pulumi.Output<string | null>;
  declare readonly taskAction: pulumi.Output<string | null>;
  declare readonly status: pulumi.Output<number | null>;
  declare readonly progress: pulumi.Output<number | null>;
  declare readonly beginTime: pulumi.Output<string | null>;
  declare readonly finishTime: pulumi.Output<string | null>;
  declare readonly steps: pulumi.Output<StepOutput[]>;

  constructor(name: string, args: InstanceRestartArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      createSerializableProvider('instanceRestart', runtimeLocation()),
      name,
      resourceProps(name, 'InstanceRestart', args, TASK_OUTPUT_NAMES, opts),
      opts,
      TYPE_MODULE,
      'InstanceRestart',
    );
  }
}
