import { strict as assert } from 'node:assert';
import { buildJsonResult } from '../../../src/cli/json-result';
import { classifyEnding, ExitCode, InterruptSignal, interruptExitCode } from '../../../src/cli/outcome';
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

const closed = makeTask({ status: TaskStatus.Closed, progress: 60 });
const apiError = new KvstoreApiError(
  { action: 'DescribeTasks', code: 'InvalidAccessKeyId.NotFound', requestId: 'req-1', statusCode: 404, retryable: false, attempts: 1 },
  'DescribeTasks failed with InvalidAccessKeyId.NotFound (HTTP 404, request id req-1) after 1 attempt. Check the key.',
);
const notFound = makeNotFoundError();

describe('cli/outcome', () => {
  it('maps every ending to its documented outcome and exit code', () => {
    const cases: Array<[unknown, string, number]> = [
      [null, 'complete', 0],
      [new InvalidOptionError('--timeout', 'bad'), 'error', 2],
      [new TaskFailedError(closed, null, 'closed'), 'failed', 3],
      [new TaskPausedTimeoutError(makeTask({ status: TaskStatus.Paused }), null, 60_000, makeToken(), 'paused'), 'failed', 3],
      [new TaskTimeoutError(60_000, makeSnapshot(makeTask()), 'timeout'), 'timeout', 4],
      [notFound, 'not_found', 4],
      [new TaskAbortedError(new InterruptSignal('SIGINT'), makeSnapshot(makeTask()), 'aborted'), 'aborted', 130],
      [new TaskAbortedError(new InterruptSignal('SIGTERM'), makeSnapshot(makeTask()), 'aborted'), 'aborted', 143],
      [apiError, 'error', 5],
      [new Error('socket hang up'), 'error', 5],
    ];
    for (const [error, outcome, exitCode] of cases) {
      assert.deepEqual(classifyEnding(error), { outcome, exitCode }, String((error as Error | null)?.constructor?.name));
    }
  });

  it('gives 130 for an interruption without a known signal', () => {
    assert.equal(interruptExitCode(undefined), ExitCode.Sigint);
    assert.equal(interruptExitCode(new InterruptSignal('SIGTERM')), ExitCode.Sigterm);
  });
});

describe('cli/json-result', () => {
  it('prints a task with ISO times and its status number', () => {
    const done = makeTask({ status: TaskStatus.Complete, progress: 100, finishTime: new Date('2024-05-01T10:05:00Z') });
    assert.deepEqual(buildJsonResult({ outcome: 'complete', task: done, error: null, elapsedMs: 0, apiCalls: 0 }).task, {
      taskId: '1001',
      taskAction: 'ModifyInstanceSpec',
      status: 2,
      progress: 100,
      beginTime: '2024-05-01T10:00:00.000Z',
      finishTime: '2024-05-01T10:05:00.000Z',
      currentStep: 'init_redis',
      steps: done.steps,
    });
  });

  it('has exactly the documented keys on success', () => {
    const result = buildJsonResult({ outcome: 'complete', task: makeTask(), error: null, elapsedMs: 1234.4, apiCalls: 7 });
    assert.deepEqual(Object.keys(result).sort(), ['apiCalls', 'elapsedMs', 'outcome', 'task']);
    assert.equal(result.elapsedMs, 1234);
    assert.equal(result.apiCalls, 7);
  });

  it('takes the task from the error, and adds the error and a resume token when there is one', () => {
    const timeout = new TaskTimeoutError(60_000, makeSnapshot(makeTask({ progress: 80 })), 'timed out');
    const result = buildJsonResult({ outcome: 'timeout', task: null, error: timeout, elapsedMs: 60_000, apiCalls: 3 });
    assert.equal(result.task?.progress, 80);
    assert.deepEqual(result.error, { type: 'TaskTimeoutError', message: 'timed out' });
    assert.deepEqual(result.resumeToken, makeToken());

    const failed = buildJsonResult({ outcome: 'failed', task: makeTask(), error: new TaskFailedError(closed, null, 'closed'), elapsedMs: 1, apiCalls: 1 });
    assert.equal(failed.task?.status, TaskStatus.Closed);
    assert.equal(failed.resumeToken, undefined);
  });

  it('reports API error codes and usage error flags, with no task when none was seen', () => {
    const api = buildJsonResult({ outcome: 'error', task: null, error: apiError, elapsedMs: 5, apiCalls: 1 });
    assert.equal(api.task, null);
    assert.equal(api.error?.code, 'InvalidAccessKeyId.NotFound');
    const usage = buildJsonResult({ outcome: 'error', task: null, error: new InvalidOptionError('--since', 'bad'), elapsedMs: 0, apiCalls: 0 });
    assert.equal(usage.error?.option, '--since');
  });
});
