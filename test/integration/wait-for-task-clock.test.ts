/**
 * `waitForTask` when the server's clock differs from ours (within `clockSkewTolerance`), end to end through the
 * real SDK against a skewed emulator. BeginTime and FinishTime are stamped by the server's clock; the waiter must
 * compare them with `since` moved onto that clock (estimated from the HTTP `Date` header), not with our `since`.
 */
import { strict as assert } from 'node:assert';
import { TaskStatus, waitForTask } from '../../src/core';
import { createTasksClient, type KvstoreTasksClient } from '../../src/client';
import { startScriptedServer, tasksPage } from './client-scripted-server';
import type { Emulator } from '../../src/emulator';
import { FAST_POLLING, freshInstance, modifySpec, NOMINAL_MINUTE, SPEC_ACTIONS, startWithClient, startedTaskId, TIME_SCALE } from './wait-for-task-support';

const SECOND = 1000;
const SKEW_MS = 90 * SECOND;
const TOLERANCE_MS = 2 * NOMINAL_MINUTE;

/** The emulator's DescribeTasks item of a task, read through control (no waiter involved). */
function taskInfo(emu: Emulator, instanceId: string, taskId: string) {
  const info = emu.control.listTasks(instanceId).find((t) => t.TaskId === taskId);
  assert.ok(info, `task ${taskId} exists on ${instanceId}`);
  return info;
}

describe('waitForTask over the real SDK against the emulator: server clock skew', () => {
  describe(`server clock fast by ${SKEW_MS / SECOND} s`, () => {
    let emu: Emulator;
    let client: KvstoreTasksClient;

    before(async () => ({ emu, client } = await startWithClient({ config: { clockSkewMs: SKEW_MS } })));
    after(() => emu.stop());

    it("the client reports the server's clock (its Date header) on every page and to onServerTime", async () => {
      const instanceId = freshInstance(emu);
      emu.control.addTasks(instanceId, Array.from({ length: 120 }, () => ({ taskAction: SPEC_ACTIONS[0] }))); // two pages of 100
      const window = { instanceId, startTime: new Date(Date.now() - 60 * NOMINAL_MINUTE), endTime: new Date(Date.now() + 60 * NOMINAL_MINUTE) };
      const reported: Date[] = [];

      const before = Math.floor(emu.control.serverTime() / SECOND) * SECOND;
      const page = await client.describeTasks({ ...window, pageSize: 100 });
      let listed = 0;
      for await (const _ of client.listTasks(window, { onServerTime: (t) => void reported.push(t) })) listed += 1;
      const after = emu.control.serverTime();

      assert.ok(page.serverTime instanceof Date, 'the page carries the server time');
      assert.ok(page.serverTime.getTime() >= before && page.serverTime.getTime() <= after, `${page.serverTime.toISOString()} is the skewed server clock`);
      assert.equal(page.serverTime.getMilliseconds(), 0, 'whole seconds, as the header has');
      assert.ok(listed > 100);
      assert.equal(reported.length, 2, 'one report per page');
      assert.ok(reported.every((t) => t.getTime() >= before && t.getTime() <= after));
    });

    it('never follows a same-action task that finished before the mutation, though its FinishTime is after our since', async () => {
      const instanceId = freshInstance(emu);
      // Began 60 s and finished ~50 s before now on the server's clock: ~40 s after now on ours.
      const stale = emu.control.addTask(instanceId, {
        taskAction: SPEC_ACTIONS[0],
        beginTime: emu.control.serverTime() - 60 * SECOND,
        steps: [{ name: 'exec_task', durationMs: 10 * SECOND * TIME_SCALE }],
      });
      const since = await modifySpec(client, instanceId);
      const staleInfo = taskInfo(emu, instanceId, stale.TaskId);
      assert.equal(staleInfo.Status, String(TaskStatus.Complete), 'the stale task has finished');
      assert.ok(staleInfo.FinishTime !== undefined && Date.parse(staleInfo.FinishTime) > since.getTime(),
        `the trap: the stale FinishTime ${staleInfo.FinishTime} is after our since ${since.toISOString()}`);
      assert.ok(Date.parse(staleInfo.BeginTime) >= since.getTime() - TOLERANCE_MS, 'the stale task is within the BeginTime tolerance');
      const expectedId = startedTaskId(emu, instanceId, since.getTime() + SKEW_MS);

      const task = await waitForTask({ ...FAST_POLLING, client, instanceId, taskAction: SPEC_ACTIONS, since, clockSkewTolerance: TOLERANCE_MS });

      assert.notEqual(task.taskId, stale.TaskId);
      assert.equal(task.taskId, expectedId);
      assert.equal(task.status, TaskStatus.Complete);
    });
  });

  describe(`server clock slow by ${SKEW_MS / SECOND} s`, () => {
    let emu: Emulator;
    let client: KvstoreTasksClient;

    before(async () => ({ emu, client } = await startWithClient({ config: { clockSkewMs: -SKEW_MS } })));
    after(() => emu.stop());

    it('finds a new task that completed before the first poll, though its FinishTime is before our since', async () => {
      const instanceId = freshInstance(emu);
      const since = await modifySpec(client, instanceId);
      const expectedId = startedTaskId(emu, instanceId, since.getTime() - SKEW_MS);
      emu.control.advance(60 * NOMINAL_MINUTE); // the task runs to completion before the waiter's first poll
      const info = taskInfo(emu, instanceId, expectedId);
      assert.equal(info.Status, String(TaskStatus.Complete), 'the new task has completed already');
      assert.ok(info.FinishTime !== undefined && Date.parse(info.FinishTime) < since.getTime(),
        `the trap: its FinishTime ${info.FinishTime} is before our since ${since.toISOString()}`);

      const task = await waitForTask({
        ...FAST_POLLING, client, instanceId, taskAction: SPEC_ACTIONS, since, clockSkewTolerance: TOLERANCE_MS, notFoundGrace: 2_000,
      });

      assert.equal(task.taskId, expectedId);
      assert.equal(task.status, TaskStatus.Complete);
    });
  });

  it('a response without a readable Date header gives serverTime null and no onServerTime call', async () => {
    const server = await startScriptedServer([
      { ...tasksPage(['1']), headers: { 'content-type': 'application/json', date: 'not a date' } },
    ]);
    try {
      const client = createTasksClient({ endpoint: server.endpoint, credentials: { accessKeyId: 'LTAItestkey', accessKeySecret: 'secret' } });
      const reported: Date[] = [];
      const page = await client.describeTasks(
        { instanceId: 'r-1', startTime: new Date('2024-05-01T10:00Z'), endTime: new Date('2024-05-01T11:00Z') },
        { onServerTime: (t) => void reported.push(t) },
      );
      assert.deepEqual(page.tasks.map((t) => t.taskId), ['1']);
      assert.equal(page.serverTime, null);
      assert.deepEqual(reported, []);
    } finally {
      await server.stop();
    }
  });
});
