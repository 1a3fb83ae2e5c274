import { strict as assert } from 'node:assert';
import * as sinon from 'sinon';
import { parseCommandLine, type WaitCommand } from '../../../src/cli/args';
import { runWait, TTY_HEARTBEAT_MS, type WaitRuntime } from '../../../src/cli/run-wait';
import { TaskTimeoutError } from '../../../src/core/errors';
import type { TaskSource } from '../../../src/core/task-source';
import { TaskStatus } from '../../../src/core/task';
import type { WaitForTaskOptions } from '../../../src/core/wait-options';
import { CONTROL_CHARS, makeSnapshot, makeTask } from '../fixtures';

const now = new Date('2024-05-01T10:00:00Z');

function command(...flags: string[]): WaitCommand {
  const cmd = parseCommandLine(['--instance-id', 'r-1', '--task-action', 'ModifyInstanceSpec', ...flags], now);
  assert.equal(cmd.kind, 'wait');
  return cmd as WaitCommand;
}

function runtime(waitForTask: WaitRuntime['waitForTask'], tty = false) {
  const out = { stdout: '', stderr: '' };
  const source = {} as TaskSource;
  let clock = now.getTime();
  const rt: WaitRuntime = {
    stdout: { write: (t) => void (out.stdout += t), isTTY: false },
    stderr: { write: (t) => void (out.stderr += t), isTTY: tty, stream: process.stderr },
    env: {},
    connect: () => ({ source, apiCalls: () => 4 }),
    waitForTask,
    now: () => new Date((clock += 1000)),
    signal: new AbortController().signal,
  };
  return { rt, out, source };
}

describe('cli/run-wait (waiter stubbed)', () => {
  it('passes the flags to the waiter as library options, with the client it built', async () => {
    const wait = sinon.stub<[WaitForTaskOptions], ReturnType<WaitRuntime['waitForTask']>>().resolves(makeTask({ status: TaskStatus.Complete }));
    const { rt, source } = runtime(wait);
    await runWait(command('--task-id', '7', '--since', '-5m', '--timeout', '30m', '--not-found-grace', '10s', '--fail-on-paused'), rt);
    const options = wait.firstCall.args[0];
    assert.equal(options.client, source);
    assert.deepEqual(
      [options.instanceId, options.taskAction, options.taskId, options.since?.toISOString(), options.timeout, options.notFoundGrace, options.onPaused],
      ['r-1', ['ModifyInstanceSpec'], '7', '2024-05-01T09:55:00.000Z', 1_800_000, 10_000, 'fail'],
    );
    assert.equal(options.heartbeatInterval, undefined, 'CI mode keeps the library heartbeat (60 s)');
    assert.equal(options.signal, rt.signal);
  });

  it('asks for frequent (free) heartbeats only to animate a TTY bar', async () => {
    const wait = sinon.stub<[WaitForTaskOptions], ReturnType<WaitRuntime['waitForTask']>>().resolves(makeTask({ status: TaskStatus.Complete }));
    await runWait(command('--quiet'), runtime(wait, true).rt);
    assert.equal(wait.lastCall.args[0].heartbeatInterval, undefined, 'nothing to animate with --quiet');
    await runWait(command(), runtime(wait, true).rt);
    assert.equal(wait.lastCall.args[0].heartbeatInterval, TTY_HEARTBEAT_MS);
  });

  it('shows each snapshot as a line and reports a timeout as one JSON object with exit 4', async () => {
    const snapshot = makeSnapshot(makeTask());
    const wait = sinon.stub<[WaitForTaskOptions], ReturnType<WaitRuntime['waitForTask']>>().callsFake(async (options) => {
      await options.onProgress?.(snapshot);
      throw new TaskTimeoutError(60_000, snapshot, 'timed out');
    });
    const { rt, out } = runtime(wait);
    const code = await runWait(command('--json'), rt);
    assert.equal(code, 4);
    const result = JSON.parse(out.stdout) as { outcome: string; apiCalls: number; elapsedMs: number; task: { taskId: string } };
    assert.equal(result.outcome, 'timeout');
    assert.equal(result.apiCalls, 4);
    assert.equal(result.task.taskId, '1001');
    assert.match(out.stderr, /^2024-05-01T10:00:0\dZ task 1001 \(ModifyInstanceSpec\) running 46%/);
    assert.match(out.stderr, /kvwait: timed out after 1m00s/);
    assert.doesNotMatch(out.stderr, CONTROL_CHARS);
  });
});
