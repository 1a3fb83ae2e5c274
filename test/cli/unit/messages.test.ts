import { strict as assert } from 'node:assert';
import { parseCommandLine } from '../../../src/cli/args';
import { describeError, flagOfOption, type ErrorContext } from '../../../src/cli/error-message';
import { InterruptSignal } from '../../../src/cli/outcome';
import { formatResumeCommand, shellQuote } from '../../../src/cli/resume-command';
import { KvstoreApiError } from '../../../src/client/errors';
import {
  InvalidOptionError,
  TaskAbortedError,
  TaskFailedError,
  TaskPausedTimeoutError,
  TaskTimeoutError,
} from '../../../src/core/errors';
import { TaskStatus } from '../../../src/core/task';
import { makeNotFoundError, makeSnapshot, makeTask, makeToken } from '../fixtures';

const ctx: ErrorContext = { instanceId: 'r-1', regionId: 'cn-hangzhou', endpoint: '127.0.0.1:9000', timeoutMs: 1_800_000 };

describe('cli/resume-command', () => {
  it('quotes only words that need it', () => {
    assert.equal(shellQuote('r-bp1abc'), 'r-bp1abc');
    assert.equal(shellQuote('2024-05-01T10:00:00.000Z'), '2024-05-01T10:00:00.000Z');
    assert.equal(shellQuote('a b'), "'a b'");
    assert.equal(shellQuote("it's"), "'it'\\''s'");
  });

  it('builds a command that parses back to the same wait', () => {
    const command = formatResumeCommand(makeToken({ taskAction: ['A', 'B'] }), ctx);
    assert.equal(
      command,
      'kvwait wait --instance-id r-1 --task-id 1001 --task-action A,B --since 2024-05-01T09:59:00.000Z --region cn-hangzhou --endpoint 127.0.0.1:9000 --timeout 30m00s',
    );
    const reparsed = parseCommandLine(command.split(' ').slice(1), new Date());
    assert.equal(reparsed.kind, 'wait');
    if (reparsed.kind !== 'wait') return;
    assert.equal(reparsed.taskId, '1001');
    assert.deepEqual(reparsed.taskAction, ['A', 'B']);
    assert.equal(reparsed.since?.toISOString(), '2024-05-01T09:59:00.000Z');
    assert.equal(reparsed.timeoutMs, 1_800_000);
  });

  it('falls back to the action when no task was matched yet, and omits flags that were not given', () => {
    const command = formatResumeCommand(makeToken({ taskId: null }), { regionId: null, endpoint: null, timeoutMs: null });
    assert.equal(command, 'kvwait wait --instance-id r-1 --task-action ModifyInstanceSpec --since 2024-05-01T09:59:00.000Z');
  });
});

describe('cli/error-message', () => {
  it('maps library option names to flags', () => {
    assert.equal(flagOfOption('timeout'), '--timeout');
    assert.equal(flagOfOption('taskAction'), '--task-action');
    assert.equal(flagOfOption('notFoundGrace'), '--not-found-grace');
    assert.equal(flagOfOption('regionId'), '--region');
    assert.equal(flagOfOption('--since'), '--since');
  });

  it('says what went wrong and what to do, in one or two lines without a stack trace', () => {
    const errors = [
      new InvalidOptionError('timeout', 'must be a positive number of milliseconds'),
      new TaskFailedError(makeTask({ status: TaskStatus.Interrupted }), { name: 'init_redis', progress: 40, remainSeconds: null }, 'x'),
      new TaskFailedError(makeTask({ status: TaskStatus.Paused }), null, 'x'),
      new TaskPausedTimeoutError(makeTask({ status: TaskStatus.Paused }), null, 600_000, makeToken(), 'x'),
      new TaskTimeoutError(1_800_000, makeSnapshot(makeTask()), 'x'),
      makeNotFoundError('x'),
      new TaskAbortedError(new InterruptSignal('SIGINT'), makeSnapshot(makeTask()), 'x'),
      new KvstoreApiError(
        { action: 'DescribeTasks', code: 'Throttling.User', requestId: 'r', statusCode: 400, retryable: true, attempts: 5 },
        'DescribeTasks failed with Throttling.User (HTTP 400) after 5 attempts. Retry later.',
      ),
      new Error('boom'),
    ];
    for (const error of errors) {
      const lines = describeError(error, ctx);
      assert.ok(lines.length >= 1 && lines.length <= 2, error.constructor.name);
      assert.match(lines[0], /^kvwait: /);
      assert.ok(lines.every((l) => !l.includes('\n') && !/\bat .+:\d+:\d+/.test(l)), error.constructor.name);
    }
  });

  it('names the flag for option errors and the step and status for failed tasks', () => {
    assert.deepEqual(describeError(new InvalidOptionError('notFoundGrace', 'must not be negative'), ctx), [
      'kvwait: --not-found-grace: must not be negative.',
      'Run "kvwait --help" for usage.',
    ]);
    const failed = describeError(new TaskFailedError(makeTask({ status: TaskStatus.Closed }), { name: 'exec_task', progress: 0, remainSeconds: null }, 'x'), ctx);
    assert.equal(failed[0], 'kvwait: task 1001 (ModifyInstanceSpec) on r-1 ended closed at step exec_task.');
    assert.match(describeError(new TaskFailedError(makeTask({ status: TaskStatus.Paused }), null, 'x'), ctx)[1], /--fail-on-paused/);
  });

  it('prints the exact resume command on interruption and timeout', () => {
    const aborted = describeError(new TaskAbortedError(new InterruptSignal('SIGINT'), makeSnapshot(makeTask()), 'x'), ctx);
    assert.equal(aborted[1], `Resume the wait with: ${formatResumeCommand(makeToken(), ctx)}`);
    const timeout = describeError(new TaskTimeoutError(1_800_000, makeSnapshot(makeTask()), 'x'), ctx);
    assert.match(timeout[0], /timed out after 30m00s; last seen: task 1001 \(ModifyInstanceSpec\) running 46%/);
    assert.match(timeout[1], /--task-id 1001 .*--since 2024-05-01T09:59:00.000Z/);
  });

  it('lists the actions it did see when no task matched', () => {
    const lines = describeError(makeNotFoundError('x'), ctx);
    assert.match(lines[0], /^kvwait: no ModifyInstanceSpec task began on r-1 since 2024-05-01T10:00:00.000Z within 3m00s/);
    assert.match(lines[0], /tasks seen: RestartInstance/);
  });
});
