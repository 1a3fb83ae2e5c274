import { strict as assert } from 'node:assert';
import { PassThrough } from 'node:stream';
import { colorEnabled, painter } from '../../../src/cli/color';
import { barFields, LogLineDisplay, ProgressBarDisplay } from '../../../src/cli/display';
import { describeSnapshot, formatLogLine, stepText } from '../../../src/core/progress-text';
import { formatTasksTable } from '../../../src/cli/tasks-table';
import { TaskStatus } from '../../../src/core/task';
import { CONTROL_CHARS, makeSnapshot, makeTask } from '../fixtures';

describe('core/progress-text', () => {
  it('describes a running task with status, percent, step i/n and ETA', () => {
    assert.equal(
      describeSnapshot(makeSnapshot(makeTask()), 'r-1'),
      'task 1001 (ModifyInstanceSpec) running 46%, step init_redis 2/3, about 1m47s left',
    );
  });

  it('describes the wait before the task appears, and marks heartbeats', () => {
    assert.equal(describeSnapshot(makeSnapshot(null), 'r-1'), 'waiting for ModifyInstanceSpec to appear on r-1 (12s)');
    const heartbeat = describeSnapshot(makeSnapshot(makeTask({ remainSeconds: null }), { remainSeconds: null, heartbeat: true }), 'r-1');
    assert.equal(heartbeat, 'task 1001 (ModifyInstanceSpec) running 46%, step init_redis 2/3 (still waiting)');
  });

  it('leaves out what is unknown', () => {
    assert.equal(stepText({ currentStep: null, stepIndex: null, stepCount: null }), '');
    assert.equal(stepText({ currentStep: null, stepIndex: 1, stepCount: 4 }), 'step 1/4');
    const bare = makeTask({ progress: null, currentStep: null, stepProgress: null, steps: [], remainSeconds: null, status: TaskStatus.Pending });
    assert.equal(describeSnapshot(makeSnapshot(bare), 'r-1'), 'task 1001 (ModifyInstanceSpec) pending --%');
  });

  it('timestamps log lines in UTC to the second, with no control characters', () => {
    const line = formatLogLine(new Date('2024-05-01T10:00:05.678Z'), describeSnapshot(makeSnapshot(makeTask()), 'r-1'));
    assert.match(line, /^2024-05-01T10:00:05Z task 1001/);
    assert.doesNotMatch(line, CONTROL_CHARS);
  });
});

describe('cli/display', () => {
  it('writes one timestamped line per snapshot in CI mode', () => {
    const written: string[] = [];
    const display = new LogLineDisplay({ write: (t) => written.push(t), now: () => new Date('2024-05-01T10:00:00Z'), instanceId: 'r-1' });
    display.update(makeSnapshot(null));
    display.update(makeSnapshot(makeTask()));
    display.update(makeSnapshot(makeTask(), { heartbeat: true }));
    display.stop();
    assert.equal(written.length, 3);
    assert.ok(written.every((l) => l.startsWith('2024-05-01T10:00:00Z ') && l.endsWith('\n')));
    assert.match(written[2], /\(still waiting\)\n$/);
    assert.doesNotMatch(written.join(''), CONTROL_CHARS);
  });

  it('feeds the bar the task, step i/n, percent and the server ETA', () => {
    assert.deepEqual(barFields(makeSnapshot(makeTask()), 'r-1'), {
      value: 46,
      label: 'task 1001 (ModifyInstanceSpec) running',
      pct: '46%',
      step: 'step init_redis 2/3',
      remain: 'ETA 1m47s',
    });
    const waiting = barFields(makeSnapshot(null), 'r-1');
    assert.equal(waiting.label, 'waiting for ModifyInstanceSpec on r-1');
    assert.equal(waiting.remain, 'ETA --');
  });

  it('draws the bar on a TTY stream and stops its redraw timer', () => {
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    let out = '';
    stream.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const display = new ProgressBarDisplay({ stream, paint: painter(false), instanceId: 'r-1' });
    display.update(makeSnapshot(makeTask()));
    display.stop();
    display.stop();
    assert.match(out, /task 1001 \(ModifyInstanceSpec\) running \[[^\]]{24}\] 46% \| step init_redis 2\/3 \| ETA 1m47s/);
  });

  it('colours only a TTY, and never when NO_COLOR is set', () => {
    assert.equal(colorEnabled({}, true), true);
    assert.equal(colorEnabled({}, false), false);
    assert.equal(colorEnabled({ NO_COLOR: '1' }, true), false);
    assert.equal(colorEnabled({ NO_COLOR: '' }, true), true);
    assert.equal(painter(false).red('x'), 'x');
    assert.equal(painter(true).red('x'), '\x1b[31mx\x1b[39m');
  });
});

describe('cli/tasks-table', () => {
  it('aligns columns under a header, with - for unknown values', () => {
    const table = formatTasksTable([
      makeTask(),
      makeTask({ taskId: '7', taskAction: 'RestartInstance', status: TaskStatus.Complete, progress: null, currentStep: null, stepProgress: null, finishTime: new Date('2024-05-01T10:03:00Z') }),
    ]);
    assert.equal(
      table,
      [
        'TASK ID  ACTION              STATUS    PROGRESS  STEP            BEGIN                 FINISH',
        '1001     ModifyInstanceSpec  running   46%       init_redis 2/3  2024-05-01T10:00:00Z  -',
        '7        RestartInstance     complete  -         -               2024-05-01T10:00:00Z  2024-05-01T10:03:00Z',
      ].join('\n'),
    );
  });

  it('says so when there are no tasks', () => {
    assert.equal(formatTasksTable([]), 'No tasks in this time window.');
  });
});
