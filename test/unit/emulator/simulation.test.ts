import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import { isActiveStatus, simulateTask, type OutcomePlan, type TaskPlan } from '../../../src/emulator/simulation';

const steps = [
  { name: 'init_instance', durationMs: 1000 },
  { name: 'exec_task', durationMs: 3000 },
];
const plan = (outcome: OutcomePlan, pendingMs = 0): TaskPlan => ({ steps, pendingMs, outcome });

describe('emulator/simulation', () => {
  it('runs a completing task through its steps', () => {
    const p = plan({ kind: 'complete' });
    const start = simulateTask(p, 0);
    assert.deepEqual([start.status, start.stepIndex, start.progress, start.remainMs], [1, 0, 0, 4000]);
    const mid = simulateTask(p, 2000);
    assert.deepEqual([mid.status, mid.stepIndex, mid.progress, mid.remainMs], [1, 1, 50, 2000]);
    assert.deepEqual(mid.steps.map((s) => [s.progress, s.remainMs]), [[100, 0], [(1000 / 3000) * 100, 2000]]);
    const done = simulateTask(p, 9000);
    assert.deepEqual([done.status, done.stepIndex, done.progress, done.remainMs, done.endedAtMs], [2, 1, 100, 0, 4000]);
  });

  it('is pending (status 0, no current step) before pendingMs', () => {
    const p = plan({ kind: 'complete' }, 500);
    assert.deepEqual([simulateTask(p, 499).status, simulateTask(p, 499).stepIndex], [0, -1]);
    assert.equal(simulateTask(p, 500).status, 1);
    assert.equal(simulateTask(p, 10_000).endedAtMs, 4500);
  });

  it('closes or interrupts at the scripted point and stays there', () => {
    for (const [kind, code] of [['closed', 4], ['interrupted', 8]] as const) {
      const p = plan({ kind, atStep: 1, atFraction: 0.5 });
      assert.equal(simulateTask(p, 2400).status, 1);
      const end = simulateTask(p, 2500);
      assert.deepEqual([end.status, end.stepIndex, end.progress, end.endedAtMs], [code, 1, 62.5, 2500]);
      assert.deepEqual(simulateTask(p, 99_000), end);
    }
  });

  it('pauses (7) at the scripted point, then resumes and completes later', () => {
    const p = plan({ kind: 'paused', atStep: 1, atFraction: 0, pauseMs: 5000 });
    assert.equal(simulateTask(p, 999).status, 1);
    const paused = simulateTask(p, 3000);
    assert.deepEqual([paused.status, paused.progress, paused.stepIndex], [7, 25, 1]);
    assert.deepEqual([simulateTask(p, 6500).status, simulateTask(p, 6500).progress], [1, 37.5]);
    assert.deepEqual([simulateTask(p, 9000).status, simulateTask(p, 9000).endedAtMs], [2, 9000]);
  });

  it('never moves progress backwards and ends in a final status for any outcome', () => {
    const outcome = fc.oneof(
      fc.constant<OutcomePlan>({ kind: 'complete' }),
      fc.record({ kind: fc.constantFrom('closed' as const, 'interrupted' as const), atStep: fc.nat(1), atFraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ kind: fc.constant('paused' as const), atStep: fc.nat(1), atFraction: fc.double({ min: 0, max: 1, noNaN: true }), pauseMs: fc.nat(10_000) }),
    );
    fc.assert(
      fc.property(outcome, fc.nat(2000), fc.array(fc.nat(20_000), { minLength: 2, maxLength: 20 }), (o, pendingMs, times) => {
        const p = plan(o, pendingMs);
        const snaps = [...times].sort((a, b) => a - b).map((t) => simulateTask(p, t));
        snaps.forEach((s, i) => i > 0 && assert.ok(s.progress >= snaps[i - 1].progress));
        const last = simulateTask(p, 100_000);
        assert.ok(!isActiveStatus(last.status));
        assert.ok(last.endedAtMs !== undefined);
      }),
    );
  });
});
