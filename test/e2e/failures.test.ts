/**
 * The real Pulumi CLI on the root project when things go wrong: a task that ends closed fails the update with
 * the task's id, action and step; an update killed mid-wait (`kill -9` of the CLI and its plugins) resumes on
 * re-run, after `pulumi refresh --clear-pending-creates` or `--import-pending-creates`, on the same task and
 * without a second mutation.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Emulator } from '../../src/emulator';
import { readEventLog, resourceDiagnostics } from './support/engine-events';
import { E2E_ACCESS_KEY_ID, E2E_ACCESS_KEY_SECRET, ROOT_PROJECT, eventually, resourceUrn, startE2eEmulator } from './support/e2e-world';
import { isAlive, killTree } from './support/processes';
import { PulumiSandbox, type SandboxStack, ensurePulumiCli } from './support/pulumi-cli';

const SPEC_LABEL = 'ModifyDBInstanceClass';

describe('e2e: failing and interrupted deployments of the root project', function () {
  this.timeout(180_000);
  let emulator: Emulator;
  let sandbox: PulumiSandbox;
  let logs = 0;

  const count = (action: string): number => emulator.control.requestCounts()[action] ?? 0;
  /** The class-change tasks of `instanceId` that the tests started (the seeded history left out). */
  const specTasks = (instanceId: string) =>
    emulator.control.listTasks(instanceId).filter((t) => t.TaskAction === SPEC_LABEL && !history.has(t.TaskId));
  const history = new Set<string>();
  const eventLogPath = (): string => join(sandbox.dir, `events-${++logs}.jsonl`);

  /** A stack of the root project working on `instanceId`, with credentials from the environment this time. */
  async function stackFor(name: string, instanceId: string): Promise<SandboxStack> {
    const stack = await sandbox.initStack(name);
    await sandbox.run(stack.args('config', 'set', 'instanceId', instanceId));
    return stack;
  }

  before(async function () {
    this.timeout(30 * 60_000); // a cold build of the CLI
    const cliDir = await ensurePulumiCli();
    emulator = await startE2eEmulator();
    for (const instanceId of emulator.control.listInstances()) {
      for (const task of emulator.control.listTasks(instanceId)) history.add(task.TaskId);
    }
    sandbox = PulumiSandbox.create(cliDir, {
      KVWAIT_ENDPOINT: emulator.endpoint,
      ALIBABA_CLOUD_ACCESS_KEY_ID: E2E_ACCESS_KEY_ID,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: E2E_ACCESS_KEY_SECRET,
    });
  });

  after(async () => {
    await sandbox?.dispose();
    await emulator?.stop();
  });

  it('a task that ends closed fails the update with its id, action and step, and stops the deployment there', async () => {
    const instanceId = 'r-bp1emu000000002';
    const stack = await stackFor('fail', instanceId);
    const steps = ['init_instance', 'create_instance', 'exec_task'].map((name) => ({ name, durationMs: 60_000 }));
    emulator.control.scriptNext(instanceId, { outcome: 'closed', atStep: 1, steps });
    const eventLog = eventLogPath();
    const result = await sandbox.run(stack.args('up', '--yes', '--skip-preview', '--event-log', eventLog), { allowFailure: true });
    assert.notEqual(result.code, 0);

    const [task] = specTasks(instanceId);
    assert.equal(task.Status, '4');
    const output = result.stdout + result.stderr;
    for (const part of [`task ${task.TaskId}`, SPEC_LABEL, 'create_instance', 'closed']) {
      assert.ok(output.includes(part), `the CLI output names ${part}:\n${output}`);
    }
    const errors = resourceDiagnostics(readEventLog(eventLog), resourceUrn('fail', ROOT_PROJECT, 'InstanceSpec', 'cache-class')).filter(
      (d) => d.severity === 'error',
    );
    assert.ok(errors.some((d) => d.message.includes(task.TaskId) && d.message.includes('create_instance')), JSON.stringify(errors));
    // Nothing after the failed resource ran.
    assert.equal(count('ModifyInstanceConfig'), 0);
    assert.equal(count('RestartInstance'), 0);
  });

  /** What the first, killed run left: the running task, the stack, and the mutation count before the run. */
  interface KilledRun {
    stack: SandboxStack;
    specUrn: string;
    task: { TaskId: string };
    mutations: number;
  }

  /**
   * Starts `pulumi up` on a class change that runs for a day (unless the test moves emulated time on), waits until
   * the mutation was sent and the wait has polled, then kills the CLI, its language host and its provider with
   * SIGKILL. The state then holds a pending create and the lock of the dead CLI.
   */
  async function killedMidWait(stackName: string, instanceId: string): Promise<KilledRun> {
    const stack = await stackFor(stackName, instanceId);
    const specUrn = resourceUrn(stackName, ROOT_PROJECT, 'InstanceSpec', 'cache-class');
    emulator.control.scriptNext(instanceId, {
      steps: [
        { name: 'init_instance', durationMs: 30_000 },
        { name: 'create_instance', durationMs: 24 * 3_600_000 },
      ],
    });
    const first = sandbox.start(stack.args('up', '--yes', '--skip-preview', '--event-log', eventLogPath()));
    const mutations = count('ModifyInstanceSpec');
    const polls = await eventually('the mutation', () => (count('ModifyInstanceSpec') > mutations ? count('DescribeTasks') : undefined), 60_000);
    await eventually('the wait to poll the task', () => (count('DescribeTasks') > polls ? true : undefined), 30_000);

    const killed = killTree(first.pid, 'SIGKILL');
    assert.ok(killed.length >= 3, `the CLI, its language host and its provider, got ${killed.length} processes`);
    assert.equal((await first.result).signal, 'SIGKILL');
    await eventually('every killed process to be gone', () => (killed.every((pid) => !isAlive(pid)) ? true : undefined), 10_000);

    const [task] = specTasks(instanceId);
    assert.equal(task.Status, '1', 'the task is still running');
    const exported = JSON.parse((await sandbox.run(stack.stateArgs('stack', 'export'))).stdout);
    assert.deepEqual(
      (exported.deployment.pending_operations ?? []).map((op: { resource: { urn: string }; type: string }) => [op.resource.urn, op.type]),
      [[specUrn, 'creating']],
    );
    return { stack, specUrn, task, mutations };
  }

  /**
   * The user's way back: release the dead CLI's lock, `pulumi refresh` with `refreshFlags`, re-run `pulumi up`;
   * the task finishes (emulated time moves on) once the re-run has looked for it. Then: one mutation in all, the
   * re-run finished on the same task, and said it was resuming it. (When the resumed wait polled before the
   * advance, it saw a day left and sleeps its longest poll delay, 60 s, before it sees the task complete.)
   */
  async function resumes({ stack, specUrn, task, mutations }: KilledRun, instanceId: string, refreshFlags: string[]): Promise<void> {
    await sandbox.run(stack.stateArgs('cancel', '--yes'));
    await sandbox.run(stack.args('refresh', '--yes', ...refreshFlags));
    const secondLog = eventLogPath();
    const before = count('DescribeTasks');
    const second = sandbox.start(stack.args('up', '--yes', '--skip-preview', '--event-log', secondLog));
    await eventually('the re-run to look for the open task', () => (count('DescribeTasks') > before ? true : undefined), 60_000);
    emulator.control.advance(24 * 3_600_000);
    const result = await second.result;
    assert.equal(result.code, 0, second.output());

    assert.equal(count('ModifyInstanceSpec'), mutations + 1, `no second ModifyInstanceSpec:\n${second.output()}`);
    assert.deepEqual(specTasks(instanceId).map((t) => [t.TaskId, t.Status]), [[task.TaskId, '2']]);
    const outputs = JSON.parse((await sandbox.run(stack.stateArgs('stack', 'output', '--json'))).stdout);
    assert.equal(outputs.operationTasks.spec, task.TaskId);
    assert.equal(outputs.classTask.id, task.TaskId);
    const lines = resourceDiagnostics(readEventLog(secondLog), specUrn);
    assert.ok(
      lines.some((d) => d.ephemeral && d.message.startsWith(`resuming task ${task.TaskId} (${SPEC_LABEL})`)),
      JSON.stringify(lines),
    );
  }

  it('an update killed mid-wait resumes on the same task after refresh --clear-pending-creates, with one mutation', async () => {
    const instanceId = 'r-bp1emu000000003';
    await resumes(await killedMidWait('resume', instanceId), instanceId, ['--clear-pending-creates']);
  });

  it('an update killed mid-wait resumes on the same task after refresh --import-pending-creates, with one mutation', async () => {
    const instanceId = 'r-bp1emu000000001';
    const killed = await killedMidWait('import', instanceId);
    // The pending create's id is the instance id.
    await resumes(killed, instanceId, ['--import-pending-creates', killed.specUrn, '--import-pending-creates', instanceId]);
  });
});
