/**
 * `alicloud-redis-waiter/pulumi`: Pulumi dynamic resources that block `pulumi up` until an Alibaba Cloud Redis
 * (R-KVStore) task has finished, with step progress on the resource's row.
 *
 * - {@link TaskWaiter} waits for a task another resource (e.g. `@pulumi/alicloud`'s `kvstore.Instance`) started.
 * - {@link InstanceSpec}, {@link InstanceParameters} and {@link InstanceRestart} make the change themselves and wait.
 *
 * Requires `@pulumi/pulumi` (an optional peer dependency of this package).
 *
 * @example
 * ```ts
 * import { InstanceSpec, TaskWaiter } from 'alicloud-redis-waiter/pulumi';
 * ```
 *
 * @packageDocumentation
 */
export { TaskWaiter, type TaskWaiterArgs } from './task-waiter';
export { InstanceSpec, type InstanceSpecArgs } from './instance-spec';
export { InstanceParameters, type InstanceParametersArgs } from './instance-parameters';
export { InstanceRestart, type InstanceRestartArgs } from './instance-restart';
export type { OperationArgs } from './operation-args';
export { type CommonArgs, TASK_OUTPUT_NAMES, TYPE_MODULE, typeToken } from './resource-props';
export type { TaskOutputs } from './task-outputs';
export { TaskResource } from './task-resource';
export { STACK_CONFIG_KEYS } from './stack-settings';
export { DEFAULT_RESTART_LOOKBACK_MS, DEFAULT_WAITER_LOOKBACK_MS } from './resource-inputs';
export { ResourcePartialFailureError } from './partial-failure';
export { type ProviderRuntime, providerRuntime } from './provider-runtime';
export type { ResourceKind, RuntimeLocation } from './serializable-provider';
