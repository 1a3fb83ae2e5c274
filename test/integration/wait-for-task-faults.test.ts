/**
 * `waitForTask` end to end under each of the emulator's fault knobs: the wait still ends with the right,
 * complete task, and the emulator's own request counts show the retries our client made.
 */
import { strict as assert } from 'node:assert';
import * as $Kvstore from '@alicloud/r-kvstore20150101';
import { mutateAndWait, TaskStatus, waitForTask } from '../../src/core';
import type { Emulator, FaultConfig } from '../../src/emulator';
import {
  FAST_POLLING,
  freshInstance,
  modifySpec,
  SPEC_ACTIONS,
  startScaledEmulator,
  startedTaskId,
  TARGET_CLASS,
  tasksClient,
} from './wait-for-task-support';

/** One emulator log line: `POST DescribeTasks 503 unavailable +0ms (1ms)` (the code is OK, a fault kind, or an API error code). */
const LOG_LINE = /^\S+ (\S+) (\S+) (\S+) \+(\d+)ms/;

describe('waitForTask over the real SDK against the emulator: fault knobs', () => {
  let emu: Emulator;
  /** `{action, code, latencyMs}` of every API request the emulator answered (or dropped) in this test. */
  let served: Array<{ action: string; code: string; latencyMs: number }> = [];

  before(async () => {
    emu = await startScaledEmulator({
      seed: 17,
      log: (line) => {
        const m = LOG_LINE.exec(line);
        if (m !== null) served.push({ action: m[1], code: m[3], latencyMs: Number(m[4]) });
      },
    });
  });
  beforeEach(() => {
    served = [];
    emu.control.resetCounts();
  });
  afterEach(() => emu.control.clearFaults());
  after(() => emu.stop());

  const servedWith = (code: string): number => served.filter((r) => r.action === 'DescribeTasks' && r.code === code).length;

  const knobs: Array<[string, FaultConfig, string]> = [
    ['throttling (Throttling.User with x-acs-retry-after)', { throttleRate: 0.4, retryAfterMs: 20 }, 'throttle'],
    ['500 InternalError', { internalErrorRate: 0.4 }, 'internal'],
    ['503 ServiceUnavailable (JSON body)', { unavailableRate: 0.4 }, 'unavailable'],
    ['502 with an HTML body', { htmlErrorRate: 0.4 }, 'html'],
    ['503 with an empty body', { emptyErrorRate: 0.4 }, 'empty'],
    ['dropped connections', { dropRate: 0.4 }, 'drop'],
  ];

  for (const [name, faults, code] of knobs) {
    it(`completes on the right task despite ${name}, and the emulator counts the retries`, async () => {
      const client = tasksClient(emu);
      const instanceId = freshInstance(emu);
      const since = await modifySpec(client, instanceId);
      const mutationRequests = client.stats.requests;
      emu.control.setFaults('DescribeTasks', faults);

      const task = await waitForTask({ ...FAST_POLLING, client, instanceId, taskAction: SPEC_ACTIONS, since });

      assert.equal(task.taskId, startedTaskId(emu, instanceId, since.getTime()));
      assert.equal(task.status, TaskStatus.Complete);
      const faulted = servedWith(code);
      const counted = emu.control.requestCounts()['DescribeTasks'];
      assert.ok(faulted >= 1, `the emulator served ${code} at least once: ${JSON.stringify(served.map((r) => r.code))}`);
      assert.equal(counted, servedWith('OK') + faulted, 'every DescribeTasks request was either answered or faulted');
      assert.equal(counted, client.stats.requests - mutationRequests, 'every attempt the client made reached the emulator');
      assert.ok(client.stats.retries >= 1, 'the client retried');
    });
  }

  it('completes on the right task with latency, retrying the attempts that outlast the read timeout', async () => {
    const client = tasksClient(emu, { readTimeout: 150 });
    const instanceId = freshInstance(emu);
    const since = await modifySpec(client, instanceId);
    emu.control.setFaults('DescribeTasks', { latencyMs: [20, 300] });

    const task = await waitForTask({ ...FAST_POLLING, client, instanceId, taskAction: SPEC_ACTIONS, since });

    assert.equal(task.taskId, startedTaskId(emu, instanceId, since.getTime()));
    assert.equal(task.status, TaskStatus.Complete);
    const delayed = served.filter((r) => r.action === 'DescribeTasks');
    assert.ok(delayed.every((r) => r.latencyMs >= 20), 'every answer was delayed');
    assert.ok(delayed.some((r) => r.latencyMs > 150), 'some answers came after the read timeout');
    assert.ok(client.stats.retries >= 1, 'timed-out attempts were retried');
    assert.equal(emu.control.requestCounts()['DescribeTasks'], delayed.length);
  });

  it('mutateAndWait completes with every fault knob on at once (the mutation itself is left alone)', async () => {
    const client = tasksClient(emu);
    const instanceId = freshInstance(emu);
    emu.control.setFaults('*', {
      throttleRate: 0.1, internalErrorRate: 0.05, unavailableRate: 0.05, htmlErrorRate: 0.05, emptyErrorRate: 0.05, dropRate: 0.05,
      latencyMs: [0, 30],
    });
    emu.control.setFaults('ModifyInstanceSpec', {});
    const sentAfter = Date.now();

    const { task, mutationsSent } = await mutateAndWait(
      () => client.sdk.modifyInstanceSpec(new $Kvstore.ModifyInstanceSpecRequest({ instanceId, instanceClass: TARGET_CLASS })),
      { ...FAST_POLLING, client, instanceId, apiAction: 'ModifyInstanceSpec', initialDelay: 50 },
    );

    assert.equal(mutationsSent, 1);
    assert.equal(emu.control.requestCounts()['ModifyInstanceSpec'], 1);
    assert.equal(task.taskId, startedTaskId(emu, instanceId, sentAfter));
    assert.equal(task.status, TaskStatus.Complete);
    assert.ok(served.some((r) => r.action === 'DescribeTasks' && r.code !== 'OK'), 'some polls were faulted');
    assert.equal(emu.control.getInstance(instanceId)['InstanceClass'], TARGET_CLASS);
  });
});
