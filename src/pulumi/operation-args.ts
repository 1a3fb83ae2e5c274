/**
 * Arguments and outputs the operation resources (`InstanceSpec`, `InstanceParameters`, `InstanceRestart`)
 * share.
 *
 * @packageDocumentation
 */
import type * as pulumi from '@pulumi/pulumi';
import type { CommonArgs } from './resource-props';

/**
 * Arguments of every operation resource.
 *
 * @example
 * ```ts
 * const args: OperationArgs = { instanceId: 'r-bp1...', taskAction: ['ModifyDBInstanceClass'] };
 * ```
 */
export interface OperationArgs extends CommonArgs {
  /**
   * TaskAction label(s) the mutation's task carries. Default: the package's known labels for the API call.
   * TaskAction is an internal Alibaba label: set this if your region reports another one.
   */
  taskAction?: pulumi.Input<string | pulumi.Input<string>[]>;
}
