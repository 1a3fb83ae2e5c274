/**
 * 200 concurrent `waitForTask` calls on 20 instances, through the real SDK against one emulator: every wait
 * ends with its own instance's task.
 */
import { strict as assert } from 'node:assert';
import { TaskStatus, waitForTask, type Task } from '../../src/core';
import type { Emulator } from '../../src/emulator';
import { freshInstance, modifySpec, SPEC_ACTIONS, startScaledEmulator, startedTaskId, tasksClient } from './wait-for-task-support';

const INSTANCES = 20;
const WAITS_PER_INSTANCE = 10;

describe('waitForTask over the real SDK against the emulator: 200 concurrent waits', () => {
  let emu: Emulator;

  before(async () => {
    // A 10-minute ModifyInstanceSpec takes 4 s here: long enough for every wait to poll it while it runs.
    emu = await startScaledEmulator({ timeScale: 150, seed: 23 });
  });
  after(() => emu.stop());

  it('resolves each of 200 waits on 20 instances with its own instance task', async () => {
    const client = tasksClient(emu);
    const instances = Array.from({ length: INSTANCES }, () => freshInstance(emu));
    const started = await Promise.all(
      instances.map(async (instanceId) => {
        const since = await modifySpec(client, instanceId);
        return { instanceId, since, taskId: startedTaskId(emu, instanceId, since.getTime()) };
      }),
    );
    assert.equal(new Set(started.map((s) => s.taskId)).size, INSTANCES, 'one distinct task per instance');
    emu.control.resetCounts();

    // Half of the waits match by TaskAction and `since`, half follow the TaskId; each one's own client and polling.
    const waits = started.flatMap(({ instanceId, since, taskId }) =>
      Array.from({ length: WAITS_PER_INSTANCE }, (_, i) =>
        waitForTask({
          client: i % 2 === 0 ? client : tasksClient(emu),
          instanceId,
          ...(i % 2 === 0 ? { taskAction: SPEC_ACTIONS, since } : { taskId }),
          minDelay: 500,
          maxDelay: 1500,
          timeout: 40_000,
        }).then((task): [string, Task] => [instanceId, task]),
      ),
    );
    // allSettled: one failure must not leave the other waits running after the test.
    const settled = await Promise.allSettled(waits);
    const failures = settled.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
    assert.deepEqual(failures, []);
    const results = settled.map((r) => (r as PromiseFulfilledResult<[string, Task]>).value);

    assert.equal(results.length, INSTANCES * WAITS_PER_INSTANCE);
    const expected = new Map(started.map((s) => [s.instanceId, s.taskId]));
    for (const [instanceId, task] of results) {
      assert.equal(task.taskId, expected.get(instanceId), `wait on ${instanceId}`);
      assert.equal(task.status, TaskStatus.Complete);
    }
    assert.ok(emu.control.requestCounts()['DescribeTasks'] >= results.length, 'every wait polled at least once');
  });
});
