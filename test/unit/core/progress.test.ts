import * as assert from 'node:assert/strict';
import {
  currentStepOf, extrapolateSnapshot, MAX_EXTRAPOLATED_PROGRESS, snapshotChanged, snapshotOf, stepPosition, taskRemainSeconds,
} from '../../../src/core/progress';
import { createResumeToken } from '../../../src/core/resume';
import { TaskStatus } from '../../../src/core/task';
import { makeTask } from './helpers';

const resumeToken = createResumeToken({ instanceId: 'r-1', taskId: null, taskActions: ['A'], since: new Date(0), deadline: 1000 });

describe('core/progress', () => {
  it('takes the step position from StepProgressInfo, else from the step names', () => {
    assert.deepEqual(stepPosition(makeTask({ stepProgress: { done: 2, total: 4 } })), { stepIndex: 2, stepCount: 4 });
    assert.deepEqual(stepPosition(makeTask({ stepProgress: null, currentStep: 'init_redis' })), { stepIndex: 2, stepCount: 3 });
    assert.deepEqual(stepPosition(makeTask({ stepProgress: { done: 5, total: 3 }, currentStep: 'nope' })), { stepIndex: null, stepCount: 3 });
    assert.deepEqual(stepPosition(makeTask({ stepProgress: null, steps: [], currentStep: null })), { stepIndex: null, stepCount: null });
  });

  it('finds the current step by name, then by position, then from the bare name', () => {
    assert.equal(currentStepOf(makeTask({ currentStep: 'init_redis' }))?.name, 'init_redis');
    assert.equal(currentStepOf(makeTask({ currentStep: null, stepProgress: { done: 3, total: 3 } }))?.name, 'init_config');
    assert.deepEqual(currentStepOf(makeTask({ currentStep: 'exec_task', steps: [], stepProgress: null })), { name: 'exec_task', progress: null, remainSeconds: null });
    assert.equal(currentStepOf(makeTask({ currentStep: null, steps: [], stepProgress: null })), null);
  });

  it('computes remaining seconds from Remain or the remaining steps, null once terminal', () => {
    assert.equal(taskRemainSeconds(makeTask({ remainSeconds: 107 })), 107);
    const steps = [
      { name: 'init_instance', progress: 100, remainSeconds: 0 },
      { name: 'init_redis', progress: 12.3, remainSeconds: 107 },
      { name: 'init_config', progress: 0, remainSeconds: 1881 },
    ];
    assert.equal(taskRemainSeconds(makeTask({ remainSeconds: 0, currentStep: 'init_redis', steps })), 1988);
    assert.equal(taskRemainSeconds(makeTask({ remainSeconds: 0, currentStep: 'unknown', steps })), null);
    assert.equal(taskRemainSeconds(makeTask({ status: TaskStatus.Complete, remainSeconds: 60 })), null);
  });

  it('builds snapshots, including before the task appears', () => {
    const empty = snapshotOf(null, { elapsedMs: 5, resumeToken });
    assert.equal(empty.task, null);
    assert.equal(empty.status, null);
    assert.deepEqual(empty.steps, []);
    const snap = snapshotOf(makeTask({ progress: 40, remainSeconds: 30 }), { elapsedMs: 9, resumeToken });
    assert.equal(snap.progress, 40);
    assert.equal(snap.stepIndex, 1);
    assert.equal(snap.stepCount, 3);
    assert.equal(snap.remainSeconds, 30);
    assert.equal(snap.heartbeat, false);
  });

  it('detects changes in task, status, progress, step and step index but not in remaining time', () => {
    const a = snapshotOf(makeTask({ remainSeconds: 30 }), { elapsedMs: 0, resumeToken });
    assert.equal(snapshotChanged(null, a), true);
    assert.equal(snapshotChanged(a, snapshotOf(makeTask({ remainSeconds: 20 }), { elapsedMs: 1, resumeToken })), false);
    for (const over of [{ taskId: 'x' }, { status: TaskStatus.Paused }, { progress: 11 }, { currentStep: 'init_redis' }, { stepProgress: { done: 2, total: 3 } }]) {
      assert.equal(snapshotChanged(a, snapshotOf(makeTask({ remainSeconds: 30, ...over }), { elapsedMs: 1, resumeToken })), true, JSON.stringify(over));
    }
  });

  it('extrapolates heartbeats from the last estimate, capped below 100 %', () => {
    const polled = snapshotOf(makeTask({ progress: 50, remainSeconds: 100 }), { elapsedMs: 0, resumeToken });
    const hb = extrapolateSnapshot(polled, 50_000, 80_000);
    assert.equal(hb.heartbeat, true);
    assert.equal(hb.progress, 75);
    assert.equal(hb.remainSeconds, 50);
    assert.equal(hb.elapsedMs, 80_000);
    const late = extrapolateSnapshot(polled, 500_000, 600_000);
    assert.equal(late.progress, MAX_EXTRAPOLATED_PROGRESS);
    assert.equal(late.remainSeconds, 0);
    const noEta = extrapolateSnapshot(snapshotOf(makeTask({ progress: 20 }), { elapsedMs: 0, resumeToken }), 10_000, 10_000);
    assert.equal(noEta.progress, 20);
    assert.equal(noEta.remainSeconds, null);
    assert.equal(noEta.heartbeat, true);
  });
});
