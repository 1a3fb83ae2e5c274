/**
 * The resources through the real `@pulumi/pulumi` dynamic provider host, over gRPC, with the provider serialized
 * exactly as the SDK serializes it, against the emulator through the real SDK, and a fake engine that records
 * the Log calls.
 */
import * as assert from 'node:assert/strict';
import { ModifyInstanceSpecRequest } from '@alicloud/r-kvstore20150101';
import { createSdkClient } from '../../src/client/connection';
import { InstanceParameters, InstanceRestart, InstanceSpec, TaskWaiter } from '../../src/pulumi';
import { TaskStatus } from '../../src/core/task';
import { captureRegistration, type Registration } from './support/capture-registration';
import type { HostCallError } from './support/provider-host';
import { type ProviderWorld, newInstance, startProviderWorld, taskFinished } from './support/provider-fixture';
import { providerPb } from './support/pulumi-rpc';

const { DIFF_NONE, DIFF_SOME } = providerPb.DiffResponse.DiffChanges;
const SPEC_LABEL = 'ModifyDBInstanceClass';

describe('pulumi resources in the real dynamic provider host', function () {
  this.timeout(60_000);
  let world: ProviderWorld;
  /** Every provider text, output and error seen, for the secret scan at the end. */
  const seen: string[] = [];
  const remember = <T>(value: T): T => {
    seen.push(JSON.stringify(value));
    return value;
  };
  const endpoint = (): string => world.emulator.url;
  const counts = (): Record<string, number> => world.emulator.control.requestCounts();
  const count = (action: string): number => counts()[action] ?? 0;

  async function capture(construct: (name: string) => import('@pulumi/pulumi').CustomResource, name: string): Promise<Registration> {
    const registration = await captureRegistration(construct, name);
    seen.push(String(registration.inputs['__provider']));
    return registration;
  }

  async function expectHostError(promise: Promise<unknown>): Promise<HostCallError> {
    const error = await promise.then(
      () => assert.fail('expected the call to fail'),
      (e: HostCallError) => e,
    );
    remember({ details: error.details, initFailed: error.initFailed });
    return error;
  }

  before(async () => {
    world = await startProviderWorld();
  });
  after(async () => {
    await world?.stop();
  });

  it('answers getPluginInfo with the SDK version', async () => {
    assert.match(await world.host.getPluginInfo(), /^3\.\d+\.\d+/);
  });

  describe('check', () => {
    it('accepts valid inputs and returns them unchanged', async () => {
      const reg = await capture((n) => new TaskWaiter(n, { instanceId: 'r-1', taskAction: SPEC_LABEL, endpoint: endpoint() }), 'check-ok');
      const result = await world.host.check(reg.urn, {}, reg.inputs);
      assert.deepEqual(result.failures, []);
      assert.equal(result.inputs['taskAction'], SPEC_LABEL);
      assert.equal(result.inputs['__provider'], reg.inputs['__provider']);
    });

    it('reports every bad input with the property to fix, before any API call', async () => {
      const before = counts();
      const reg = await capture(
        (n) => new TaskWaiter(n, { instanceId: ' ', timeout: -5, lookback: 0, failOnPaused: 'yes' as never, endpoint: endpoint() }),
        'check-bad',
      );
      const { failures } = await world.host.check(reg.urn, {}, reg.inputs);
      assert.deepEqual(failures.map((f) => f.property).sort(), ['failOnPaused', 'instanceId', 'lookback', 'taskAction', 'timeout']);
      assert.ok(failures.every((f) => f.reason.length > 10));
      assert.deepEqual(counts(), before);
    });

    it('rejects a malformed endpoint and a malformed parameters map', async () => {
      const reg = await capture(
        (n) => new InstanceParameters(n, { instanceId: 'r-1', parameters: {}, endpoint: 'ftp://example.com/x' }),
        'check-endpoint',
      );
      const { failures } = await world.host.check(reg.urn, {}, reg.inputs);
      assert.deepEqual(failures.map((f) => f.property).sort(), ['endpoint', 'parameters']);
    });
  });

  describe('TaskWaiter', () => {
    it('waits for a running task, shows ephemeral progress with its URN, and ends with one summary line', async () => {
      const instanceId = newInstance(world.emulator);
      const running = world.emulator.control.addTask(instanceId, { taskAction: SPEC_LABEL });
      const reg = await capture((n) => new TaskWaiter(n, { instanceId, taskAction: SPEC_LABEL, endpoint: endpoint(), triggers: ['a'] }), 'wait-running');
      const { id, properties } = remember(await world.host.create(reg.urn, reg.inputs));

      assert.equal(id, instanceId);
      assert.equal(properties['taskId'], running.TaskId);
      assert.equal(properties['taskAction'], SPEC_LABEL);
      assert.equal(properties['status'], TaskStatus.Complete);
      assert.equal(properties['progress'], 100);
      assert.ok(Array.isArray(properties['steps']) && (properties['steps'] as unknown[]).length > 0);
      assert.ok(typeof properties['beginTime'] === 'string' && typeof properties['finishTime'] === 'string');
      assert.deepEqual(properties['triggers'], ['a']);
      assert.equal(properties['__provider'], reg.inputs['__provider']);

      const logs = remember(world.engine.logsFor(reg.urn));
      const status = logs.filter((l) => l.ephemeral);
      const lasting = logs.filter((l) => !l.ephemeral);
      assert.ok(status.some((l) => l.message.includes(`task ${running.TaskId} (${SPEC_LABEL})`) && /step \w+/.test(l.message)), JSON.stringify(logs));
      assert.equal(lasting.length, 1, JSON.stringify(lasting));
      assert.match(lasting[0]?.message ?? '', new RegExp(`^task ${running.TaskId} \\(${SPEC_LABEL}\\) complete in \\d+s$`));
    });

    it('returns at once with a task that finished before the wait, within lookback', async () => {
      const instanceId = newInstance(world.emulator);
      const finished = world.emulator.control.addTask(instanceId, { taskAction: SPEC_LABEL, beginTime: world.emulator.control.serverTime() - 30 * 60_000 });
      const reg = await capture((n) => new TaskWaiter(n, { instanceId, taskAction: SPEC_LABEL, endpoint: endpoint() }), 'wait-finished');
      const { properties } = remember(await world.host.create(reg.urn, reg.inputs));
      assert.equal(properties['taskId'], finished.TaskId);
      assert.equal(properties['status'], TaskStatus.Complete);
    });

    it('with waitOnCreate false, create records the newest finished task without waiting, or nothing on a new instance', async () => {
      const fresh = newInstance(world.emulator);
      const none = await capture((n) => new TaskWaiter(n, { instanceId: fresh, taskAction: SPEC_LABEL, waitOnCreate: false, notFoundGrace: 3_600_000, endpoint: endpoint() }), 'wait-none');
      const empty = remember(await world.host.create(none.urn, none.inputs));
      assert.equal(empty.properties['taskId'], null);

      const instanceId = newInstance(world.emulator);
      const older = world.emulator.control.addTask(instanceId, { taskAction: SPEC_LABEL, beginTime: world.emulator.control.serverTime() - 30 * 60_000 });
      world.emulator.control.addTask(instanceId, { taskAction: SPEC_LABEL, outcome: 'complete', pendingMs: 3_600_000 });
      const reg = await capture((n) => new TaskWaiter(n, { instanceId, taskAction: SPEC_LABEL, waitOnCreate: false, endpoint: endpoint() }), 'wait-baseline');
      const { properties } = remember(await world.host.create(reg.urn, reg.inputs));
      assert.equal(properties['taskId'], older.TaskId);
      assert.equal(properties['status'], TaskStatus.Complete);
    });

    it('diffs only on triggers and matching inputs; a new instance id replaces', async () => {
      const reg = await capture((n) => new TaskWaiter(n, { instanceId: 'r-1', taskAction: SPEC_LABEL, triggers: ['a'] }), 'wait-diff');
      const olds = { ...reg.inputs, taskId: '1', taskAction: SPEC_LABEL, status: TaskStatus.Complete, beginTime: '2024-05-01T10:00:00.000Z' };
      const same = await world.host.diff(reg.urn, 'r-1', olds, { ...reg.inputs, timeout: 5_000, endpoint: 'http://127.0.0.1:1', resourceUrn: `${reg.urn}-moved` });
      assert.equal(same.changes, DIFF_NONE);
      const triggered = await world.host.diff(reg.urn, 'r-1', olds, { ...reg.inputs, triggers: ['b'] });
      assert.deepEqual([triggered.changes, triggered.replaces], [DIFF_SOME, []]);
      const otherAction = await world.host.diff(reg.urn, 'r-1', { ...olds, taskAction: SPEC_LABEL }, { ...reg.inputs, taskAction: ['RestartDBInstance'] });
      assert.equal(otherAction.changes, DIFF_SOME);
      const widened = await world.host.diff(reg.urn, 'r-1', { ...olds, taskAction: SPEC_LABEL }, { ...reg.inputs, taskAction: [SPEC_LABEL, 'ModifyInstanceSpec'] });
      assert.equal(widened.changes, DIFF_NONE);
      const moved = await world.host.diff(reg.urn, 'r-1', olds, { ...reg.inputs, instanceId: 'r-2' });
      assert.deepEqual([moved.changes, moved.replaces], [DIFF_SOME, ['instanceId']]);
      const unfinished = await world.host.diff(reg.urn, 'r-1', { ...olds, status: TaskStatus.Running }, reg.inputs);
      assert.equal(unfinished.changes, DIFF_SOME);
    });

    it('on update waits for a task newer than the recorded one', async () => {
      const instanceId = newInstance(world.emulator);
      const first = world.emulator.control.addTask(instanceId, { taskAction: SPEC_LABEL, beginTime: world.emulator.control.serverTime() - 10 * 60_000 });
      const reg = await capture((n) => new TaskWaiter(n, { instanceId, taskAction: SPEC_LABEL, endpoint: endpoint(), triggers: [1] }), 'wait-update');
      const created = remember(await world.host.create(reg.urn, reg.inputs));
      assert.equal(created.properties['taskId'], first.TaskId);

      const second = world.emulator.control.addTask(instanceId, { taskAction: SPEC_LABEL });
      const news = { ...reg.inputs, triggers: [2] };
      const { properties } = remember(await world.host.update(reg.urn, created.id, created.properties, news));
      assert.equal(properties['taskId'], second.TaskId);
      assert.equal(properties['status'], TaskStatus.Complete);
      assert.deepEqual(properties['triggers'], [2]);
    });

    it('fails the create when the task is closed, naming the task, its action and its last step, and records it', async () => {
      const instanceId = newInstance(world.emulator);
      const closed = world.emulator.control.addTask(instanceId, { taskAction: SPEC_LABEL, outcome: 'closed', atStep: 1 });
      const reg = await capture((n) => new TaskWaiter(n, { instanceId, taskAction: SPEC_LABEL, endpoint: endpoint() }), 'wait-closed');
      const error = await expectHostError(world.host.create(reg.urn, reg.inputs));
      assert.ok(error.details.includes(closed.TaskId) && error.details.includes(SPEC_LABEL), error.details);
      assert.match(error.details, /closed/i);
      assert.match(error.details, /create_instance/);
      assert.equal(error.initFailed?.id, instanceId);
      assert.equal(error.initFailed?.properties['taskId'], closed.TaskId);
      assert.equal(error.initFailed?.properties['status'], TaskStatus.Closed);
    });

    it('read reports the recorded task as it is now; delete leaves everything alone', async () => {
      const instanceId = newInstance(world.emulator);
      const task = world.emulator.control.addTask(instanceId, { taskAction: SPEC_LABEL });
      const reg = await capture((n) => new TaskWaiter(n, { instanceId, taskAction: SPEC_LABEL, endpoint: endpoint() }), 'wait-read');
      const stale = { ...reg.inputs, taskId: task.TaskId, taskAction: SPEC_LABEL, status: TaskStatus.Running, beginTime: new Date(Date.parse(task.BeginTime)).toISOString() };
      await taskFinished(world.emulator, instanceId, task.TaskId);
      const read = remember(await world.host.read(reg.urn, instanceId, stale));
      assert.equal(read.id, instanceId);
      assert.equal(read.properties['status'], TaskStatus.Complete);

      const before = counts();
      await world.host.delete(reg.urn, instanceId, read.properties);
      assert.deepEqual(counts(), before);
    });

    it('falls back to plain output on the provider process when no URN is known', async () => {
      const instanceId = newInstance(world.emulator);
      const task = world.emulator.control.addTask(instanceId, { taskAction: SPEC_LABEL, beginTime: world.emulator.control.serverTime() - 60_000 });
      const reg = await capture((n) => new TaskWaiter(n, { instanceId, taskAction: SPEC_LABEL, endpoint: endpoint() }), 'wait-no-urn');
      const { resourceUrn: _urn, ...withoutUrn } = reg.inputs;
      const logsBefore = world.engine.logs.length;
      remember(await world.host.create(reg.urn, withoutUrn));
      assert.equal(world.engine.logs.length, logsBefore);
      assert.match(world.host.output(), new RegExp(`task ${task.TaskId} \\(${SPEC_LABEL}\\) complete in`));
    });
  });

  describe('InstanceSpec', () => {
    it('sends ModifyInstanceSpec once, waits, outputs the live class; an unchanged re-create sends nothing', async () => {
      const instanceId = newInstance(world.emulator);
      const reg = await capture((n) => new InstanceSpec(n, { instanceId, instanceClass: 'redis.master.large.default', endpoint: endpoint() }), 'spec');
      const sent = count('ModifyInstanceSpec');
      const { id, properties } = remember(await world.host.create(reg.urn, reg.inputs));
      assert.equal(id, instanceId);
      assert.equal(count('ModifyInstanceSpec'), sent + 1);
      assert.equal(properties['instanceClass'], 'redis.master.large.default');
      assert.equal(properties['taskAction'], SPEC_LABEL);
      assert.equal(properties['status'], TaskStatus.Complete);
      assert.equal(world.emulator.control.getInstance(instanceId)['InstanceClass'], 'redis.master.large.default');
      const summary = world.engine.logsFor(reg.urn).filter((l) => !l.ephemeral);
      assert.equal(summary.length, 1);
      assert.match(summary[0]?.message ?? '', new RegExp(`^task ${String(properties['taskId'])} \\(${SPEC_LABEL}\\) complete in`));

      const again = remember(await world.host.create(reg.urn, reg.inputs));
      assert.equal(count('ModifyInstanceSpec'), sent + 1);
      assert.equal(again.properties['taskId'], null);
      assert.equal(again.properties['instanceClass'], 'redis.master.large.default');
    });

    it('diffs the wanted class against the class last seen; update changes it; read reports the live class', async () => {
      const instanceId = newInstance(world.emulator);
      const reg = await capture((n) => new InstanceSpec(n, { instanceId, instanceClass: 'redis.master.small.default', endpoint: endpoint() }), 'spec-update');
      const created = remember(await world.host.create(reg.urn, reg.inputs));
      assert.equal(created.properties['taskId'], null, 'already at the wanted class');

      const news = { ...reg.inputs, instanceClass: 'redis.master.mid.default' };
      assert.equal((await world.host.diff(reg.urn, instanceId, created.properties, news)).changes, DIFF_SOME);
      assert.equal((await world.host.diff(reg.urn, instanceId, created.properties, { ...reg.inputs, timeout: 1_000 })).changes, DIFF_NONE);
      const updated = remember(await world.host.update(reg.urn, instanceId, created.properties, news));
      assert.equal(updated.properties['instanceClass'], 'redis.master.mid.default');
      assert.equal(updated.properties['status'], TaskStatus.Complete);

      // Someone changes the class behind Pulumi's back: refresh sees it, and the next diff wants it back.
      const sdk = createSdkClient({ endpoint: world.emulator.endpoint, credentials: { accessKeyId: world.emulator.accessKeyId, accessKeySecret: world.emulator.accessKeySecret } });
      await sdk.modifyInstanceSpec(new ModifyInstanceSpecRequest({ instanceId, instanceClass: 'redis.master.large.default' }));
      const outOfBand = world.emulator.control.listTasks(instanceId)[0];
      await taskFinished(world.emulator, instanceId, outOfBand?.TaskId ?? '');
      const read = remember(await world.host.read(reg.urn, instanceId, updated.properties));
      assert.equal(read.properties['instanceClass'], 'redis.master.large.default');
      assert.equal((await world.host.diff(reg.urn, instanceId, read.properties, news)).changes, DIFF_SOME);
    });
  });

  describe('InstanceParameters', () => {
    it('sends only the parameters that differ and outputs their live values', async () => {
      const instanceId = newInstance(world.emulator, { 'maxmemory-policy': 'volatile-lru', timeout: '0' });
      const reg = await capture(
        (n) => new InstanceParameters(n, { instanceId, parameters: { 'maxmemory-policy': 'allkeys-lru', timeout: 0 }, endpoint: endpoint() }),
        'params',
      );
      const sent = count('ModifyInstanceConfig');
      const { properties } = remember(await world.host.create(reg.urn, reg.inputs));
      assert.equal(count('ModifyInstanceConfig'), sent + 1);
      assert.deepEqual(properties['parameters'], { 'maxmemory-policy': 'allkeys-lru', timeout: '0' });
      assert.equal(properties['status'], TaskStatus.Complete);
      const config = JSON.parse(String(world.emulator.control.getInstance(instanceId)['Config'])) as Record<string, string>;
      assert.equal(config['maxmemory-policy'], 'allkeys-lru');

      assert.equal((await world.host.diff(reg.urn, instanceId, properties, reg.inputs)).changes, DIFF_NONE);
      const news = { ...reg.inputs, parameters: { 'maxmemory-policy': 'allkeys-lru', timeout: 300 } };
      assert.equal((await world.host.diff(reg.urn, instanceId, properties, news)).changes, DIFF_SOME);
      const updated = remember(await world.host.update(reg.urn, instanceId, properties, news));
      assert.deepEqual(updated.properties['parameters'], { 'maxmemory-policy': 'allkeys-lru', timeout: '300' });
      assert.equal(count('ModifyInstanceConfig'), sent + 2);
    });
  });

  describe('InstanceRestart', () => {

    it('restarts on create and again only when triggers change', async () => {
      const instanceId = newInstance(world.emulator);
      const reg = await capture((n) => new InstanceRestart(n, { instanceId, triggers: ['v1'], endpoint: endpoint() }), 'restart');
      const sent = count('RestartInstance');
      const created = remember(await world.host.create(reg.urn, reg.inputs));
      assert.equal(count('RestartInstance'), sent + 1);
      assert.equal(created.properties['taskAction'], 'RestartDBInstance');
      assert.equal(created.properties['status'], TaskStatus.Complete);

      assert.equal((await world.host.diff(reg.urn, instanceId, created.properties, reg.inputs)).changes, DIFF_NONE);
      const news = { ...reg.inputs, triggers: ['v2'] };
      assert.equal((await world.host.diff(reg.urn, instanceId, created.properties, news)).changes, DIFF_SOME);
      const updated = remember(await world.host.update(reg.urn, instanceId, created.properties, news));
      assert.equal(count('RestartInstance'), sent + 2);
      assert.notEqual(updated.properties['taskId'], created.properties['taskId']);
    });

    it('fails the update with a clear message when the restart is interrupted', async () => {
      const instanceId = newInstance(world.emulator);
      world.emulator.control.scriptNext(instanceId, { outcome: 'interrupted', atStep: 1 });
      const reg = await capture((n) => new InstanceRestart(n, { instanceId, endpoint: endpoint() }), 'restart-interrupted');
      const error = await expectHostError(world.host.create(reg.urn, reg.inputs));
      assert.match(error.details, /RestartDBInstance/);
      assert.match(error.details, /interrupted/i);
      assert.equal(error.initFailed?.properties['status'], TaskStatus.Interrupted);
    });
  });

  describe('secrets', () => {
    it('never puts the secret in the serialized provider, outputs, errors, engine logs or provider output', () => {
      const secret = world.emulator.accessKeySecret;
      assert.ok(seen.length > 20, 'the scan covers what the tests above saw');
      const haystacks = [...seen, JSON.stringify(world.engine.logs), world.host.output()];
      for (const text of haystacks) assert.ok(!text.includes(secret), `secret found in: ${text.slice(0, 200)}`);
      assert.ok(seen.some((t) => t.includes('providerRuntime')), 'the serialized providers were scanned');
    });
  });
});
