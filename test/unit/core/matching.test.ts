import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { beginTimeFloor, selectBlockingTask, selectTask, serverSince, type MatchCriteria } from '../../../src/core/matching';
import { NO_CLOCK_OFFSET } from '../../../src/core/server-clock';
import { TaskStatus } from '../../../src/core/task';
import { makeTask } from './helpers';

const since = new Date('2024-05-01T10:00:00Z');
const base: MatchCriteria = {
  taskId: null, taskIdHint: null, taskActions: ['ModifyDBInstanceClass'], since, clockSkewTolerance: 120_000, select: 'earliest', after: null, ignoreTaskIds: [],
};
const at = (iso: string): Date => new Date(`2024-05-01T${iso}Z`);

describe('core/matching selectTask', () => {
  it('matches an exact taskId whatever its age or status', () => {
    const old = makeTask({ taskId: '7', beginTime: at('08:00:00'), status: TaskStatus.Complete, finishTime: at('08:10:00') });
    assert.equal(selectTask([makeTask({ taskId: '8' }), old], { ...base, taskId: '7' }), old);
    assert.equal(selectTask([makeTask({ taskId: '8' })], { ...base, taskId: '7' }), null);
  });

  it('never matches the stale finished task with the same action', () => {
    const stale = makeTask({ taskId: '1', beginTime: at('09:58:30'), status: TaskStatus.Complete, finishTime: at('09:59:40') });
    assert.equal(selectTask([stale], base), null);
    const fresh = makeTask({ taskId: '2', beginTime: at('10:00:20') });
    assert.equal(selectTask([stale, fresh], base), fresh);
  });

  it('matches a task that finished within the same second as since (FinishTime has whole-second precision)', () => {
    const sentAt = new Date('2024-05-01T10:00:00.600Z');
    const quick = makeTask({ taskId: '3', beginTime: at('10:00:00'), status: TaskStatus.Complete, finishTime: at('10:00:00') });
    assert.equal(selectTask([quick], { ...base, since: sentAt }), quick);
    const earlier = makeTask({ taskId: '4', beginTime: at('09:59:58'), status: TaskStatus.Complete, finishTime: at('09:59:59') });
    assert.equal(selectTask([earlier], { ...base, since: sentAt }), null);
  });

  it('accepts a task whose BeginTime is skewed before since, within the tolerance', () => {
    const skewed = makeTask({ beginTime: at('09:58:30') });
    assert.equal(selectTask([skewed], base), skewed);
    assert.equal(selectTask([makeTask({ beginTime: at('09:57:59') })], base), null);
  });

  it('accepts a fast task that finished after since', () => {
    const done = makeTask({ beginTime: at('09:59:50'), status: TaskStatus.Complete, finishTime: at('10:00:30') });
    assert.equal(selectTask([done], base), done);
  });

  it('ignores other actions and tasks without a readable BeginTime', () => {
    assert.equal(selectTask([makeTask({ taskAction: 'RestartDBInstance' }), makeTask({ beginTime: null })], base), null);
  });

  it('picks the earliest of several matches, ties broken by numeric TaskId', () => {
    const a = makeTask({ taskId: '10', beginTime: at('10:01:00') });
    const b = makeTask({ taskId: '9', beginTime: at('10:01:00') });
    const c = makeTask({ taskId: '3', beginTime: at('10:02:00') });
    assert.equal(selectTask([c, a, b], base), b);
  });

  it('prefers the hinted TaskId when listed, else falls back to the action rules', () => {
    const hinted = makeTask({ taskId: 'h', beginTime: at('10:05:00') });
    const other = makeTask({ taskId: 'o', beginTime: at('10:01:00') });
    assert.equal(selectTask([other, hinted], { ...base, taskIdHint: 'h' }), hinted);
    assert.equal(selectTask([other], { ...base, taskIdHint: 'h' }), other);
  });

  it('never matches an ignored TaskId by action', () => {
    const blocker = makeTask({ taskId: 'old', beginTime: at('09:59:00'), status: TaskStatus.Interrupted });
    assert.equal(selectTask([blocker], base), blocker);
    assert.equal(selectTask([blocker], { ...base, ignoreTaskIds: ['old'] }), null);
  });

  it('returns null with only a hint and no actions', () => {
    assert.equal(selectTask([makeTask()], { ...base, taskActions: null, taskIdHint: 'zz' }), null);
  });

  describe('serverClockOffset: since moved onto the server clock that stamped BeginTime and FinishTime', () => {
    // Server 90 s fast: the bounds an HTTP Date header gives (1 s truncation plus the round trip).
    const fast: MatchCriteria = { ...base, serverClockOffset: { min: 89_200, max: 90_600 } };
    // Server 90 s slow.
    const slow: MatchCriteria = { ...base, serverClockOffset: { min: -90_400, max: -89_300 } };

    it('fast server: a same-action task that finished before the mutation is stale, though its FinishTime is after since', () => {
      const stale = makeTask({ taskId: '1', beginTime: at('10:00:30'), status: TaskStatus.Complete, finishTime: at('10:00:40') });
      const fresh = makeTask({ taskId: '2', beginTime: at('10:01:31') });
      assert.equal(selectTask([stale, fresh], base), stale, 'without the offset, the stale task wins');
      assert.equal(selectTask([stale, fresh], fast), fresh);
    });

    it('slow server: a new task that already completed is fresh, though its FinishTime is before since', () => {
      const done = makeTask({ taskId: '3', beginTime: at('09:58:31'), status: TaskStatus.Complete, finishTime: at('09:58:32') });
      assert.equal(selectTask([done], base), null, 'without the offset, it looks stale');
      assert.equal(selectTask([done], slow), done);
    });

    it('moves the BeginTime floor by the lower bound: since + offset.min − clockSkewTolerance', () => {
      const early = makeTask({ beginTime: at('09:59:28') }); // 121.2 s before since + 89.2 s
      assert.equal(selectTask([early], base), early);
      assert.equal(selectTask([early], fast), null);
      assert.equal(selectTask([makeTask({ beginTime: at('09:59:30') })], fast)?.beginTime?.toISOString(), at('09:59:30').toISOString());
      const late = makeTask({ beginTime: at('09:56:30') }); // within 120 s of since − 90.4 s
      assert.equal(selectTask([late], base), null);
      assert.equal(selectTask([late], slow), late);
      assert.equal(beginTimeFloor(fast), since.getTime() + 89_200 - 120_000);
      assert.equal(serverSince(slow).getTime(), since.getTime() - 90_400);
    });

    it('an offset of zero is the behaviour without one', () => {
      const tasks = [
        makeTask({ taskId: '1', beginTime: at('09:59:00'), status: TaskStatus.Complete, finishTime: at('09:59:59') }),
        makeTask({ taskId: '2', beginTime: at('10:00:00'), status: TaskStatus.Complete, finishTime: at('10:00:00') }),
      ];
      assert.equal(selectTask(tasks, { ...base, serverClockOffset: NO_CLOCK_OFFSET }), selectTask(tasks, base));
      assert.equal(selectTask(tasks, base)?.taskId, '2');
    });

    it('property: an exact offset d matches as since + d would', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: -300_000, max: 300_000 }),
          fc.array(fc.record({ begin: fc.integer({ min: -900, max: 900 }), duration: fc.integer({ min: 0, max: 300 }), done: fc.boolean() }), { maxLength: 8 }),
          (d, specs) => {
            const tasks = specs.map((t, i) => makeTask({
              taskId: String(i + 1), beginTime: new Date(since.getTime() + t.begin * 1000),
              status: t.done ? TaskStatus.Complete : TaskStatus.Running, finishTime: t.done ? new Date(since.getTime() + (t.begin + t.duration) * 1000) : null,
            }));
            return selectTask(tasks, { ...base, serverClockOffset: { min: d, max: d } }) === selectTask(tasks, { ...base, since: new Date(since.getTime() + d) });
          },
        ),
      );
    });

    it('property: a task begun after the mutation on the server clock is never judged stale, wherever in the bounds the true offset is', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: -300_000, max: 300_000 }), // lower bound of the estimate
          fc.integer({ min: 0, max: 3_000 }), // width of the estimate
          fc.double({ min: 0, max: 1, noNaN: true }), // where the true offset lies in it
          fc.integer({ min: 0, max: 5_000 }), // from the mutation to the task's start (server clock)
          fc.integer({ min: 0, max: 5_000 }), // its duration
          (min, width, where, after, duration) => {
            const trueOffset = min + Math.round(width * where);
            const sec = (ms: number): Date => new Date(Math.floor(ms / 1000) * 1000); // stamps are whole seconds
            const start = since.getTime() + trueOffset + after;
            const task = makeTask({ beginTime: sec(start), status: TaskStatus.Complete, finishTime: sec(start + duration) });
            return selectTask([task], { ...base, serverClockOffset: { min, max: min + width } }) === task;
          },
        ),
      );
    });
  });

  describe("select: 'newest'", () => {
    const newest: MatchCriteria = { ...base, select: 'newest', since: at('09:00:00'), clockSkewTolerance: 0 };
    it('picks the newest task, finished ones included', () => {
      const older = makeTask({ taskId: '1', beginTime: at('09:10:00'), status: TaskStatus.Complete, finishTime: at('09:20:00') });
      const newer = makeTask({ taskId: '2', beginTime: at('09:30:00'), status: TaskStatus.Complete, finishTime: at('09:40:00') });
      assert.equal(selectTask([newer, older], newest), newer);
    });
    it('only matches tasks newer than the previously recorded one', () => {
      const prev = makeTask({ taskId: '2', beginTime: at('09:30:00'), status: TaskStatus.Complete });
      const criteria = { ...newest, after: { taskId: '2', beginTime: at('09:30:00') } };
      assert.equal(selectTask([prev], criteria), null);
      const next = makeTask({ taskId: '3', beginTime: at('09:45:00') });
      assert.equal(selectTask([prev, next], criteria), next);
      assert.equal(selectTask([makeTask({ taskId: '1', beginTime: at('09:10:00') })], criteria), null);
    });
    it('ignores tasks older than the look-back', () => {
      assert.equal(selectTask([makeTask({ beginTime: at('08:59:00') })], newest), null);
    });
  });

  it('property: an earliest-mode match always has a listed action, BeginTime >= floor, and is not stale', () => {
    const arbTask = fc.record({
      id: fc.integer({ min: 1, max: 50 }),
      action: fc.constantFrom('ModifyDBInstanceClass', 'RestartDBInstance'),
      beginOffset: fc.integer({ min: -600, max: 600 }),
      duration: fc.integer({ min: 0, max: 600 }),
      status: fc.constantFrom(0, 1, 2, 4, 7, 8),
    });
    fc.assert(
      fc.property(fc.array(arbTask, { maxLength: 12 }), (specs) => {
        const tasks = specs.map((s) => {
          const begin = since.getTime() + s.beginOffset * 1000;
          const terminal = s.status === 2 || s.status === 4 || s.status === 8;
          return makeTask({
            taskId: String(s.id), taskAction: s.action, status: s.status as TaskStatus,
            beginTime: new Date(begin), finishTime: terminal ? new Date(begin + s.duration * 1000) : null,
          });
        });
        const m = selectTask(tasks, base);
        const eligible = tasks.filter((t) =>
          t.taskAction === 'ModifyDBInstanceClass' && t.beginTime!.getTime() >= since.getTime() - 120_000 &&
          !(t.finishTime !== null && t.finishTime.getTime() < since.getTime()));
        if (eligible.length === 0) return m === null;
        return m !== null && eligible.includes(m) && eligible.every((t) => t.beginTime!.getTime() >= m.beginTime!.getTime());
      }),
    );
  });
});

describe('core/matching selectBlockingTask', () => {
  it('returns the newest pending, running or paused task', () => {
    const running = makeTask({ taskId: '1', status: TaskStatus.Running, beginTime: at('09:00:00') });
    const paused = makeTask({ taskId: '2', status: TaskStatus.Paused, beginTime: at('09:30:00') });
    const done = makeTask({ taskId: '3', status: TaskStatus.Complete, beginTime: at('09:50:00') });
    assert.equal(selectBlockingTask([running, paused, done]), paused);
    assert.equal(selectBlockingTask([done, makeTask({ status: TaskStatus.Closed })]), null);
    const pending = makeTask({ taskId: '4', status: TaskStatus.Pending, beginTime: at('09:40:00') });
    assert.equal(selectBlockingTask([running, pending]), pending);
  });
});
