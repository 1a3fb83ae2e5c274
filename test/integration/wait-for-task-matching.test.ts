/**
 * Which task `waitForTask` follows, end to end through the real SDK against the emulator: a stale finished task
 * of the same action in the window, a task that appears late, more than 300 tasks in the window, and a server
 * clock that runs slow or fast.
 */
import { strict as assert } from 'node:assert';
import { TaskStatus, waitForTask, type ProgressSnapshot } from '../../src/core';
import type { KvstoreTasksClient } from '../../src/client';
import type { Emulator } from '../../src/emulator';
import {
  FAST_POLLING,
  freshInstance,
  modifySpec,
  NOMINAL_MINUTE,
  SPEC_ACTIONS,
  startWithClient,
  startedTaskId,
} from './wait-for-task-support';

const SECOND = 1000;

/** Resolves once the emulator's clock has reached the next whole second after `ms` (BeginTime has 1 s precision). */
async function nextServerSecond(emu: Emulator, ms: number): Promise<void> {
  const target = Math.floor(ms / SECOND) * SECOND + SECOND;
  while (emu.control.serverTime() < target) await new Promise((resolve) => setTimeout(resolve, target - emu.control.serverTime()));
}

/**
 * Seeds a ModifyInstanceSpec-labelled task that began `agoMs` before the earlier of our clock and the server's
 * (inside the query window and within the clock skew tolerance) and finished 1 s later: the stale candidate a naive
 * "first task with that action" picks.
 */
function seedStaleTask(emu: Emulator, instanceId: string, agoMs = 60 * SECOND): string {
  const stale = emu.control.addTask(instanceId, {
    taskAction: SPEC_ACTIONS[0],
    beginTime: Math.min(Date.now(), emu.control.serverTime()) - agoMs,
    steps: [{ name: 'exec_task', durationMs: NOMINAL_MINUTE }],
  });
  assert.equal(emu.control.listTasks(instanceId).find((t) => t.TaskId === stale.TaskId)?.Status, '2', 'the stale task has finished');
  return stale.TaskId;
}

describe('waitForTask over the real SDK against the emulator: matching', () => {
  let emu: Emulator;
  let client: KvstoreTasksClient;

  before(async () => ({ emu, client } = await startWithClient()));
  after(() => emu.stop());

  it('never follows an older finished task with the same action in the window', async () => {
    const instanceId = freshInstance(emu);
    const staleId = seedStaleTask(emu, instanceId);
    const since = await modifySpec(client, instanceId);

    const task = await waitForTask({ ...FAST_POLLING, client, instanceId, taskAction: SPEC_ACTIONS, since });

    assert.notEqual(task.taskId, staleId);
    assert.equal(task.taskId, startedTaskId(emu, instanceId, since.getTime()));
    // The stale task really was in what the waiter read: the same window, the same action, complete.
    const window = { instanceId, startTime: new Date(since.getTime() - 2 * NOMINAL_MINUTE), endTime: new Date(Date.now() + NOMINAL_MINUTE) };
    const seen: string[] = [];
    for await (const t of client.listTasks(window)) if (SPEC_ACTIONS.includes(t.taskAction)) seen.push(t.taskId);
    assert.ok(seen.includes(staleId), `stale ${staleId} is in the window: ${JSON.stringify(seen)}`);
  });

  it('finds a task that appears late, without taking the stale one meanwhile', async () => {
    const instanceId = freshInstance(emu);
    const staleId = seedStaleTask(emu, instanceId);
    emu.control.scriptNext(instanceId, { appearAfterMs: 4 * NOMINAL_MINUTE }); // invisible for the first 0.4 s of its 1 s
    const since = await modifySpec(client, instanceId);
    const snapshots: ProgressSnapshot[] = [];

    const task = await waitForTask({
      ...FAST_POLLING, client, instanceId, taskAction: SPEC_ACTIONS, since, notFoundGrace: 10_000, onProgress: (s) => void snapshots.push(s),
    });

    assert.equal(task.taskId, startedTaskId(emu, instanceId, since.getTime()));
    assert.notEqual(task.taskId, staleId);
    assert.equal(task.status, TaskStatus.Complete);
    assert.equal(snapshots[0]?.task, null, 'the first poll found nothing');
    assert.ok(snapshots.some((s) => s.task?.taskId === task.taskId && s.status !== TaskStatus.Complete), 'followed it while it ran');
  });

  it('reads past 300 tasks in the window to find the earliest match on the last page', async () => {
    const instanceId = freshInstance(emu);
    const since = await modifySpec(client, instanceId);
    const expectedId = startedTaskId(emu, instanceId, since.getTime());
    // 330 later tasks with the same action, all inside the window: ours is the oldest, so it sits on page 4 of 100.
    await nextServerSecond(emu, emu.control.serverTime());
    const laterBegin = emu.control.serverTime();
    emu.control.addTasks(instanceId, Array.from({ length: 330 }, () => ({ taskAction: SPEC_ACTIONS[0], beginTime: laterBegin })));
    const page4 = await client.describeTasks({
      instanceId, startTime: new Date(since.getTime() - 2 * NOMINAL_MINUTE), endTime: new Date(Date.now() + NOMINAL_MINUTE),
      pageSize: 100, pageNumber: 4,
    });
    assert.ok(page4.totalRecordCount > 300);
    assert.ok(page4.tasks.some((t) => t.taskId === expectedId), 'our task is beyond the first 300');
    emu.control.resetCounts();

    const task = await waitForTask({ ...FAST_POLLING, client, instanceId, taskAction: SPEC_ACTIONS, since });

    assert.equal(task.taskId, expectedId);
    assert.equal(task.status, TaskStatus.Complete);
    const requests = emu.control.requestCounts()['DescribeTasks'];
    assert.ok(requests >= 4 && requests % 4 === 0, `four pages per poll, got ${requests} requests`);
  });

  for (const skewMs of [-90 * SECOND, 90 * SECOND]) {
    it(`matches the new task when the server clock is ${skewMs < 0 ? 'slow' : 'fast'} by ${Math.abs(skewMs) / SECOND} s (within clockSkewTolerance)`, async () => {
      const { emu: skewed, client: skewedClient } = await startWithClient({ config: { clockSkewMs: skewMs } });
      try {
        const instanceId = freshInstance(skewed);
        const staleId = seedStaleTask(skewed, instanceId, 20 * SECOND);
        const since = await modifySpec(skewedClient, instanceId);
        const expectedId = startedTaskId(skewed, instanceId, since.getTime() + skewMs);
        const begin = Date.parse(skewed.control.listTasks(instanceId).find((t) => t.TaskId === expectedId)!.BeginTime);
        assert.ok(Math.abs(begin - (since.getTime() + skewMs)) < 5 * SECOND, 'BeginTime is stamped by the skewed server clock');

        const task = await waitForTask({
          ...FAST_POLLING, client: skewedClient, instanceId, taskAction: SPEC_ACTIONS, since, clockSkewTolerance: 2 * NOMINAL_MINUTE, notFoundGrace: 5_000,
        });

        assert.equal(task.taskId, expectedId);
        assert.notEqual(task.taskId, staleId);
        assert.equal(task.status, TaskStatus.Complete);
      } finally {
        await skewed.stop();
      }
    });
  }
});
