/**
 * Automation API inline programs (`@pulumi/pulumi/automation`) on the real CLI against the emulator: the
 * `onEvent` stream carries each resource's progress lines with its URN, a task that ends interrupted rejects the
 * update with a clear message, and the state holds no secret. Credentials come from the environment.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { type EngineEvent, LocalWorkspace, PulumiCommand, type Stack } from '@pulumi/pulumi/automation';
import type { Emulator } from '../../src/emulator';
import { InstanceParameters, InstanceRestart, TaskWaiter } from '../../src/pulumi';
import { resourceDiagnostics } from './support/engine-events';
import { E2E_ACCESS_KEY_ID, E2E_ACCESS_KEY_SECRET, filesContaining, resourceUrn, startE2eEmulator } from './support/e2e-world';
import { PULUMI_VERSION, PulumiSandbox, REPO_ROOT, ensurePulumiCli } from './support/pulumi-cli';

const PROJECT = 'redis-waiter-inline';

describe('e2e: Automation API inline programs', function () {
  this.timeout(180_000);
  let emulator: Emulator;
  let sandbox: PulumiSandbox;
  let pulumiCommand: PulumiCommand;
  let workDir: string;
  const stacks: Stack[] = [];
  /** Every state exported, for the secret scan. */
  const exports: string[] = [];

  async function exportState(stack: Stack) {
    const state = await stack.exportStack();
    exports.push(JSON.stringify(state));
    return state;
  }

  const count = (action: string): number => emulator.control.requestCounts()[action] ?? 0;

  /** A new stack running `program` in a work dir whose node_modules is the repository's. */
  async function inlineStack(stackName: string, program: () => Promise<Record<string, unknown>>): Promise<Stack> {
    const stack = await LocalWorkspace.createStack(
      { stackName, projectName: PROJECT, program },
      {
        workDir,
        pulumiCommand,
        envVars: sandbox.env(),
        projectSettings: { name: PROJECT, runtime: 'nodejs' },
      },
    );
    stacks.push(stack);
    return stack;
  }

  before(async function () {
    this.timeout(30 * 60_000); // a cold build of the CLI
    const cliDir = await ensurePulumiCli();
    emulator = await startE2eEmulator();
    sandbox = PulumiSandbox.create(cliDir, {
      ALIBABA_CLOUD_ACCESS_KEY_ID: E2E_ACCESS_KEY_ID,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: E2E_ACCESS_KEY_SECRET,
    });
    pulumiCommand = await PulumiCommand.get({ root: sandbox.commandRoot() });
    assert.equal(pulumiCommand.version?.version, PULUMI_VERSION);
    // The provider process resolves @pulumi/pulumi (and the serialized provider's requires) from the work dir.
    workDir = join(sandbox.dir, 'inline');
    mkdirSync(workDir);
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(workDir, 'node_modules'));
  });

  after(async () => {
    for (const stack of stacks) {
      await stack.destroy();
      await stack.workspace.removeStack(stack.name);
    }
    await sandbox?.dispose();
    await emulator?.stop();
  });

  it('onEvent carries the progress lines of each resource with its URN; outputs name the task', async () => {
    const instanceId = 'r-bp1emu000000001';
    // 8 s at E2E_TIME_SCALE, so the waiter sees the task running.
    emulator.control.scriptNext(instanceId, {
      steps: [
        { name: 'exec_task', durationMs: 120_000 },
        { name: 'init_redis', durationMs: 120_000 },
      ],
    });
    const stack = await inlineStack('restart', async () => {
      const restart = new InstanceRestart('restart', { instanceId, endpoint: emulator.endpoint, triggers: ['1'] });
      const waiter = new TaskWaiter(
        'restart-task',
        { instanceId, endpoint: emulator.endpoint, taskAction: 'RestartDBInstance', triggers: [restart.taskId] },
        { dependsOn: [restart] },
      );
      return { restartTask: restart.taskId, waitedTask: waiter.taskId, waitedStatus: waiter.status };
    });
    const events: EngineEvent[] = [];
    const result = await stack.up({ onEvent: (event) => events.push(event) });

    assert.equal(count('RestartInstance'), 1);
    const task = emulator.control.listTasks(instanceId).find((t) => t.TaskAction === 'RestartDBInstance');
    assert.equal(task?.Status, '2');
    assert.equal(result.outputs['restartTask'].value, task.TaskId);
    assert.equal(result.outputs['waitedTask'].value, task.TaskId);
    assert.equal(result.outputs['waitedStatus'].value, 2);
    await exportState(stack);

    const label = `task ${task.TaskId} (RestartDBInstance)`;
    const restartLines = resourceDiagnostics(events, resourceUrn('restart', PROJECT, 'InstanceRestart', 'restart'));
    assert.ok(
      restartLines.some((d) => d.ephemeral && d.message.startsWith(`${label} running`) && /step \w+ \d\/2/.test(d.message)),
      JSON.stringify(restartLines),
    );
    assert.deepEqual(
      restartLines.filter((d) => !d.ephemeral).map((d) => d.message.replace(/ in \S+$/, '')),
      [`${label} complete`],
    );
    const waiterLines = resourceDiagnostics(events, resourceUrn('restart', PROJECT, 'TaskWaiter', 'restart-task'));
    assert.ok(waiterLines.some((d) => !d.ephemeral && d.message.startsWith(`${label} complete in`)), JSON.stringify(waiterLines));
  });

  it('a task that ends interrupted rejects the update with its id, action and step', async () => {
    const instanceId = 'r-bp1emu000000002';
    emulator.control.scriptNext(instanceId, {
      outcome: 'interrupted',
      atStep: 0,
      steps: [
        { name: 'exec_task', durationMs: 60_000 },
        { name: 'init_config', durationMs: 60_000 },
      ],
    });
    const stack = await inlineStack('interrupted', async () => {
      const parameters = new InstanceParameters('parameters', {
        instanceId,
        endpoint: emulator.endpoint,
        parameters: { 'maxmemory-policy': 'allkeys-lfu' },
      });
      return { parametersTask: parameters.taskId };
    });
    const events: EngineEvent[] = [];
    let message = '';
    await assert.rejects(stack.up({ onEvent: (event) => events.push(event) }), (error: Error) => {
      message = error.message;
      return true;
    });
    const task = emulator.control.listTasks(instanceId).find((t) => t.TaskAction === 'ModifyDBInstanceConfig');
    assert.equal(task?.Status, '8');
    for (const part of [`Task ${task.TaskId} (ModifyDBInstanceConfig)`, 'Interrupted', 'exec_task']) {
      assert.ok(message.includes(part), `the error names ${part}: ${message}`);
    }
    const errors = resourceDiagnostics(events, resourceUrn('interrupted', PROJECT, 'InstanceParameters', 'parameters')).filter(
      (d) => d.severity === 'error',
    );
    assert.ok(errors.some((d) => d.message.includes(task.TaskId)), JSON.stringify(errors));

    // The failed resource stays in the state with its task, and can be destroyed (leaving the instance alone).
    const recorded = (await exportState(stack)).deployment.resources.find((r: { type: string }) => r.type.endsWith(':InstanceParameters'));
    assert.equal(recorded?.outputs?.taskId, task.TaskId);
    const mutations = count('ModifyInstanceConfig');
    await stack.destroy();
    assert.equal(count('ModifyInstanceConfig'), mutations);
  });

  it('the exported state and the backend files hold no secret key', async () => {
    assert.equal(exports.length, 2);
    for (const exported of exports) {
      assert.ok(exported.includes('__provider'), 'the export holds the serialized provider');
      assert.equal(exported.includes(E2E_ACCESS_KEY_SECRET), false, 'secret in an exported state');
    }
    assert.deepEqual(filesContaining(sandbox.stateDir, E2E_ACCESS_KEY_SECRET), []);
  });
});
