import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as sinon from 'sinon';
import { KvstoreApiError } from '../../../src/client/errors';
import {
  InvalidOptionError, TaskAbortedError, TaskFailedError, TaskNotFoundError, TaskPausedTimeoutError, TaskTimeoutError,
} from '../../../src/core/errors';
import { ON_PROGRESS_WARNING_CODE } from '../../../src/core/progress-reporter';
import { encodeResumeToken, validateResumeToken } from '../../../src/core/resume';
import type { ProgressSnapshot } from '../../../src/core/snapshot';
import { TaskStatus } from '../../../src/core/task';
import { waitForTask } from '../../../src/core/wait-for-task';
import type { WaitForTaskOptions } from '../../../src/core/wait-options';
import { makeTask, StubSource, VirtualClock, type PollScript } from './helpers';

const T0 = Date.parse('2024-05-01T10:00:00Z');
const ACTION = 'ModifyDBInstanceClass';

function apiError(retryable: boolean, code = retryable ? 'ServiceUnavailable' : 'InvalidInstanceId.NotFound'): KvstoreApiError {
  return new KvstoreApiError({ action: 'DescribeTasks', code, requestId: 'r', statusCode: retryable ? 503 : 404, retryable, attempts: 3 }, code);
}

/** Runs a wait on virtual time; with `serverSkewMs`, the source reports a server clock that far from ours. */
function run(script: PollScript, options: Partial<WaitForTaskOptions> = {}, clock = new VirtualClock(T0), serverSkewMs: number | null = null) {
  const source = new StubSource(script, undefined, () => clock.now(), serverSkewMs);
  const snapshots: ProgressSnapshot[] = [];
  const promise = waitForTask({
    instanceId: 'r-1', taskAction: ACTION, since: new Date(T0), client: source, clock,
    onProgress: (s) => { snapshots.push(s); }, ...options,
  });
  return { source, clock, snapshots, promise };
}

