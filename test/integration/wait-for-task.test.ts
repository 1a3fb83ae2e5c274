/**
 * `waitForTask` and `mutateAndWait` end to end: the real R-KVStore SDK over loopback HTTP against the emulator,
 * one test per task outcome (complete, closed, interrupted, paused, timeout and resume, not found, abort).
 */
import { strict as assert } from 'node:assert';
import * as $Kvstore from '@alicloud/r-kvstore20150101';
import {
  encodeResumeToken,
  mutateAndWait,
  TaskAbortedError,
  TaskFailedError,
  TaskNotFoundError,
  TaskStatus,
  TaskTimeoutError,
  waitForTask,
  type ProgressSnapshot,
} from '../../src/core';
import type { KvstoreTasksClient } from '../../src/client';
import type { Emulator } from '../../src/emulator';
import {
  credentialsOf,
  FAST_POLLING,
  freshInstance,
  modifySpec,
  NOMINAL_MINUTE,
  rejectionOf,
  SPEC_ACTIONS,
  startWithClient,
  startedTaskId,
  TARGET_CLASS,
  tasksClient,
} from './wait-for-task-support';

describe('waitForTask over the real SDK against the emulator: outcomes', () => {
  let emu: Emulator;
  let client: KvstoreTasksClient;

  before(async () => ({ emu, client } = await startWithClient()));
  after(() => emu.stop());

  const instanceClassOf = (instanceId: string): unknown => emu.control.getInstance(instanceId)['InstanceClass'];

  it('resolves with the complete task (Status 2) the mutation started, and the change is applied', async () => {
    const instanceId = freshInstance(emu);
    const since = await modifySpec(client, instanceId);
    const expectedId = startedTaskId(emu, instanceId, since.getTime());
    const snapshots: ProgressSnapshot[] = [];

    const task = await waitForTask({
      ...FAST_POLLING, client, instanceId, taskAction: SPEC_ACTIONS, since, onProgress: (s) => void snapshots.push(s),
    });

    assert.equal(task.taskId, expectedId);
    assert.equal(task.status, TaskStatus.Complete);
    assert.equal(task.progress, 100);
    assert.deepEqual(task.stepProgress, { done: 4, total: 4 });
    assert.deepEqual(task.steps.map((s) => s.name), ['init_instance', 'create_instance', 'exec_task', 'init_config']);
    assert.deepEqual(task.malformed, []);
    assert.ok(task.finishTime !== null && task.beginTime !== null && task.finishTime >= task.beginTime);
    assert.ok(snapshots.some((s) => s.status === TaskStatus.Running), 'saw the task running');
    assert.equal(snapshots.at(-1)?.status, TaskStatus.Complete);
    assert.equal(instanceClassOf(instanceId), TARGET_CLASS);
  });

  it('connects from top-level endpoint and credentials when no client is given', async () => {
    const instanceId = freshInstance(emu);
    const since = await modifySpec(client, instanceId);
    const task = await waitForTask({
      ...FAST_POLLING, endpoint: emu.endpoint, credentials: credentialsOf(emu), instanceId, taskAction: SPEC_ACTIONS, since,
    });
    assert.equal(task.taskId, startedTaskId(emu, instanceId, since.getTime()));
    assert.equal(task.status, TaskStatus.Complete);
  });

  for (const [outcome, status, atStep, stepName] of [
    ['closed', TaskStatus.Closed, 1, 'create_instance'],
    ['interrupted', TaskStatus.Interrupted, 2, 'exec_task'],
  ] as const) {
    it(`rejects with TaskFailedError carrying the task and its last step when the task ends ${outcome} (${status})`, async () => {
      const instanceId = freshInstance(emu);
      emu.control.scriptNext(instanceId, { outcome, atStep, atFraction: 0.5 });
      const since = await modifySpec(client, instanceId);

      const error = await rejectionOf(waitForTask({ ...FAST_POLLING, client, instanceId, taskAction: SPEC_ACTIONS, since }));

      assert.ok(error instanceof TaskFailedError, String(error));
      assert.equal(error.task.taskId, startedTaskId(emu, instanceId, since.getTime()));
      assert.equal(error.task.status, status);
      assert.equal(error.task.currentStep, stepName);
      assert.equal(error.lastStep?.name, stepName);
      assert.ok(error.task.progress !== null && error.task.progress > 0 && error.task.progress < 100);
      assert.equal(instanceClassOf(instanceId), 'redis.master.small.default', 'a failed change is not applied');
    });
  }

  it("waits through a pause (7) with onPaused 'wait' and resolves when the task resumes and completes", async () => {
    const instanceId = freshInstance(emu);
    emu.control.scriptNext(instanceId, { outcome: 'paused', atStep: 1, atFraction: 0.5, pauseMs: 5 * NOMINAL_MINUTE });
    const since = await modifySpec(client, instanceId);
    const statuses: Array<TaskStatus | null> = [];

    const task = await waitForTask({
      ...FAST_POLLING, client, instanceId, taskAction: SPEC_ACTIONS, since, onPaused: 'wait', onProgress: (s) => void statuses.push(s.status),
    });

    assert.equal(task.taskId, startedTaskId(emu, instanceId, since.getTime()));
    assert.equal(task.status, TaskStatus.Complete);
    const paused = statuses.indexOf(TaskStatus.Paused);
    assert.ok(paused >= 0, `saw the pause: ${JSON.stringify(statuses)}`);
    assert.ok(statuses.slice(paused).includes(TaskStatus.Running), `saw it running again after the pause: ${JSON.stringify(statuses)}`);
  });

  it("rejects with TaskFailedError at the pause with onPaused 'fail'", async () => {
    const instanceId = freshInstance(emu);
    emu.control.scriptNext(instanceId, { outcome: 'paused', atStep: 0, atFraction: 0.5, pauseMs: 60 * NOMINAL_MINUTE });
    const since = await modifySpec(client, instanceId);

    const error = await rejectionOf(waitForTask({ ...FAST_POLLING, client, instanceId, taskAction: SPEC_ACTIONS, since, onPaused: 'fail' }));

    assert.ok(error instanceof TaskFailedError, String(error));
    assert.equal(error.task.status, TaskStatus.Paused);
    assert.equal(error.task.taskId, startedTaskId(emu, instanceId, since.getTime()));
    assert.equal(error.lastStep?.name, 'init_instance');
  });

  it('times out with a resume token, and resuming with that token completes the same task', async () => {
    const instanceId = freshInstance(emu);
    // 4 steps of 5 nominal minutes: 2 s of real time, far beyond the first wait's 300 ms budget.
    emu.control.scriptNext(instanceId, { steps: ['a', 'b', 'c', 'd'].map((name) => ({ name, durationMs: 5 * NOMINAL_MINUTE })) });
    const since = await modifySpec(client, instanceId);
    const expectedId = startedTaskId(emu, instanceId, since.getTime());

    const error = await rejectionOf(waitForTask({ ...FAST_POLLING, client, instanceId, taskAction: SPEC_ACTIONS, since, timeout: 300 }));

    assert.ok(error instanceof TaskTimeoutError, String(error));
    assert.equal(error.resumeToken.taskId, expectedId);
    assert.equal(error.resumeToken.instanceId, instanceId);
    assert.equal(error.lastSnapshot.task?.taskId, expectedId);
    assert.ok(error.lastSnapshot.status === TaskStatus.Running || error.lastSnapshot.status === TaskStatus.Pending);

    // A later process: only the serialized token (and a fresh budget) crosses over.
    const token = JSON.parse(encodeResumeToken(error.resumeToken));
    const resumed = await waitForTask({ ...FAST_POLLING, client: tasksClient(emu), resumeToken: token, timeout: 20_000 });

    assert.equal(resumed.taskId, expectedId);
    assert.equal(resumed.status, TaskStatus.Complete);
    assert.equal(emu.control.listTasks(instanceId).filter((t) => SPEC_ACTIONS.includes(t.TaskAction)).length, 2, 'the history task and ours: nothing resent');
  });

  it('rejects with TaskNotFoundError when no matching task appears within notFoundGrace', async () => {
    const instanceId = freshInstance(emu);
    const since = new Date();
    const before = emu.control.requestCounts()['DescribeTasks'] ?? 0;

    const error = await rejectionOf(
      waitForTask({ ...FAST_POLLING, client, instanceId, taskAction: SPEC_ACTIONS, since, notFoundGrace: 400 }),
    );

    assert.ok(error instanceof TaskNotFoundError, String(error));
    assert.equal(error.instanceId, instanceId);
    assert.deepEqual(error.taskAction, [...SPEC_ACTIONS]);
    assert.equal(error.graceMs, 400);
    assert.ok((emu.control.requestCounts()['DescribeTasks'] ?? 0) - before >= 2, 'polled more than once before giving up');
  });

  it('rejects with TaskNotFoundError for an explicit taskId that never appears', async () => {
    const instanceId = freshInstance(emu);
    const error = await rejectionOf(waitForTask({ ...FAST_POLLING, client, instanceId, taskId: '999999999', notFoundGrace: 300 }));
    assert.ok(error instanceof TaskNotFoundError, String(error));
    assert.equal(error.taskId, '999999999');
  });

  it('rejects with TaskAbortedError on abort, and sends no request afterwards', async () => {
    const instanceId = freshInstance(emu);
    const since = await modifySpec(client, instanceId);
    const controller = new AbortController();
    let polls = 0;
    const waiting = waitForTask({
      ...FAST_POLLING, client, instanceId, taskAction: SPEC_ACTIONS, since, signal: controller.signal,
      // Abort just after the second snapshot: the waiter has polled twice and is sleeping before the next poll.
      onProgress: () => {
        polls += 1;
        if (polls === 2) setTimeout(() => controller.abort(new Error('deploy cancelled')), 10);
      },
    });

    const error = await rejectionOf(waiting);

    assert.ok(error instanceof TaskAbortedError, String(error));
    assert.equal((error.reason as Error).message, 'deploy cancelled');
    assert.equal(error.resumeToken.taskId, startedTaskId(emu, instanceId, since.getTime()));
    const atAbort = emu.control.requestCounts()['DescribeTasks'];
    await new Promise((resolve) => setTimeout(resolve, 4 * FAST_POLLING.maxDelay));
    assert.equal(emu.control.requestCounts()['DescribeTasks'], atAbort, 'no DescribeTasks after the abort');
  });

  describe('mutateAndWait', () => {
    it('sends ModifyInstanceSpec once and resolves with the task it started', async () => {
      const instanceId = freshInstance(emu);
      const before = emu.control.requestCounts()['ModifyInstanceSpec'] ?? 0;
      const sentAfter = Date.now();

      const { task, response, mutationsSent } = await mutateAndWait(
        () => client.sdk.modifyInstanceSpec(new $Kvstore.ModifyInstanceSpecRequest({ instanceId, instanceClass: TARGET_CLASS })),
        { ...FAST_POLLING, client, instanceId, apiAction: 'ModifyInstanceSpec', initialDelay: 50 },
      );

      assert.equal(mutationsSent, 1);
      assert.equal(emu.control.requestCounts()['ModifyInstanceSpec'] - before, 1);
      assert.match(String(response.body?.orderId), /^\d+$/);
      assert.equal(task.taskId, startedTaskId(emu, instanceId, sentAfter));
      assert.equal(task.status, TaskStatus.Complete);
      assert.equal(instanceClassOf(instanceId), TARGET_CLASS);
    });

    it('after a Task.Conflict refusal, waits for the running task, then sends the mutation exactly once more', async () => {
      const instanceId = freshInstance(emu);
      await client.sdk.restartInstance(new $Kvstore.RestartInstanceRequest({ instanceId }));
      const blocker = emu.control.listTasks(instanceId).find((t) => t.Status === '0' || t.Status === '1');
      assert.ok(blocker, 'the restart is running');
      const before = emu.control.requestCounts()['ModifyInstanceSpec'] ?? 0;

      const { task, mutationsSent } = await mutateAndWait(
        () => client.sdk.modifyInstanceSpec(new $Kvstore.ModifyInstanceSpecRequest({ instanceId, instanceClass: TARGET_CLASS })),
        { ...FAST_POLLING, client, instanceId, apiAction: 'ModifyInstanceSpec', initialDelay: 50 },
      );

      assert.equal(mutationsSent, 2);
      assert.equal(emu.control.requestCounts()['ModifyInstanceSpec'] - before, 2);
      assert.notEqual(task.taskId, blocker.TaskId);
      assert.ok(SPEC_ACTIONS.includes(task.taskAction));
      assert.equal(task.status, TaskStatus.Complete);
      assert.equal(emu.control.listTasks(instanceId).find((t) => t.TaskId === blocker.TaskId)?.Status, '2', 'the restart finished first');
    });
  });
});
