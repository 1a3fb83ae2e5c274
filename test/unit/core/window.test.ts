import * as assert from 'node:assert/strict';
import { ALL_TASK_STATUSES } from '../../../src/core/task';
import { queryWindow } from '../../../src/core/window';

describe('core/window queryWindow', () => {
  it('runs from floor-minute(since - tolerance) to the minute after now + tolerance, every status', () => {
    const w = queryWindow(new Date('2024-05-01T10:00:30Z'), 120_000, Date.parse('2024-05-01T10:05:10Z'));
    assert.equal(w.startTime.toISOString(), '2024-05-01T09:58:00.000Z');
    assert.equal(w.endTime.toISOString(), '2024-05-01T10:08:00.000Z');
    assert.deepEqual(w.statuses, ALL_TASK_STATUSES);
  });
  it('moves its end with now on every poll and keeps its start', () => {
    const since = new Date('2024-05-01T10:00:00Z');
    const a = queryWindow(since, 0, Date.parse('2024-05-01T10:00:00Z'));
    const b = queryWindow(since, 0, Date.parse('2024-05-01T10:03:59.999Z'));
    assert.equal(a.startTime.getTime(), b.startTime.getTime());
    assert.equal(a.endTime.toISOString(), '2024-05-01T10:01:00.000Z');
    assert.equal(b.endTime.toISOString(), '2024-05-01T10:04:00.000Z');
  });
  it('reads since and now on the server clock: start moved by the offset\'s lower bound, end by its upper bound', () => {
    const since = new Date('2024-05-01T10:00:30Z');
    const now = Date.parse('2024-05-01T10:05:10Z');
    const fast = queryWindow(since, 120_000, now, { min: 89_000, max: 90_500 });
    assert.equal(fast.startTime.toISOString(), '2024-05-01T09:59:00.000Z');
    assert.equal(fast.endTime.toISOString(), '2024-05-01T10:09:00.000Z');
    const slow = queryWindow(since, 0, now, { min: -300_600, max: -299_400 });
    assert.equal(slow.startTime.toISOString(), '2024-05-01T09:55:00.000Z');
    assert.equal(slow.endTime.toISOString(), '2024-05-01T10:01:00.000Z');
    assert.deepEqual(queryWindow(since, 120_000, now, { min: 0, max: 0 }), queryWindow(since, 120_000, now));
  });
});