async function rejection<E>(promise: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${type.name}, but the wait resolved`);
}

describe('core/waitForTask', () => {
  describe('outcomes', () => {
    it('resolves with the task on Status 2 and polls just after the server estimate', async () => {
      const { promise, source } = run((n) => [
        makeTask(n === 1 ? { remainSeconds: 30, progress: 40 } : { status: TaskStatus.Complete, progress: 100, finishTime: new Date(T0 + 36_000) }),
      ]);
      const task = await promise;
      assert.equal(task.taskId, '1001');
      assert.equal(task.status, TaskStatus.Complete);
      assert.deepEqual(source.pollTimes, [T0, T0 + 31_000]);
    });

    for (const status of [TaskStatus.Closed, TaskStatus.Interrupted]) {
      it(`rejects with TaskFailedError (task and last step) on the first poll that sees ${status}`, async () => {
        const { promise, source } = run(() => [makeTask({ status, currentStep: 'init_redis', progress: 45 })]);
        const error = await rejection(promise, TaskFailedError);
        assert.equal(error.task.status, status);
        assert.equal(error.lastStep?.name, 'init_redis');
        assert.match(error.message, new RegExp(`1001.*${ACTION}.*r-1.*${TaskStatus[status]} \\(${status}\\).*init_redis`));
        assert.equal(source.queries.length, 1);
      });
    }

    it('keeps polling through Pending (0) and an unknown status, and resolves on Complete', async () => {
      const { promise, source } = run((n) => [makeTask({ status: [TaskStatus.Pending, null, TaskStatus.Running, TaskStatus.Complete][n - 1] })]);
      assert.equal((await promise).status, TaskStatus.Complete);
      assert.equal(source.queries.length, 4);
    });

    it("fails at once on Paused (7) with onPaused: 'fail'", async () => {
      const { promise } = run(() => [makeTask({ status: TaskStatus.Paused })], { onPaused: 'fail' });
      const error = await rejection(promise, TaskFailedError);
      assert.match(error.message, /paused.*onPaused is 'fail'/);
    });

    it("waits through a pause with onPaused: 'wait'", async () => {
      const statuses = [TaskStatus.Running, TaskStatus.Paused, TaskStatus.Paused, TaskStatus.Running, TaskStatus.Complete];
      const { promise, snapshots } = run((n) => [makeTask({ status: statuses[n - 1] })]);
      assert.equal((await promise).status, TaskStatus.Complete);
      assert.deepEqual(snapshots.filter((s) => !s.heartbeat).map((s) => s.status), [1, 7, 1, 2]);
    });

    it('rejects with TaskPausedTimeoutError when paused longer than pausedTimeout, polling at that moment', async () => {
      const { promise, source } = run((n) => [makeTask({ status: n === 1 ? TaskStatus.Running : TaskStatus.Paused })], { pausedTimeout: 30_000 });
      const error = await rejection(promise, TaskPausedTimeoutError);
      assert.ok(error instanceof TaskFailedError);
      assert.equal(error.pausedMs, 30_000);
      assert.equal(error.resumeToken.taskId, '1001');
      const pausedAt = source.pollTimes[1];
      assert.equal(source.pollTimes.at(-1), pausedAt + 30_000);
    });

    it('still works with a task whose StepsInfo was malformed', async () => {
      const broken = { steps: [], malformed: ['StepsInfo'], raw: { StepsInfo: '[{oops' }, stepProgress: null };
      const { promise, snapshots } = run((n) => [makeTask({ ...broken, status: n < 2 ? TaskStatus.Running : TaskStatus.Complete })]);
      const task = await promise;
      assert.deepEqual(task.malformed, ['StepsInfo']);
      assert.equal(snapshots[0].stepIndex, null);
      assert.equal(snapshots[0].currentStep, 'init_instance');
    });
  });

  describe('matching over time', () => {
    it('ignores the stale finished task with the same action and waits for the new one that appears late', async () => {
      const stale = makeTask({ taskId: '900', status: TaskStatus.Complete, beginTime: new Date(T0 - 90_000), finishTime: new Date(T0 - 30_000) });
      const fresh = makeTask({ taskId: '901', beginTime: new Date(T0 + 8_000) });
      const { promise, source, snapshots } = run((n) => (n < 3 ? [stale] : n === 3 ? [stale, fresh] : [stale, { ...fresh, status: TaskStatus.Complete }]));
      const task = await promise;
      assert.equal(task.taskId, '901');
      assert.equal(source.queries.length, 4);
      assert.equal(snapshots[0].task, null);
      assert.ok(snapshots.every((s) => s.task?.taskId !== '900'));
    });

    it('matches a task whose BeginTime is skewed before since by less than the tolerance', async () => {
      const { promise } = run(() => [makeTask({ beginTime: new Date(T0 - 90_000), status: TaskStatus.Complete })]);
      assert.equal((await promise).taskId, '1001');
    });

    it('keeps following the matched TaskId even if an earlier-begun task shows up later', async () => {
      const first = makeTask({ taskId: 'A', beginTime: new Date(T0 + 10_000) });
      const earlier = makeTask({ taskId: 'B', beginTime: new Date(T0 + 1_000), status: TaskStatus.Closed });
      const { promise } = run((n) => (n === 1 ? [first] : [earlier, { ...first, status: n === 2 ? TaskStatus.Running : TaskStatus.Complete }]));
      assert.equal((await promise).taskId, 'A');
    });

    it('recomputes the query window on every poll: fixed start, end the minute after now + clockSkewTolerance', async () => {
      const { promise, source } = run((n) => [makeTask({ status: n < 3 ? TaskStatus.Running : TaskStatus.Complete, remainSeconds: 100 })], { maxDelay: 120_000 });
      await promise;
      assert.deepEqual(source.queries.map((q) => q.startTime.toISOString()), Array(3).fill('2024-05-01T09:58:00.000Z'));
      assert.deepEqual(source.queries.map((q) => q.endTime.toISOString()), ['2024-05-01T10:03:00.000Z', '2024-05-01T10:04:00.000Z', '2024-05-01T10:06:00.000Z']);
      assert.deepEqual(source.queries[0].statuses, [0, 1, 2, 4, 7, 8]);
      assert.equal(source.queries[0].instanceId, 'r-1');
    });

    it('with taskId, follows that task whatever its action', async () => {
      const { promise } = run(() => [makeTask({ taskId: '55', taskAction: 'Other', status: TaskStatus.Complete }), makeTask()], { taskAction: undefined, taskId: '55' });
      assert.equal((await promise).taskId, '55');
    });

    it("with select: 'newest', returns at once a newer task that already finished", async () => {
      const older = makeTask({ taskId: '1', beginTime: new Date(T0 - 600_000), status: TaskStatus.Complete });
      const newer = makeTask({ taskId: '2', beginTime: new Date(T0 - 300_000), status: TaskStatus.Complete });
      const { promise, source } = run(() => [older, newer], { since: new Date(T0 - 3_600_000), select: 'newest', after: { taskId: '1', beginTime: older.beginTime! } });
      assert.equal((await promise).taskId, '2');
      assert.equal(source.queries.length, 1);
    });

    it('rejects with TaskNotFoundError when an explicit taskId never appears within notFoundGrace', async () => {
      const { promise, source } = run(() => [makeTask({ taskId: '1' })], { taskAction: undefined, taskId: '2', notFoundGrace: 20_000 });
      const error = await rejection(promise, TaskNotFoundError);
      assert.equal(error.taskId, '2');
      assert.equal(error.taskAction, null);
      assert.match(error.message, /TaskId 2/);
      assert.equal(source.pollTimes.at(-1), T0 + 20_000);
    });

    it('rejects with TaskNotFoundError at the end of notFoundGrace, naming the actions it saw', async () => {
      const other = makeTask({ taskAction: 'RestartDBInstance' });
      const { promise, source } = run(() => [other], { notFoundGrace: 45_000 });
      const error = await rejection(promise, TaskNotFoundError);
      assert.deepEqual(error.seenActions, ['RestartDBInstance']);
      assert.equal(error.graceMs, 45_000);
      assert.deepEqual(error.taskAction, [ACTION]);
      assert.match(error.message, /RestartDBInstance/);
      assert.equal(source.pollTimes.at(-1), T0 + 45_000);
      assert.ok(source.pollTimes.every((t) => t <= T0 + 45_000));
    });
  });

  describe('server clock skew, from the server time the source reports (the HTTP Date header)', () => {
    const FAST = 90_000;

    it('fast server: never returns a same-action task that finished before the mutation, though its FinishTime is after since', async () => {
      // Finished 50 s before the mutation on the server's clock, which reads 90 s ahead of ours.
      const stale = makeTask({ taskId: '900', status: TaskStatus.Complete, beginTime: new Date(T0 + 30_000), finishTime: new Date(T0 + 40_000) });
      const fresh = makeTask({ taskId: '901', beginTime: new Date(T0 + FAST + 1_000) });
      const script: PollScript = (n) => [stale, n < 2 ? fresh : { ...fresh, status: TaskStatus.Complete, finishTime: new Date(T0 + FAST + 9_000) }];

      const skewed = run(script, {}, new VirtualClock(T0), FAST);
      assert.equal((await skewed.promise).taskId, '901');
      assert.ok(skewed.snapshots.every((s) => s.task?.taskId !== '900'));

      const headerless = run(script); // a source that reports no server time: matching as before, on our clock alone
      assert.equal((await headerless.promise).taskId, '900');
    });

    it('slow server: returns a new task that completed before the first poll, though its FinishTime is before since', async () => {
      const done = makeTask({ taskId: '902', status: TaskStatus.Complete, beginTime: new Date(T0 - FAST + 1_000), finishTime: new Date(T0 - FAST + 2_000) });

      const skewed = run(() => [done], { notFoundGrace: 10_000 }, new VirtualClock(T0), -FAST);
      assert.equal((await skewed.promise).taskId, '902');
      assert.equal(skewed.source.queries.length, 1);

      const headerless = run(() => [done], { notFoundGrace: 10_000 });
      await rejection(headerless.promise, TaskNotFoundError);
    });

    it('queries the window on the server clock once a response told it, and keeps since on our clock in the resume token', async () => {
      const skew = 5 * 60_000; // beyond clockSkewTolerance: only the estimate finds the task's minutes
      const { promise, source, snapshots } = run(
        (n) => [makeTask({ beginTime: new Date(T0 + skew + 1_000), status: n < 3 ? TaskStatus.Running : TaskStatus.Complete, remainSeconds: 100 })],
        { maxDelay: 120_000 }, new VirtualClock(T0), skew,
      );
      await promise;
      // First poll: nothing known yet, so our clock ± tolerance. Later polls: the server's clock (5 min ahead) ± tolerance.
      assert.deepEqual(source.queries.map((q) => q.startTime.toISOString()), ['2024-05-01T09:58:00.000Z', '2024-05-01T10:03:00.000Z', '2024-05-01T10:03:00.000Z']);
      assert.deepEqual(source.queries.map((q) => q.endTime.toISOString()), ['2024-05-01T10:03:00.000Z', '2024-05-01T10:09:00.000Z', '2024-05-01T10:11:00.000Z']);
      assert.ok(snapshots.every((s) => s.resumeToken.since === new Date(T0).toISOString()));
    });
  });

  describe('deadline', () => {
    it('makes one final poll exactly at the deadline, then rejects with TaskTimeoutError carrying the last snapshot', async () => {
      const { promise, source, clock } = run(() => [makeTask({ progress: 50, remainSeconds: 900 })], { timeout: 100_000 });
      const error = await rejection(promise, TaskTimeoutError);
      assert.equal(source.pollTimes.at(-1), T0 + 100_000);
      assert.ok(source.pollTimes.every((t) => t <= T0 + 100_000));
      assert.equal(clock.now(), T0 + 100_000);
      assert.equal(error.timeoutMs, 100_000);
      assert.equal(error.lastSnapshot.task?.taskId, '1001');
      assert.equal(error.resumeToken.taskId, '1001');
      assert.equal(error.resumeToken.deadline, new Date(T0 + 100_000).toISOString());
      assert.match(error.message, /still Running \(1\) at 50%.*resumeToken/);
    });

    it('the timed-out wait resumes in a "later process" from the JSON token, on the same task', async () => {
      const first = run(() => [makeTask({ taskId: '77', remainSeconds: 900 })], { timeout: 10_000 });
      const error = await rejection(first.promise, TaskTimeoutError);
      const json = encodeResumeToken(error.resumeToken);

      const clock = new VirtualClock(T0 + 3_600_000);
      const source = new StubSource(
        (n) => [makeTask({ taskId: '76', beginTime: new Date(T0 + 1_000) }), makeTask({ taskId: '77', status: n < 2 ? TaskStatus.Running : TaskStatus.Complete })],
        undefined, () => clock.now(),
      );
      const seen: ProgressSnapshot[] = [];
      const task = await waitForTask({ resumeToken: validateResumeToken(json), timeout: 600_000, client: source, clock, onProgress: (s) => { seen.push(s); } });
      assert.equal(task.taskId, '77');
      assert.equal(source.queries[0].startTime.toISOString(), '2024-05-01T09:58:00.000Z');
      assert.ok(seen.every((s) => s.resumeToken.taskId === '77'));
    });

    it('a resumed wait past its token deadline polls once and times out', async () => {
      const resumeToken = { instanceId: 'r-1', taskId: '5', taskAction: null, since: new Date(T0).toISOString(), deadline: new Date(T0 + 1_000).toISOString() };
      const { promise, source } = run(() => [makeTask({ taskId: '5' })], { resumeToken, instanceId: undefined, taskAction: undefined, since: undefined }, new VirtualClock(T0 + 50_000));
      await rejection(promise, TaskTimeoutError);
      assert.equal(source.queries.length, 1);
    });

    it('property: never sleeps zero, never polls past the deadline, and the last poll is at the deadline', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 7_200_000 }),
          fc.array(fc.record({ remain: fc.option(fc.integer({ min: 0, max: 2_000 })), status: fc.constantFrom(0, 1, 7) }), { minLength: 1, maxLength: 30 }),
          fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
          async (timeout, script, draw) => {
            const clock = new VirtualClock(T0, () => draw);
            const { promise, source } = run(
              (n) => [makeTask({ status: script[(n - 1) % script.length].status as TaskStatus, remainSeconds: script[(n - 1) % script.length].remain })],
              { timeout, onProgress: undefined },
              clock,
            );
            await rejection(promise, TaskTimeoutError);
            return clock.sleeps.every((ms) => ms >= 1) && source.pollTimes.at(-1) === T0 + timeout && source.pollTimes.every((t) => t <= T0 + timeout);
          },
        ),
        { numRuns: 60 },
      );
    });
  });

  describe('errors from the API', () => {
    it('polls on after a transient error that outlived the client retries', async () => {
      const { promise, source } = run((n) => (n === 2 ? apiError(true) : [makeTask({ status: n < 3 ? TaskStatus.Running : TaskStatus.Complete })]));
      assert.equal((await promise).status, TaskStatus.Complete);
      assert.equal(source.queries.length, 3);
    });

    it('does not hot-loop when the poll at the end of the grace fails transiently', async () => {
      const { promise, clock } = run(() => apiError(true), { notFoundGrace: 10_000, timeout: 120_000 });
      await rejection(promise, KvstoreApiError);
      assert.ok(clock.sleeps.filter((ms) => ms < 2_000).length <= 2, `sleeps: ${clock.sleeps.join(',')}`);
    });

    it('ends the wait with a non-retryable KvstoreApiError as it is', async () => {
      const failure = apiError(false);
      const { promise, source } = run((n) => (n === 2 ? failure : [makeTask()]));
      assert.equal(await rejection(promise, KvstoreApiError), failure);
      assert.equal(source.queries.length, 2);
    });

    it('throws the transient error when it hits the final poll at the deadline', async () => {
      const failure = apiError(true);
      const { promise } = run(() => failure, { timeout: 20_000 });
      assert.equal(await rejection(promise, KvstoreApiError), failure);
    });

    it('does not swallow an unexpected error', async () => {
      const { promise } = run(() => new TypeError('bug'));
      await assert.rejects(promise, TypeError);
    });
  });

  describe('validation', () => {
    it('rejects bad options before any API call', async () => {
      const { promise, source } = run(() => [makeTask()], { timeout: -1 });
      const error = await rejection(promise, InvalidOptionError);
      assert.equal(error.option, 'timeout');
      assert.equal(source.queries.length, 0);
    });
  });

  describe('progress', () => {
    it('reports the first poll, every change, and nothing for an unchanged poll', async () => {
      const progress = [10, 10, 40, 40, 100];
      const { promise, snapshots } = run((n) => [makeTask({ progress: progress[n - 1], status: n < 5 ? TaskStatus.Running : TaskStatus.Complete })], { heartbeatInterval: 60_000 });
      await promise;
      assert.deepEqual(snapshots.filter((s) => !s.heartbeat).map((s) => s.progress), [10, 40, 100]);
    });

    it('sends heartbeats at least every interval between polls, extrapolated, without API calls', async () => {
      const { promise, source, snapshots } = run(
        (n) => [makeTask({ progress: 40, remainSeconds: n === 1 ? 290 : 0, status: n === 1 ? TaskStatus.Running : TaskStatus.Complete })],
        { maxDelay: 300_000 },
      );
      await promise;
      assert.equal(source.queries.length, 2);
      const beats = snapshots.filter((s) => s.heartbeat);
      assert.deepEqual(beats.map((s) => s.elapsedMs), [60_000, 120_000, 180_000, 240_000]);
      assert.deepEqual(beats.map((s) => s.remainSeconds), [230, 170, 110, 50]);
      const progresses = beats.map((s) => s.progress ?? 0);
      assert.ok(progresses.every((p, i) => p > (i === 0 ? 40 : progresses[i - 1]) && p < 100));
      const times = snapshots.map((s) => s.elapsedMs);
      assert.ok(times.every((t, i) => i === 0 || t - times[i - 1] <= 60_000));
    });

    it('sends heartbeats while the task has not appeared yet', async () => {
      const { promise, snapshots } = run(() => [], { notFoundGrace: 150_000, minDelay: 100_000, maxDelay: 100_000, heartbeatInterval: 30_000 });
      await rejection(promise, TaskNotFoundError);
      const times = snapshots.map((s) => s.elapsedMs);
      assert.ok(snapshots.some((s) => s.heartbeat && s.task === null));
      assert.ok(times.every((t, i) => i === 0 || t - times[i - 1] <= 30_000));
    });

    it('keeps waiting when onProgress throws or rejects, and warns once', async () => {
      const warnings: Error[] = [];
      const onWarning = (w: Error): void => { warnings.push(w); };
      process.on('warning', onWarning);
      try {
        let calls = 0;
        const { promise } = run((n) => [makeTask({ progress: n * 10, status: n < 4 ? TaskStatus.Running : TaskStatus.Complete })], {
          onProgress: () => {
            calls += 1;
            if (calls % 2) throw new Error('display broke');
            return Promise.reject(new Error('async display broke'));
          },
        });
        assert.equal((await promise).status, TaskStatus.Complete);
        assert.equal(calls, 4);
        await new Promise((r) => setImmediate(r));
        const ours = warnings.filter((w) => (w as { code?: string }).code === ON_PROGRESS_WARNING_CODE);
        assert.equal(ours.length, 1);
        assert.match(ours[0].message, /display broke/);
      } finally {
        process.off('warning', onWarning);
      }
    });

    it('waits initialDelay before the first poll', async () => {
      const { promise, source } = run(() => [makeTask({ status: TaskStatus.Complete })], { initialDelay: 3_000 });
      await promise;
      assert.deepEqual(source.pollTimes, [T0 + 3_000]);
    });
  });

  describe('abort (sinon fake timers, real systemClock)', () => {
    let fake: sinon.SinonFakeTimers;
    beforeEach(() => { fake = sinon.useFakeTimers({ now: T0 }); });
    afterEach(() => fake.restore());

    function start(signal: AbortSignal, onProgress?: (s: ProgressSnapshot) => void) {
      const source = new StubSource(() => [makeTask({ remainSeconds: 600 })]);
      const promise = waitForTask({ instanceId: 'r-1', taskAction: ACTION, since: new Date(T0), client: source, signal, onProgress });
      return { source, promise };
    }

    it('rejects with TaskAbortedError during a sleep: no further request, no timer left', async () => {
      const ac = new AbortController();
      const { source, promise } = start(ac.signal, () => {});
      const settled = promise.catch((e: unknown) => e);
      await fake.tickAsync(1_000);
      assert.equal(source.queries.length, 1);
      assert.ok(fake.countTimers() > 0);
      ac.abort(new Error('Ctrl-C'));
      const error = await settled;
      assert.ok(error instanceof TaskAbortedError);
      assert.equal(error.name, 'AbortError');
      assert.equal((error.reason as Error).message, 'Ctrl-C');
      assert.equal(error.resumeToken.taskId, '1001');
      assert.equal(fake.countTimers(), 0);
      await fake.tickAsync(3_600_000);
      assert.equal(source.queries.length, 1);
    });

    it('sends no request at all when the signal is already aborted', async () => {
      const ac = new AbortController();
      ac.abort();
      const { source, promise } = start(ac.signal);
      await rejection(promise, TaskAbortedError);
      assert.equal(source.queries.length, 0);
      assert.equal(fake.countTimers(), 0);
    });
  });

  it('leaves no active timer handle after an abort on real timers', async () => {
    const ac = new AbortController();
    const source = new StubSource(() => [makeTask({ remainSeconds: 600 })]);
    const promise = waitForTask({ instanceId: 'r-1', taskAction: ACTION, client: source, signal: ac.signal, minDelay: 60_000, heartbeatInterval: 60_000 });
    await new Promise((r) => setImmediate(r));
    assert.equal(source.queries.length, 1);
    const timersBefore = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    assert.ok(timersBefore >= 1);
    ac.abort();
    await rejection(promise, TaskAbortedError);
    assert.equal(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length, timersBefore - 1);
  });
});
