/**
 * alicloud-redis-waiter: wait for Alibaba Cloud Redis (R-KVStore / Tair) tasks to finish.
 *
 * After a mutating call (ModifyInstanceSpec, RestartInstance, ...) only *starts* an asynchronous task,
 * {@link waitForTask} finds that task through DescribeTasks and blocks until it completes (Status 2), or fails
 * fast with a typed error on Closed (4) or Interrupted (8).
 *
 * The Pulumi resources live in `alicloud-redis-waiter/pulumi`, the local API emulator in
 * `alicloud-redis-waiter/emulator`. This entry never loads `@pulumi/pulumi`.
 *
 * @example
 * ```ts
 * import { createSdkClient, createTasksClient, mutateAndWait } from 'alicloud-redis-waiter';
 * import { ModifyInstanceSpecRequest } from '@alicloud/r-kvstore20150101';
 *
 * const sdk = createSdkClient({ regionId: 'cn-hangzhou' });
 * const { task } = await mutateAndWait(
 *   () => sdk.modifyInstanceSpec(new ModifyInstanceSpecRequest({ instanceId: 'r-bp1...', instanceClass: 'redis.master.mid.default' })),
 *   { instanceId: 'r-bp1...', apiAction: 'ModifyInstanceSpec', client: createTasksClient({ sdkClient: sdk }) },
 * );
 * ```
 *
 * @packageDocumentation
 */
export * from './core';
export * from './client';
