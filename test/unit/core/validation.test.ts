import * as assert from 'node:assert/strict';
import { InvalidOptionError } from '../../../src/core/errors';
import { createResumeToken } from '../../../src/core/resume';
import { validateWaitOptions } from '../../../src/core/validation';
import type { WaitForTaskOptions } from '../../../src/core/wait-options';
import { StubSource } from './helpers';

const now = Date.parse('2024-05-01T10:00:00Z');
const ok: WaitForTaskOptions = { instanceId: 'r-bp1', taskAction: 'ModifyDBInstanceClass' };

function rejects(options: unknown, option: string, pattern: RegExp = /./): void {
  assert.throws(
    () => validateWaitOptions(options as WaitForTaskOptions, now),
    (e: unknown) => e instanceof InvalidOptionError && e.option === option && pattern.test(e.message),
    `expected InvalidOptionError for ${option}`,
  );
}

describe('core/validation validateWaitOptions', () => {
  it('fills in the documented defaults', () => {
    const plan = validateWaitOptions(ok, now);
    assert.deepEqual(plan.taskActions, ['ModifyDBInstanceClass']);
    assert.equal(plan.taskId, null);
    assert.equal(plan.since.getTime(), now);
    assert.equal(plan.deadline, now + 60 * 60_000);
    assert.equal(plan.notFoundGrace, 180_000);
    assert.equal(plan.clockSkewTolerance, 120_000);
    assert.equal(plan.minDelay, 2_000);
    assert.equal(plan.maxDelay, 60_000);
    assert.equal(plan.heartbeatInterval, 60_000);
    assert.equal(plan.initialDelay, 0);
    assert.equal(plan.onPaused, 'wait');
    assert.equal(plan.pausedTimeout, null);
    assert.equal(plan.select, 'earliest');
  });

  it('normalizes taskAction lists and keeps explicit values', () => {
    const since = new Date(now - 5_000);
    const plan = validateWaitOptions({ ...ok, taskAction: ['A', 'B', 'A'], taskId: '9', since, timeout: 1_000, maxDelay: 5_000, minDelay: 5_000 }, now);
    assert.deepEqual(plan.taskActions, ['A', 'B']);
    assert.equal(plan.taskId, '9');
    assert.equal(plan.since, since);
    assert.equal(plan.deadline, now + 1_000);
    assert.equal(validateWaitOptions({ ...ok, minDelay: 90_000 }, now).maxDelay, 90_000);
  });

  it('rejects bad identifiers and targets', () => {
    rejects(null, 'options');
    rejects({ taskAction: 'A' }, 'instanceId', /required/);
    rejects({ ...ok, instanceId: '' }, 'instanceId', /empty/);
    rejects({ ...ok, instanceId: 'r-1 ' }, 'instanceId', /whitespace/);
    rejects({ ...ok, instanceId: 42 }, 'instanceId', /string/);
    rejects({ instanceId: 'r-1' }, 'taskAction', /required/);
    rejects({ ...ok, taskAction: [] }, 'taskAction', /non-empty list/);
    rejects({ ...ok, taskAction: ['A', ''] }, 'taskAction[1]', /empty/);
    rejects({ ...ok, taskId: '' }, 'taskId', /empty/);
    rejects({ ...ok, taskId: 5 }, 'taskId', /string/);
    rejects({ ...ok, timout: 5 }, 'timout', /unknown option/);
  });

  it('rejects bad times and durations', () => {
    rejects({ ...ok, since: new Date('nope') }, 'since', /invalid Date/);
    rejects({ ...ok, since: '2024-05-01T10:00:00Z' }, 'since', /expected a Date/);
    rejects({ ...ok, since: new Date(now + 3 * 60_000) }, 'since', /future/);
    rejects({ ...ok, timeout: 0 }, 'timeout', /greater than 0/);
    rejects({ ...ok, timeout: Infinity }, 'timeout', /finite/);
    rejects({ ...ok, timeout: '30m' }, 'timeout', /finite number/);
    rejects({ ...ok, notFoundGrace: -1 }, 'notFoundGrace', /at least 0/);
    rejects({ ...ok, clockSkewTolerance: NaN }, 'clockSkewTolerance');
    rejects({ ...ok, minDelay: 0 }, 'minDelay', /greater than 0/);
    rejects({ ...ok, minDelay: 5_000, maxDelay: 4_000 }, 'maxDelay', /at least minDelay/);
    rejects({ ...ok, maxDelay: 2 ** 31 }, 'maxDelay', /at most/);
    rejects({ ...ok, heartbeatInterval: 61_000 }, 'heartbeatInterval', /at most 60000/);
    rejects({ ...ok, initialDelay: -5 }, 'initialDelay');
    rejects({ ...ok, pausedTimeout: -5 }, 'pausedTimeout');
  });

  it('rejects bad modes and callbacks', () => {
    rejects({ ...ok, onPaused: 'stop' }, 'onPaused', /'wait' or 'fail'/);
    rejects({ ...ok, onPaused: 'fail', pausedTimeout: 5 }, 'pausedTimeout', /only applies/);
    rejects({ ...ok, onProgress: 'log' }, 'onProgress', /function/);
    rejects({ ...ok, signal: {} }, 'signal', /AbortSignal/);
    rejects({ ...ok, clock: { now: () => 0 } }, 'clock');
    rejects({ ...ok, client: {} }, 'client', /TaskSource/);
    rejects({ ...ok, client: new StubSource(() => []), regionId: 'cn-hangzhou' }, 'regionId', /either "client"/);
    rejects({ ...ok, endpoint: '' }, 'endpoint', /empty/);
    rejects({ ...ok, select: 'first' }, 'select');
    rejects({ ...ok, after: { taskId: '1', beginTime: new Date() } }, 'after', /select: 'newest'/);
    rejects({ ...ok, select: 'newest', after: { taskId: '1', beginTime: 'yesterday' } }, 'after.beginTime', /invalid Date/);
    rejects({ ...ok, select: 'newest', after: 'x' }, 'after');
  });

  it("accepts select: 'newest' with after as an ISO string", () => {
    const plan = validateWaitOptions({ ...ok, select: 'newest', after: { taskId: '1', beginTime: '2024-05-01T09:00:00Z' } }, now);
    assert.equal(plan.after?.beginTime.toISOString(), '2024-05-01T09:00:00.000Z');
  });

  it('restores from a resume token, with the token deadline or a fresh timeout', () => {
    const resumeToken = createResumeToken({ instanceId: 'r-9', taskId: '5', taskActions: null, since: new Date(now - 60_000), deadline: now + 10_000 });
    const plan = validateWaitOptions({ resumeToken }, now);
    assert.equal(plan.instanceId, 'r-9');
    assert.equal(plan.taskId, '5');
    assert.equal(plan.deadline, now + 10_000);
    assert.equal(validateWaitOptions({ resumeToken, timeout: 5_000 }, now).deadline, now + 5_000);
    rejects({ resumeToken, instanceId: 'r-8' }, 'instanceId', /contradicts/);
    rejects({ resumeToken: { ...resumeToken, since: 'x' } }, 'resumeToken', /"since"/);
  });
});
