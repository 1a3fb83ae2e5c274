import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonResult } from '../../../src/cli/json-result';
import { startEmulator, type Emulator } from '../../../src/emulator';
import { CONTROL_CHARS } from '../fixtures';
import { childEnv, freshInstance, LONG_STEPS, runKvwait, SHORT_STEPS, startKvwait } from './harness';

function totalRequests(emu: Emulator): number {
  return Object.values(emu.control.requestCounts()).reduce((a, b) => a + b, 0);
}

function parseSingleJson(stdout: string): JsonResult {
  const lines = stdout.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `expected exactly one JSON line on stdout, got:\n${stdout}`);
  return JSON.parse(lines[0]) as JsonResult;
}

describe('kvwait (built CLI as a child process, against the emulator)', function () {
  this.timeout(30_000);
  let emu: Emulator;

  before(async () => {
    emu = await startEmulator({ timeScale: 3, seed: 7 });
  });

  after(async () => {
    await emu.stop();
  });

  function waitArgs(instanceId: string, ...more: string[]): string[] {
    return ['--instance-id', instanceId, '--endpoint', emu.endpoint, '--since', '-1m', ...more];
  }

  it('exits 0 when the task completes, with timestamped CI lines and no control characters', async () => {
    const id = freshInstance(emu);
    const task = emu.control.addTask(id, { taskAction: 'ModifyInstanceSpec', steps: SHORT_STEPS });
    const r = await runKvwait(waitArgs(id, '--task-action', 'ModifyInstanceSpec'), childEnv(emu));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^task ${task.TaskId} \\(ModifyInstanceSpec\\) on ${id} complete after \\d+s\\.\\n$`));
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    assert.ok(lines.length >= 1);
    assert.ok(lines.every((l) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z task /.test(l)), r.stderr);
    assert.match(r.stderr, /complete 100%/);
    assert.doesNotMatch(r.stdout + r.stderr, CONTROL_CHARS);
  });

  it('prints exactly one JSON object with the documented shape, and counts the API calls it made', async () => {
    const id = freshInstance(emu);
    const task = emu.control.addTask(id, { taskAction: 'ModifyInstanceSpec', steps: SHORT_STEPS });
    emu.control.resetCounts();
    const r = await runKvwait(waitArgs(id, '--task-id', task.TaskId, '--json'), childEnv(emu));
    assert.equal(r.code, 0, r.stderr);
    const result = parseSingleJson(r.stdout);
    assert.deepEqual(Object.keys(result).sort(), ['apiCalls', 'elapsedMs', 'outcome', 'task']);
    assert.equal(result.outcome, 'complete');
    assert.deepEqual(Object.keys(result.task ?? {}).sort(), ['beginTime', 'currentStep', 'finishTime', 'progress', 'status', 'steps', 'taskAction', 'taskId']);
    assert.equal(result.task?.taskId, task.TaskId);
    assert.equal(result.task?.status, 2);
    assert.equal(result.task?.progress, 100);
    assert.ok(result.task?.finishTime !== null && !Number.isNaN(Date.parse(result.task?.finishTime ?? '')));
    assert.deepEqual(result.task?.steps.map((s) => s.name), ['init_instance', 'exec_task']);
    assert.ok(result.elapsedMs > 0);
    assert.equal(result.apiCalls, emu.control.requestCounts().DescribeTasks);
    assert.doesNotMatch(r.stderr, CONTROL_CHARS);
  });

  it('finds a task by --task-id that finished long ago without --since, and exits 0 at once', async () => {
    const id = freshInstance(emu);
    const old = emu.control.addTask(id, { taskAction: 'RestartDBInstance', steps: SHORT_STEPS, beginTime: Date.now() - 5 * 3_600_000 });
    emu.control.resetCounts();
    const r = await runKvwait(['--instance-id', id, '--endpoint', emu.endpoint, '--task-id', old.TaskId, '--json'], childEnv(emu));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(parseSingleJson(r.stdout).task?.taskId, old.TaskId);
    assert.equal(emu.control.requestCounts().DescribeTasks, 1);
  });

  for (const outcome of ['closed', 'interrupted'] as const) {
    it(`exits 3 when the task ends ${outcome}, naming the step`, async () => {
      const id = freshInstance(emu);
      emu.control.addTask(id, { taskAction: 'RestartDBInstance', steps: SHORT_STEPS, outcome, atStep: 1, atFraction: 0.1 });
      const r = await runKvwait(waitArgs(id, '--task-action', 'RestartDBInstance', '--json'), childEnv(emu));
      assert.equal(r.code, 3, r.stderr);
      const result = parseSingleJson(r.stdout);
      assert.equal(result.outcome, 'failed');
      assert.equal(result.task?.status, outcome === 'closed' ? 4 : 8);
      assert.match(r.stderr, new RegExp(`kvwait: task \\d+ \\(RestartDBInstance\\) on ${id} ended ${outcome} at step exec_task\\.`));
    });
  }

  it('exits 3 on a paused task with --fail-on-paused', async () => {
    const id = freshInstance(emu);
    emu.control.addTask(id, { taskAction: 'ModifyInstanceSpec', steps: LONG_STEPS, outcome: 'paused', atStep: 0, atFraction: 0, pauseMs: 600_000 });
    const r = await runKvwait(waitArgs(id, '--task-action', 'ModifyInstanceSpec', '--fail-on-paused'), childEnv(emu));
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /is paused/);
    assert.match(r.stderr, /without --fail-on-paused/);
  });

  it('exits 4 on timeout and prints the command that keeps waiting on the same task', async () => {
    const id = freshInstance(emu);
    const task = emu.control.addTask(id, { taskAction: 'ModifyInstanceSpec', steps: LONG_STEPS });
    const r = await runKvwait(waitArgs(id, '--task-action', 'ModifyInstanceSpec', '--timeout', '2s', '--json'), childEnv(emu));
    assert.equal(r.code, 4, r.stderr);
    const result = parseSingleJson(r.stdout);
    assert.equal(result.outcome, 'timeout');
    assert.equal(result.resumeToken?.taskId, task.TaskId);
    assert.match(r.stderr, new RegExp(`Keep waiting with: kvwait wait --instance-id ${id} --task-id ${task.TaskId} .*--timeout 2s`));
  });

  it('exits 4 with outcome not_found when no task matches within --not-found-grace', async () => {
    const id = freshInstance(emu);
    emu.control.addTask(id, { taskAction: 'RestartDBInstance', steps: SHORT_STEPS });
    const r = await runKvwait(waitArgs(id, '--task-action', 'ModifyInstanceSpec', '--not-found-grace', '1s', '--json'), childEnv(emu));
    assert.equal(r.code, 4, r.stderr);
    assert.equal(parseSingleJson(r.stdout).outcome, 'not_found');
    assert.match(r.stderr, /no ModifyInstanceSpec task began on .* tasks seen: RestartDBInstance\./);
  });

  it('exits 2 on a malformed flag before any API call, naming the flag, without a stack trace', async () => {
    const id = freshInstance(emu);
    emu.control.resetCounts();
    for (const args of [
      waitArgs(id, '--task-action', 'ModifyInstanceSpec', '--timeout', '9Os'),
      waitArgs(id, '--task-action', 'ModifyInstanceSpec', '--since', '10m'),
      ['--instance-id', id, '--endpoint', emu.endpoint, '--task-action', 'A', '--access-key-secret', 'x'],
      ['--instance-id', id, '--endpoint', 'ftp://127.0.0.1:1', '--task-action', 'A'],
    ]) {
      const r = await runKvwait(args, childEnv(emu));
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /^kvwait: --(timeout|since|access-key-secret|endpoint): .+\nRun "kvwait --help" for usage\.\n$/);
    }
    assert.equal(totalRequests(emu), 0);
  });

  it('exits 2 with a JSON error object when --json was asked for', async () => {
    const r = await runKvwait(['--instance-id', 'r-1', '--task-id', '1', '--timeout', '30', '--json'], childEnv(emu));
    assert.equal(r.code, 2);
    const result = parseSingleJson(r.stdout);
    assert.equal(result.outcome, 'error');
    assert.equal(result.error?.option, '--timeout');
  });

  it('exits 5 on rejected credentials, without printing any secret', async () => {
    const id = freshInstance(emu);
    const wrongSecret = 'wrong-secret-do-not-print-0042';
    const r = await runKvwait(waitArgs(id, '--task-action', 'A', '--json'), childEnv(emu, { ALIBABA_CLOUD_ACCESS_KEY_SECRET: wrongSecret }));
    assert.equal(r.code, 5, r.stderr);
    assert.equal(parseSingleJson(r.stdout).outcome, 'error');
    assert.match(r.stderr, /SignatureDoesNotMatch/);
    assert.ok(!(r.stdout + r.stderr).includes(wrongSecret));
    assert.ok(!(r.stdout + r.stderr).includes(emu.accessKeySecret));
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('exits 5 on an API error the server keeps returning', async () => {
    const id = freshInstance(emu);
    emu.control.setFaults('DescribeTasks', { internalErrorRate: 1 });
    try {
      const r = await runKvwait(waitArgs(id, '--task-action', 'A', '--timeout', '1s'), childEnv(emu));
      assert.equal(r.code, 5, r.stderr);
      assert.match(r.stderr, /^kvwait: DescribeTasks failed with /m);
    } finally {
      emu.control.clearFaults();
    }
  });

  it('exits 130 on SIGINT, printing a resume command that then finishes the same wait', async () => {
    const id = freshInstance(emu);
    const task = emu.control.addTask(id, { taskAction: 'ModifyInstanceSpec', steps: LONG_STEPS });
    const child = startKvwait(waitArgs(id, '--task-action', 'ModifyInstanceSpec'), childEnv(emu));
    await child.waitFor(/running/);
    child.process.kill('SIGINT');
    const r = await child.done;
    assert.equal(r.code, 130, r.stderr);
    const resume = /Resume the wait with: (kvwait wait .+)$/m.exec(r.stderr)?.[1];
    assert.ok(resume !== undefined, r.stderr);
    assert.match(resume, new RegExp(`--task-id ${task.TaskId} `));
    assert.match(resume, /--since \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/);

    emu.control.advance(3 * 600_000);
    const resumed = await runKvwait(resume.split(' ').slice(1), childEnv(emu));
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stdout, new RegExp(`^task ${task.TaskId} `));
  });

  it('exits 5 when the API refuses the instance', async () => {
    const r = await runKvwait(waitArgs('r-cli-no-such-instance', '--task-action', 'A'), childEnv(emu));
    assert.equal(r.code, 5, r.stderr);
    assert.match(r.stderr, /^kvwait: DescribeTasks failed with \S*NotFound/);
  });

  it('prints only errors with --quiet', async () => {
    const id = freshInstance(emu);
    emu.control.addTask(id, { taskAction: 'ModifyInstanceSpec', steps: SHORT_STEPS });
    const ok = await runKvwait(waitArgs(id, '--task-action', 'ModifyInstanceSpec', '--quiet'), childEnv(emu));
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stdout + ok.stderr, '');
    const failed = await runKvwait(waitArgs(id, '--task-action', 'Nope', '--not-found-grace', '1s', '--quiet'), childEnv(emu));
    assert.equal(failed.code, 4);
    assert.equal(failed.stdout, '');
    assert.match(failed.stderr, /^kvwait: no Nope task/);
  });

  it('prints help and the package version', async () => {
    const help = await runKvwait(['--help'], childEnv(emu));
    assert.equal(help.code, 0);
    assert.match(help.stdout, /kvwait wait {2}--instance-id <id>/);
    assert.match(help.stdout, /Exit codes: 0 complete, 2 usage/);
    const version = await runKvwait(['--version'], childEnv(emu));
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
    assert.equal(version.stdout, `${pkg.version}\n`);
  });

  it('lists tasks as a table and as a JSON array, filtered by status', async () => {
    const id = freshInstance(emu);
    const done = emu.control.addTask(id, { taskAction: 'RestartDBInstance', steps: SHORT_STEPS, beginTime: Date.now() - 30 * 60_000 });
    const running = emu.control.addTask(id, { taskAction: 'ModifyInstanceSpec', steps: LONG_STEPS });
    const table = await runKvwait(['tasks', '--instance-id', id, '--endpoint', emu.endpoint, '--since', '-1h'], childEnv(emu));
    assert.equal(table.code, 0, table.stderr);
    const rows = table.stdout.trimEnd().split('\n');
    assert.match(rows[0], /^TASK ID +ACTION +STATUS +PROGRESS +STEP +BEGIN +FINISH$/);
    assert.equal(rows.length, 3);
    assert.match(rows[1], new RegExp(`^${done.TaskId} +RestartDBInstance +complete +100%`));
    assert.match(rows[2], new RegExp(`^${running.TaskId} +ModifyInstanceSpec +running `));
    assert.doesNotMatch(table.stdout, CONTROL_CHARS);

    const json = await runKvwait(['tasks', '--instance-id', id, '--endpoint', emu.endpoint, '--since', '-1h', '--status', 'running', '--json'], childEnv(emu));
    assert.equal(json.code, 0, json.stderr);
    const list = JSON.parse(json.stdout) as Array<{ taskId: string; status: number }>;
    assert.deepEqual(list.map((t) => [t.taskId, t.status]), [[running.TaskId, 1]]);
  });
});
