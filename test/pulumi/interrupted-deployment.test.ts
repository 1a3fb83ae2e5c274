/**
 * Interrupted deployments: a provider process killed mid-wait (what a second Ctrl-C does), then a re-run. The
 * re-run must resume the same task and never send the mutation twice; a wait that hit the resource's own
 * deadline is recorded as a partial failure that the next update resumes.
 */
import * as assert from 'node:assert/strict';
import { InstanceRestart, InstanceSpec, TaskWaiter } from '../../src/pulumi';
import { TaskStatus } from '../../src/core/task';
import { captureRegistration, type Registration } from './support/capture-registration';
import type { HostCallError } from './support/provider-host';
import { type ProviderWorld, TIME_SCALE, eventually, newInstance, startProviderWorld } from './support/provider-fixture';
import { providerPb } from './support/pulumi-rpc';

const { DIFF_SOME } = providerPb.DiffResponse.DiffChanges;

describe('pulumi resources after an interrupted deployment', function () {
  this.timeout(90_000);
  let world: ProviderWorld;
  const count = (action: string): number => world.emulator.control.requestCounts()[action] ?? 0;

  /** Makes the instance's next task take 8 s, long enough to kill the provider in the middle of it. */
  const scriptLongTask = (instanceId: string): void =>
    world.emulator.control.scriptNext(instanceId, {
      steps: [
        { name: 'init_instance', durationMs: 4_000 * TIME_SCALE },
        { name: 'exec_task', durationMs: 4_000 * TIME_SCALE },
      ],
    });

  /** Starts a create in a fresh provider process, kills the process once the task shows running, returns the task id. */
  async function killCreateMidWait(reg: Registration, taskAction: string): Promise<string> {
    const doomed = await world.startHost();
    const outcome = doomed.create(reg.urn, reg.inputs).then(
      () => 'finished',
      (e: HostCallError) => e.code,
    );
    const pattern = new RegExp(`task (\\d+) \\(${taskAction}\\) running`);
    const line = await eventually(
      () => world.engine.logsFor(reg.urn).find((l) => l.ephemeral && pattern.test(l.message)),
      `a running ${taskAction} status line`,
    );
    await doomed.kill('SIGKILL');
    assert.notEqual(await outcome, 'finished');
    return pattern.exec(line.message)?.[1] ?? assert.fail('no task id in the status line');
  }

  before(async () => {
    world = await startProviderWorld();
  });
  after(async () => {
    await world?.stop();
  });

  it('InstanceSpec: the re-run resumes the same task and ModifyInstanceSpec is sent once', async () => {
    const instanceId = newInstance(world.emulator);
    scriptLongTask(instanceId);
    const reg = await captureRegistration(
      (n) => new InstanceSpec(n, { instanceId, instanceClass: 'redis.master.large.default', endpoint: world.emulator.url }),
      'killed-spec',
    );
    const sent = count('ModifyInstanceSpec');
    const taskId = await killCreateMidWait(reg, 'ModifyDBInstanceClass');
    assert.equal(world.emulator.control.listTasks(instanceId).find((t) => t.TaskId === taskId)?.Status, String(TaskStatus.Running));

    const rerun = await world.startHost();
    const { properties } = await rerun.create(reg.urn, reg.inputs);
    assert.equal(properties['taskId'], taskId);
    assert.equal(properties['status'], TaskStatus.Complete);
    assert.equal(properties['instanceClass'], 'redis.master.large.default');
    assert.equal(count('ModifyInstanceSpec'), sent + 1);
    assert.ok(world.engine.logsFor(reg.urn).some((l) => l.message.startsWith(`resuming task ${taskId} (ModifyDBInstanceClass)`)));
  });

  it('InstanceRestart: the re-run resumes the same restart and RestartInstance is sent once', async () => {
    const instanceId = newInstance(world.emulator);
    scriptLongTask(instanceId);
    const reg = await captureRegistration((n) => new InstanceRestart(n, { instanceId, endpoint: world.emulator.url }), 'killed-restart');
    const sent = count('RestartInstance');
    const taskId = await killCreateMidWait(reg, 'RestartDBInstance');

    const rerun = await world.startHost();
    const { properties } = await rerun.create(reg.urn, reg.inputs);
    assert.equal(properties['taskId'], taskId);
    assert.equal(properties['status'], TaskStatus.Complete);
    assert.equal(count('RestartInstance'), sent + 1);
  });

  it('TaskWaiter: a wait past its own timeout is recorded; the next update resumes the recorded task', async () => {
    const instanceId = newInstance(world.emulator);
    const task = world.emulator.control.addTask(instanceId, {
      taskAction: 'ModifyDBInstanceClass',
      steps: [
        { name: 'init_instance', durationMs: 4_000 * TIME_SCALE },
        { name: 'exec_task', durationMs: 4_000 * TIME_SCALE },
      ],
    });
    const reg = await captureRegistration(
      (n) => new TaskWaiter(n, { instanceId, taskAction: 'ModifyDBInstanceClass', timeout: 2_000, endpoint: world.emulator.url }),
      'timed-out-waiter',
    );
    const error = await world.host.create(reg.urn, reg.inputs).then(
      () => assert.fail('expected the create to time out'),
      (e: HostCallError) => e,
    );
    assert.match(error.details, /timed out|deadline|timeout/i);
    const recorded = error.initFailed?.properties ?? assert.fail('expected a partial failure with properties');
    assert.equal(recorded['taskId'], task.TaskId);
    assert.notEqual(recorded['status'], TaskStatus.Complete);

    const news = { ...reg.inputs, timeout: 60_000 };
    assert.equal((await world.host.diff(reg.urn, instanceId, recorded, news)).changes, DIFF_SOME);
    const { properties } = await world.host.update(reg.urn, instanceId, recorded, news);
    assert.equal(properties['taskId'], task.TaskId);
    assert.equal(properties['status'], TaskStatus.Complete);
  });
});
