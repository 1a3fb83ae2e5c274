/**
 * The progress lines a resource sends, and the runtime's `check` of the connection against the stack settings.
 */
import * as assert from 'node:assert/strict';
import { TaskStatus, type Task } from '../../src/core/task';
import type { ProgressSnapshot } from '../../src/core/snapshot';
import type { DeploymentLog } from '../../src/pulumi/engine-log';
import { statusReporter, summaryLine, taskDurationMs } from '../../src/pulumi/progress-lines';
import { createProviderRuntime } from '../../src/pulumi/provider-runtime';

const task: Task = {
  taskId: '32302001', taskAction: 'ModifyDBInstanceClass', status: TaskStatus.Complete, progress: 100, remainSeconds: 0,
  beginTime: new Date('2024-05-01T10:00:00Z'), finishTime: new Date('2024-05-01T10:09:42Z'), currentStep: 'init_config',
  stepProgress: { done: 4, total: 4 }, steps: [], malformed: [], raw: {},
};

function snapshot(overrides: Partial<ProgressSnapshot>): ProgressSnapshot {
  return {
    task: { ...task, status: TaskStatus.Running, progress: 46 }, status: TaskStatus.Running, progress: 46, currentStep: 'create_instance',
    stepIndex: 2, stepCount: 4, steps: [], remainSeconds: 250, elapsedMs: 60_000, heartbeat: false,
    resumeToken: { instanceId: 'r-1', taskId: null, taskAction: ['ModifyDBInstanceClass'], since: '2024-05-01T10:00:00.000Z', deadline: '2024-05-01T11:00:00.000Z' },
    ...overrides,
  };
}

describe('pulumi progress lines and runtime check', () => {
  it('shows every snapshot, heartbeats included, as an ephemeral status line', () => {
    const statuses: string[] = [];
    const log: DeploymentLog = { status: (m) => statuses.push(m), info: () => assert.fail('no lasting line'), warn: () => assert.fail('no warning'), close: async () => {} };
    const report = statusReporter(log, 'r-1');
    report(snapshot({}));
    report(snapshot({ heartbeat: true }));
    report(snapshot({ task: null, status: null, progress: null, currentStep: null, stepIndex: null, stepCount: null }));
    assert.deepEqual(statuses, [
      'task 32302001 (ModifyDBInstanceClass) running 46%, step create_instance 2/4, about 4m10s left',
      'task 32302001 (ModifyDBInstanceClass) running 46%, step create_instance 2/4, about 4m10s left (still waiting)',
      'waiting for ModifyDBInstanceClass to appear on r-1 (1m00s)',
    ]);
  });

  it('sums a task up with its own duration, or the time waited when the server gave no times', () => {
    assert.equal(summaryLine(task, 5_000), 'task 32302001 (ModifyDBInstanceClass) complete in 9m42s');
    assert.equal(taskDurationMs({ beginTime: null, finishTime: task.finishTime }, 5_000), 5_000);
  });

  it('check needs a region (input or alicloud:region) or an endpoint, before any call', async () => {
    const saved = process.env['ALIBABA_CLOUD_REGION_ID'];
    delete process.env['ALIBABA_CLOUD_REGION_ID'];
    try {
      const runtime = createProviderRuntime();
      const inputs = { instanceId: 'r-1', instanceClass: 'redis.master.large.default' };
      runtime.configure({ get: () => undefined });
      assert.deepEqual((await runtime.check('instanceSpec', {}, inputs)).failures?.map((f) => f.property), ['region']);
      runtime.configure({ get: (key) => (key === 'alicloud:region' ? 'cn-hangzhou' : undefined) });
      assert.deepEqual((await runtime.check('instanceSpec', {}, inputs)).failures, []);
      assert.deepEqual((await runtime.check('instanceSpec', {}, { ...inputs, region: 'Hangzhou!' })).failures?.map((f) => f.property), ['region']);
    } finally {
      if (saved !== undefined) process.env['ALIBABA_CLOUD_REGION_ID'] = saved;
    }
  });
});
