import { strict as assert } from 'node:assert';
import { startEmulator, TASK_ACTION_LABELS, type Emulator } from '../../src/emulator';
import { $Kvstore, callAction, describeTasks, minute, sdkClient } from './emulator-sdk';

const MIN = 60_000;

async function attrs(emu: Emulator, instanceId: string): Promise<any> {
  const res = await sdkClient(emu).describeInstanceAttribute(new $Kvstore.DescribeInstanceAttributeRequest({ instanceId }));
  return res.body!.instances!.DBInstanceAttribute![0];
}

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; statusCode: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; statusCode: number; message: string };
  }
  return assert.fail('expected an error');
}

describe('emulator actions (real SDK over HTTP)', () => {
  let emu: Emulator;
  let n = 0;
  /** A fresh instance per test, without history unless asked. */
  const fresh = (extra: Record<string, unknown> = {}): string => {
    const instanceId = `r-bp1act${String(++n).padStart(9, '0')}`;
    emu.control.addInstance({ instanceId, historyTasks: false, ...extra });
    return instanceId;
  };
  before(async () => {
    // timeScale 1 and control.advance(): tasks only move when a test moves them, whatever the machine's load.
    emu = await startEmulator({ timeScale: 1, seed: 3 });
  });
  after(() => emu.stop());

  it('ModifyInstanceSpec answers only an OrderId and starts a task that changes the class once complete', async () => {
    const id = fresh();
    const client = sdkClient(emu);
    const res = await client.modifyInstanceSpec(new $Kvstore.ModifyInstanceSpecRequest({ instanceId: id, instanceClass: 'redis.master.mid.default' }));
    assert.match(res.body!.orderId!, /^\d+$/);
    assert.deepEqual(Object.keys(res.body!.toMap()).sort(), ['OrderId', 'RequestId']);

    const running = (await describeTasks(client, id)).Items;
    assert.equal(running.length, 1);
    const task = running[0];
    assert.equal(task.TaskAction, TASK_ACTION_LABELS.ModifyInstanceSpec);
    assert.equal(task.Status, '1');
    assert.equal(task.StepProgressInfo, '1/4');
    assert.equal(task.CurrentStepName, 'init_instance');
    assert.equal(typeof task.Progress, 'number');
    assert.ok(task.Remain > 590 && task.Remain <= 600, `Remain ${task.Remain}`);
    assert.equal(task.FinishTime, undefined);
    const steps = JSON.parse(task.StepsInfo);
    assert.deepEqual(steps.map((s: any) => s.name), ['init_instance', 'create_instance', 'exec_task', 'init_config']);
    assert.ok(steps.every((s: any) => typeof s.remain === 'number' && typeof s.progress === 'number'));
    let a = await attrs(emu, id);
    assert.equal(a.instanceStatus, 'Changing');
    assert.equal(a.instanceClass, 'redis.master.small.default');

    emu.control.advance(5 * MIN);
    const mid = (await describeTasks(client, id)).Items[0];
    assert.equal(mid.Status, '1');
    assert.ok(mid.Progress > task.Progress && mid.Progress < 100);

    emu.control.advance(5 * MIN);
    const done = (await describeTasks(client, id)).Items[0];
    assert.equal(done.TaskId, task.TaskId);
    assert.equal(done.Status, '2');
    assert.equal(done.Progress, 100);
    assert.equal(done.StepProgressInfo, '4/4');
    assert.ok(!done.Remain);
    assert.match(done.FinishTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    a = await attrs(emu, id);
    assert.equal(a.instanceStatus, 'Normal');
    assert.equal(a.instanceClass, 'redis.master.mid.default');
    assert.equal(a.capacity, 2048);
  });

  it('refuses a second mutation while a task runs with Task.Conflict, or IncorrectDBInstanceState when configured', async () => {
    const id = fresh();
    const client = sdkClient(emu);
    await client.restartInstance(new $Kvstore.RestartInstanceRequest({ instanceId: id }));
    const conflict = await errorOf(client.flushInstance(new $Kvstore.FlushInstanceRequest({ instanceId: id })));
    assert.equal(conflict.code, 'Task.Conflict');
    assert.equal(conflict.statusCode, 400);
    emu.control.setConflictCode('IncorrectDBInstanceState');
    try {
      const state = await errorOf(client.flushInstance(new $Kvstore.FlushInstanceRequest({ instanceId: id })));
      assert.equal(state.code, 'IncorrectDBInstanceState');
    } finally {
      emu.control.setConflictCode('Task.Conflict');
    }
    emu.control.advance(90_000);
    await client.flushInstance(new $Kvstore.FlushInstanceRequest({ instanceId: id }));
    assert.equal((await attrs(emu, id)).instanceStatus, 'Flushing');
  });

  it('ModifyInstanceParameter answers a numeric TaskId equal to the DescribeTasks TaskId and merges parameters on completion', async () => {
    const id = fresh();
    const client = sdkClient(emu);
    const res = await client.modifyInstanceParameter(
      new $Kvstore.ModifyInstanceParameterRequest({ instanceId: id, parameters: JSON.stringify({ timeout: '300' }) }),
    );
    assert.equal(typeof res.body!.taskId, 'number');
    assert.equal(res.body!.instanceId, id);
    const item = (await describeTasks(client, id)).Items[0];
    assert.equal(item.TaskId, String(res.body!.taskId));
    assert.equal(item.TaskAction, 'ModifyDBInstanceParameter');
    assert.equal(JSON.parse((await attrs(emu, id)).config).timeout, '0');
    emu.control.advance(60_000);
    assert.equal(JSON.parse((await attrs(emu, id)).config).timeout, '300');
  });

  it('RestartInstance and SwitchNetwork answer a string TaskId that DescribeTasks reports; SwitchNetwork moves the instance to the VPC', async () => {
    const id = fresh({ networkType: 'CLASSIC' });
    const client = sdkClient(emu);
    const restart = await client.restartInstance(new $Kvstore.RestartInstanceRequest({ instanceId: id }));
    assert.equal(typeof restart.body!.taskId, 'string');
    assert.equal((await describeTasks(client, id)).Items[0].TaskId, restart.body!.taskId);
    emu.control.advance(90_000);
    const sw = await client.switchNetwork(new $Kvstore.SwitchNetworkRequest({ instanceId: id, vpcId: 'vpc-x1', vSwitchId: 'vsw-x1', targetNetworkType: 'VPC' }));
    const items = (await describeTasks(client, id)).Items;
    assert.equal(items[0].TaskId, sw.body!.taskId);
    assert.equal(items[0].TaskAction, 'SwitchDBInstanceNetType');
    let a = await attrs(emu, id);
    assert.equal(a.instanceStatus, 'NetworkModifying');
    assert.equal(a.networkType, 'CLASSIC');
    emu.control.advance(120_000);
    a = await attrs(emu, id);
    assert.deepEqual([a.instanceStatus, a.networkType, a.vpcId, a.vSwitchId], ['Normal', 'VPC', 'vpc-x1', 'vsw-x1']);
  });

  it('ModifyInstanceMajorVersion and ModifyInstanceConfig answer only a RequestId and apply on completion', async () => {
    const id = fresh();
    const client = sdkClient(emu);
    const major = await client.modifyInstanceMajorVersion(new $Kvstore.ModifyInstanceMajorVersionRequest({ instanceId: id, majorVersion: '6.0' }));
    assert.deepEqual(Object.keys(major.body!.toMap()), ['RequestId']);
    assert.equal((await attrs(emu, id)).instanceStatus, 'MajorVersionUpgrading');
    emu.control.advance(15 * MIN);
    assert.equal((await attrs(emu, id)).engineVersion, '6.0');
    const downgrade = await errorOf(client.modifyInstanceMajorVersion(new $Kvstore.ModifyInstanceMajorVersionRequest({ instanceId: id, majorVersion: '5.0' })));
    assert.equal(downgrade.code, 'InvalidParameter');

    const config = await client.modifyInstanceConfig(
      new $Kvstore.ModifyInstanceConfigRequest({ instanceId: id, config: JSON.stringify({ 'maxmemory-policy': 'allkeys-lru' }) }),
    );
    assert.deepEqual(Object.keys(config.body!.toMap()), ['RequestId']);
    emu.control.advance(MIN);
    assert.equal(JSON.parse((await attrs(emu, id)).config)['maxmemory-policy'], 'allkeys-lru');
    const bad = await errorOf(client.modifyInstanceConfig(new $Kvstore.ModifyInstanceConfigRequest({ instanceId: id, config: 'not json' })));
    assert.equal(bad.code, 'InvalidParameter');
  });

  it('validates DescribeTasks parameters as documented', async () => {
    const client = sdkClient(emu);
    const now = Date.now();
    const ok = { InstanceId: 'r-bp1emu000000001', StartTime: minute(now - 3_600_000), EndTime: minute(now), Status: '2' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ok, InstanceId: undefined }, 'MissingInstanceId'],
      [{ ...ok, StartTime: undefined }, 'MissingStartTime'],
      [{ ...ok, EndTime: undefined }, 'MissingEndTime'],
      [{ ...ok, Status: undefined }, 'MissingStatus'],
      [{ ...ok, StartTime: '2024-01-01T00:00:00Z' }, 'InvalidStartTime.Format'],
      [{ ...ok, EndTime: '2024-13-01T00:00Z' }, 'InvalidEndTime.Format'],
      [{ ...ok, PageSize: 40 }, 'InvalidParameter'],
      [{ ...ok, PageNumber: 0 }, 'InvalidParameter'],
      [{ ...ok, Status: '1,3' }, 'InvalidParameter'],
      [{ ...ok, EndTime: ok.StartTime }, 'InvalidParameter'],
      [{ ...ok, InstanceId: 'r-nosuch' }, 'InvalidInstanceId.NotFound'],
    ];
    for (const [params, code] of cases) {
      const err = await errorOf(callAction(client, 'DescribeTasks', params));
      assert.equal(err.code, code, JSON.stringify(params));
      assert.equal(err.statusCode, code === 'InvalidInstanceId.NotFound' ? 404 : 400);
    }
    for (const size of [30, 50, 100]) {
      assert.equal((await callAction(client, 'DescribeTasks', { ...ok, PageSize: size })).body.PageSize, size);
    }
    assert.equal((await callAction(client, 'DescribeTasks', ok)).body.PageSize, 30);
  });

  it('filters by status and BeginTime window, and seeds a stale finished task of the spec action', async () => {
    const client = sdkClient(emu);
    const id = 'r-bp1emu000000001';
    const lastHour = (await describeTasks(client, id)).Items;
    const stale = lastHour.filter((t: any) => t.TaskAction === TASK_ACTION_LABELS.ModifyInstanceSpec);
    assert.equal(stale.length, 1);
    assert.equal(stale[0].Status, '2');
    assert.ok(Date.parse(stale[0].BeginTime) < Date.now() - 19 * MIN);
    const threeDays = await describeTasks(client, id, {}, { backMs: 3 * 24 * 60 * MIN });
    assert.deepEqual(threeDays.Items.map((t: any) => t.Status).sort(), ['2', '2', '4', '8']);
    assert.equal((await describeTasks(client, id, { Status: '4,8' }, { backMs: 3 * 24 * 60 * MIN })).TotalRecordCount, 2);
    const tenMinutes = await describeTasks(client, id, {}, { backMs: 10 * MIN });
    assert.equal(tenMinutes.TotalRecordCount, 0);
  });

  it('pages through more than 300 tasks, newest first, without loss or duplicates', async () => {
    const id = fresh();
    const now = emu.control.serverTime();
    emu.control.addTasks(
      id,
      Array.from({ length: 321 }, (_, i) => ({ taskAction: 'RestartDBInstance', beginTime: now - (i + 2) * 5_000 })),
    );
    const client = sdkClient(emu);
    const seen: any[] = [];
    for (let pageNumber = 1; pageNumber <= 5; pageNumber++) {
      const body = await describeTasks(client, id, { PageSize: 100, PageNumber: pageNumber });
      assert.equal(body.TotalRecordCount, 321);
      assert.equal(body.PageNumber, pageNumber);
      assert.equal(body.Items.length, [100, 100, 100, 21, 0][pageNumber - 1]);
      seen.push(...body.Items);
    }
    assert.equal(new Set(seen.map((t) => t.TaskId)).size, 321);
    const begins = seen.map((t) => Date.parse(t.BeginTime));
    assert.ok(begins.every((b, i) => i === 0 || begins[i - 1] >= b), 'newest first');
  });

  it('DescribeTaskDetail and DescribeHistoryTasks report the task through the typed client', async () => {
    const id = fresh();
    const client = sdkClient(emu);
    const restart = await client.restartInstance(new $Kvstore.RestartInstanceRequest({ instanceId: id }));
    const detail = await client.describeTaskDetail(new $Kvstore.DescribeTaskDetailRequest({ instanceId: id, taskId: restart.body!.taskId }));
    assert.equal(detail.body!.status, '1');
    assert.match(detail.body!.beginTime!, /Z$/);
    const missing = await errorOf(client.describeTaskDetail(new $Kvstore.DescribeTaskDetailRequest({ instanceId: id, taskId: '1' })));
    assert.equal(missing.code, 'InvalidTaskId.NotFound');
    const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const history = await client.describeHistoryTasks(
      new $Kvstore.DescribeHistoryTasksRequest({ regionId: 'cn-hangzhou', instanceId: id, fromStartTime: iso(Date.now() - MIN), toStartTime: iso(Date.now() + MIN) }),
    );
    assert.equal(history.body!.totalCount, 1);
    assert.equal(history.body!.items![0].taskId, restart.body!.taskId);
    assert.equal(history.body!.items![0].taskType, 'RestartDBInstance');
    assert.equal(history.body!.items![0].status, 'Running');
    emu.control.advance(90_000);
    const after = await client.describeHistoryTasks(
      new $Kvstore.DescribeHistoryTasksRequest({ regionId: 'cn-hangzhou', instanceId: id, fromStartTime: iso(Date.now() - MIN), toStartTime: iso(Date.now() + MIN) }),
    );
    assert.equal(after.body!.items![0].status, 'Succeed');
  });
});
