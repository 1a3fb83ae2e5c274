// @ts-check
/**
 * An Alibaba Cloud Redis instance managed by @pulumi/alicloud's `kvstore.Instance`, with alicloud-redis-waiter's
 * `TaskWaiter` resources that block the deployment until the tasks the instance's changes started have finished.
 *
 * `kvstore.Instance` returns once the instance's status is back to Normal; the asynchronous task behind a class or
 * config change (DescribeTasks) may still be running, or may have failed. Each waiter `dependsOn` the instance and
 * takes the changed properties as `triggers`: when `instanceClass` changes, `cache-class-change` waits for the
 * newest ModifyDBInstanceClass task (newer than the one it recorded last time), shows its steps on its row in
 * `pulumi up`, and fails the deployment if the task ends closed or interrupted. Resources that must not start
 * before the change has finished (here the `app` component) depend on the waiter.
 *
 * The waiters are created together with a brand-new instance, which has no change task to wait for, so they
 * set `waitOnCreate: false`: create only records the newest finished task as the baseline, and every later
 * change of the triggers waits for a newer task. (Adding waiters to a stack whose instance is being changed in
 * the same run? Leave `waitOnCreate` at its default, `true`.)
 *
 * Written in JavaScript with `// @ts-check` so the repository's TypeScript build (which compiles `examples/`)
 * does not need @pulumi/alicloud; `npm run typecheck` here checks it against the real types.
 */
'use strict';
const pulumi = require('@pulumi/pulumi');
const alicloud = require('@pulumi/alicloud');
const { TaskWaiter } = require('alicloud-redis-waiter/pulumi');

const config = new pulumi.Config();

const redis = new alicloud.kvstore.Instance('cache', {
  dbInstanceName: 'cache',
  instanceType: 'Redis',
  engineVersion: '7.0',
  paymentType: 'PostPaid',
  instanceClass: config.get('instanceClass') ?? 'redis.master.small.default',
  zoneId: config.require('zoneId'),
  vswitchId: config.require('vswitchId'),
  password: config.requireSecret('redisPassword'),
  config: { 'maxmemory-policy': config.get('maxmemoryPolicy') ?? 'volatile-lru' },
});

/** Blocks until the class change (ModifyInstanceSpec) has finished; waits again whenever the class changes. */
const classChange = new TaskWaiter(
  'cache-class-change',
  {
    instanceId: redis.id,
    taskAction: 'ModifyDBInstanceClass',
    triggers: [redis.instanceClass],
    waitOnCreate: false,
    // customTimeouts never reach dynamic providers: this is the waiter's own deadline.
    timeout: 90 * 60_000,
  },
  { dependsOn: [redis] },
);

/** Blocks until a config change (ModifyInstanceConfig) has finished; waits again whenever the config changes. */
const configChange = new TaskWaiter(
  'cache-config-change',
  {
    instanceId: redis.id,
    taskAction: ['ModifyDBInstanceConfig', 'ModifyDBInstanceParameter'],
    triggers: [redis.config],
    waitOnCreate: false,
  },
  { dependsOn: [redis] },
);

/** Whatever must wait for the instance to be fully changed depends on the waiters. */
const app = new pulumi.ComponentResource('example:app:Service', 'app', {}, { dependsOn: [classChange, configChange] });

exports.instanceId = redis.id;
exports.connectionDomain = redis.connectionDomain;
exports.classTask = { id: classChange.taskId, status: classChange.status, finishTime: classChange.finishTime };
exports.configTask = configChange.taskId;
exports.app = app.urn;
