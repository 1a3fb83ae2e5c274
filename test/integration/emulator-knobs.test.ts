import { strict as assert } from 'node:assert';
import { ServerError, ThrottlingError } from '@alicloud/openapi-core';
import { startEmulator, type Emulator, type FaultConfig } from '../../src/emulator';
import { $Kvstore, describeTasks, minute, callAction, sdkClient } from './emulator-sdk';

const MIN = 60_000;

async function caught(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return assert.fail('expected an error');
}

describe('emulator realism knobs (real SDK over HTTP)', () => {
  let emu: Emulator;
  let n = 0;
  const fresh = (): string => {
    const instanceId = `r-bp1knob${String(++n).padStart(8, '0')}`;
    emu.control.addInstance({ instanceId, historyTasks: false });
    return instanceId;
  };
  const restart = (id: string) => sdkClient(emu).restartInstance(new $Kvstore.RestartInstanceRequest({ instanceId: id }));
  const latest = async (id: string) => (await describeTasks(sdkClient(emu), id)).Items[0];
  const status = async (id: string) =>
    (await sdkClient(emu).describeInstanceAttribute(new $Kvstore.DescribeInstanceAttributeRequest({ instanceId: id }))).body!.instances!
      .DBInstanceAttribute![0];

  before(async () => {
    // timeScale 1 and control.advance(): tasks only move when a test moves them, whatever the machine's load.
    emu = await startEmulator({ timeScale: 1, seed: 11 });
  });
  afterEach(() => emu.control.clearFaults());
  after(() => emu.stop());

  describe('scripted outcomes', () => {
    it('closes a task (4) at the scripted step and leaves the instance unchanged', async () => {
      const id = fresh();
      emu.control.scriptNext(id, { outcome: 'closed', atStep: 1, atFraction: 0.5 });
      await sdkClient(emu).modifyInstanceSpec(new $Kvstore.ModifyInstanceSpecRequest({ instanceId: id, instanceClass: 'redis.master.large.default' }));
      emu.control.advance(10 * MIN);
      const task = await latest(id);
      assert.equal(task.Status, '4');
      assert.equal(task.CurrentStepName, 'create_instance');
      assert.equal(task.StepProgressInfo, '2/4');
      assert.ok(task.Progress > 0 && task.Progress < 100);
      assert.equal(task.Remain, undefined);
      assert.ok(task.FinishTime);
      const a = await status(id);
      assert.equal(a.instanceStatus, 'Normal');
      assert.equal(a.instanceClass, 'redis.master.small.default');
    });

    it('interrupts a task (8) at the scripted step', async () => {
      const id = fresh();
      emu.control.scriptNext(id, { outcome: 'interrupted', atStep: 0, atFraction: 0.2 });
      await restart(id);
      emu.control.advance(MIN);
      const task = await latest(id);
      assert.equal(task.Status, '8');
      assert.equal(task.CurrentStepName, 'exec_task');
      assert.equal(task.Progress, 10);
    });

    it('pauses a task (7), then resumes and completes it', async () => {
      const id = fresh();
      emu.control.scriptNext(id, { outcome: 'paused', atStep: 1, atFraction: 0, pauseMs: 5 * MIN });
      await restart(id);
      emu.control.advance(60_000);
      const paused = await latest(id);
      assert.equal(paused.Status, '7');
      assert.equal(paused.Progress, 50);
      assert.equal((await status(id)).instanceStatus, 'Changing');
      emu.control.advance(4 * MIN);
      assert.equal((await latest(id)).Status, '7');
      emu.control.advance(MIN + 10_000);
      const resumed = await latest(id);
      assert.equal(resumed.Status, '1');
      assert.ok(resumed.Progress > 50);
      emu.control.advance(MIN);
      assert.equal((await latest(id)).Status, '2');
    });

    it('keeps a task pending (0) for the scripted time', async () => {
      const id = fresh();
      emu.control.scriptNext(id, { pendingMs: 2 * MIN });
      await restart(id);
      const pending = await latest(id);
      assert.equal(pending.Status, '0');
      assert.equal(pending.StepProgressInfo, '0/2');
      assert.equal(pending.CurrentStepName, undefined);
      emu.control.advance(2 * MIN + 10_000);
      assert.equal((await latest(id)).Status, '1');
    });

    it('uses scripted steps and TaskAction, one script per mutation in order', async () => {
      const id = fresh();
      emu.control.scriptNext(id, { steps: [{ name: 'a', durationMs: MIN }, { name: 'b', durationMs: MIN }, { name: 'c', durationMs: MIN }], taskAction: 'CustomLabel' });
      emu.control.scriptNext(id, { outcome: 'closed' });
      await restart(id);
      const first = await latest(id);
      assert.equal(first.TaskAction, 'CustomLabel');
      assert.equal(first.StepProgressInfo, '1/3');
      emu.control.advance(3 * MIN);
      await restart(id);
      emu.control.advance(5 * MIN);
      assert.equal((await latest(id)).Status, '4');
    });
  });

  it('hides a new task from DescribeTasks until its appearance delay passes', async () => {
    const id = fresh();
    emu.control.scriptNext(id, { appearAfterMs: 3 * MIN });
    const res = await sdkClient(emu).modifyInstanceSpec(new $Kvstore.ModifyInstanceSpecRequest({ instanceId: id, instanceClass: 'redis.master.mid.default' }));
    assert.ok(res.body!.orderId);
    assert.equal((await describeTasks(sdkClient(emu), id)).TotalRecordCount, 0);
    assert.equal((await status(id)).instanceStatus, 'Changing');
    assert.deepEqual(emu.control.listTasks(id).map((t) => t.Visible), [false]);
    emu.control.advance(3 * MIN);
    assert.equal((await describeTasks(sdkClient(emu), id)).TotalRecordCount, 1);
  });

  it('stamps BeginTime with the skewed server clock', async () => {
    const id = fresh();
    emu.control.setClockSkew(5 * MIN);
    try {
      await restart(id);
    } finally {
      emu.control.setClockSkew(0);
    }
    const begin = Date.parse(emu.control.listTasks(id)[0].BeginTime);
    assert.ok(begin > Date.now() + 4 * MIN, 'BeginTime is ahead of the client clock');
    // A client window ending two minutes from its own now misses the task; a wider one finds it.
    assert.equal((await describeTasks(sdkClient(emu), id, {}, { aheadMs: 2 * MIN })).TotalRecordCount, 0);
    assert.equal((await describeTasks(sdkClient(emu), id, {}, { aheadMs: 10 * MIN })).TotalRecordCount, 1);
  });

  it('reports Remain in scaled seconds: the same task is 60 times shorter at timeScale 60', async () => {
    const fast = await startEmulator({ timeScale: 60 });
    try {
      const id = 'r-bp1emu000000002';
      await sdkClient(emu).modifyInstanceSpec(new $Kvstore.ModifyInstanceSpecRequest({ instanceId: id, instanceClass: 'redis.master.mid.default' }));
      await sdkClient(fast).modifyInstanceSpec(new $Kvstore.ModifyInstanceSpecRequest({ instanceId: id, instanceClass: 'redis.master.mid.default' }));
      const slowRemain = (await describeTasks(sdkClient(emu), id, { Status: '1' })).Items[0].Remain;
      const fastRemain = (await describeTasks(sdkClient(fast), id, { Status: '1' })).Items[0].Remain;
      assert.ok(slowRemain > 590 && slowRemain <= 600, `slow ${slowRemain}`);
      assert.ok(fastRemain > 0 && fastRemain <= 10, `fast ${fastRemain}`);
      fast.control.advance(10 * MIN);
      assert.equal((await describeTasks(sdkClient(fast), id, { Status: '2' })).TotalRecordCount, 2, 'advance() is in emulated time');
    } finally {
      await fast.stop();
    }
  });

  describe('fault injection', () => {
    const describeAttr = (client = sdkClient(emu)) =>
      client.describeInstanceAttribute(new $Kvstore.DescribeInstanceAttributeRequest({ instanceId: 'r-bp1emu000000003' }));

    it('throttles with 400 Throttling.User', async () => {
      emu.control.setFaults('DescribeInstanceAttribute', { throttleRate: 1 });
      const err = await caught(describeAttr());
      assert.ok(err instanceof ThrottlingError);
      assert.equal(err.code, 'Throttling.User');
      assert.equal(err.statusCode, 400);
    });

    it('answers 500 InternalError and 503 ServiceUnavailable with JSON bodies', async () => {
      emu.control.setFaults('DescribeInstanceAttribute', { internalErrorRate: 1 });
      const internal = await caught(describeAttr());
      assert.ok(internal instanceof ServerError);
      assert.deepEqual([internal.statusCode, internal.code], [500, 'InternalError']);
      emu.control.setFaults('DescribeInstanceAttribute', { unavailableRate: 1 });
      const unavailable = await caught(describeAttr());
      assert.deepEqual([unavailable.statusCode, unavailable.code], [503, 'ServiceUnavailable']);
    });

    it('answers non-JSON bodies (HTML 502, empty 503) that the SDK cannot parse', async () => {
      for (const faults of [{ htmlErrorRate: 1 }, { emptyErrorRate: 1 }] as FaultConfig[]) {
        emu.control.setFaults('DescribeInstanceAttribute', faults);
        const err = await caught(describeAttr());
        assert.ok(err instanceof SyntaxError, `${JSON.stringify(faults)} gave ${err}`);
        assert.equal((err as { statusCode?: number }).statusCode, undefined);
      }
    });

    it('drops the connection without an answer', async () => {
      emu.control.setFaults('DescribeInstanceAttribute', { dropRate: 1 });
      const err = await caught(describeAttr());
      assert.ok(/ECONNRESET|socket hang up/i.test(`${err.code} ${err.message}`), String(err));
    });

    it('delays answers by the configured latency (a short read timeout fires)', async () => {
      emu.control.setFaults('DescribeInstanceAttribute', { latencyMs: 3000 });
      const err = await caught(describeAttr(sdkClient(emu, { readTimeout: 200, connectTimeout: 200 })));
      assert.ok(/timeout/i.test(`${err.name} ${err.message}`), String(err));
      emu.control.setFaults('DescribeInstanceAttribute', { latencyMs: [0, 5] });
      assert.equal((await describeAttr()).statusCode, 200);
    });

    it("applies '*' to every action without its own settings, and a per-action setting overrides it", async () => {
      emu.control.setFaults('*', { throttleRate: 1 });
      emu.control.setFaults('DescribeInstanceAttribute', {});
      assert.equal((await describeAttr()).statusCode, 200);
      const err = await caught(describeTasks(sdkClient(emu), 'r-bp1emu000000003'));
      assert.equal(err.code, 'Throttling.User');
    });

    it('counts authenticated requests per action, faulted ones included', async () => {
      emu.control.resetCounts();
      emu.control.setFaults('DescribeTasks', { throttleRate: 1 });
      await caught(describeTasks(sdkClient(emu), 'r-bp1emu000000003'));
      await describeAttr();
      await caught(describeAttr(sdkClient(emu, { accessKeySecret: 'wrong' })));
      assert.deepEqual(emu.control.requestCounts(), { DescribeTasks: 1, DescribeInstanceAttribute: 1 });
      emu.control.resetCounts();
      assert.deepEqual(emu.control.requestCounts(), {});
    });

    it('makes the same fault decisions for the same seed', async () => {
      const run = async (seed: number): Promise<string> => {
        const e = await startEmulator({ seed, config: { faults: { DescribeTasks: { throttleRate: 0.5 } } } });
        try {
          let pattern = '';
          const now = Date.now();
          const params = { InstanceId: 'r-bp1emu000000001', StartTime: minute(now - MIN), EndTime: minute(now + MIN), Status: '2' };
          for (let i = 0; i < 24; i++) {
            pattern += (await callAction(sdkClient(e), 'DescribeTasks', params).then(() => '.', () => 'T'));
          }
          return pattern;
        } finally {
          await e.stop();
        }
      };
      const a = await run(7);
      assert.equal(await run(7), a);
      assert.match(a, /T/);
      assert.match(a, /\./);
      assert.notEqual(await run(8), a);
    });

    it('refuses invalid fault settings with a typed error naming the field', () => {
      assert.throws(() => emu.control.setFaults('DescribeTasks', { throttleRate: 2 }), { name: 'EmulatorControlError', field: 'throttleRate' });
      assert.throws(() => emu.control.setFaults('DescribeTasks', { throttleRate: 0.6, dropRate: 0.6 }), { field: 'faults' });
      assert.throws(() => emu.control.setFaults('DescribeTasks', { throttle: 1 } as FaultConfig), { field: 'throttle' });
    });
  });
});
