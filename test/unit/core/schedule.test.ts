import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ETA_MARGIN_MS, expectedChangeMs, nextPollDelay, nextWakeAt, type ScheduleInput } from '../../../src/core/schedule';
import { TaskStatus } from '../../../src/core/task';
import { makeTask } from './helpers';

const input = (over: Partial<ScheduleInput>): ScheduleInput => ({
  now: 0, deadline: 3_600_000, attempt: 0, expectedMs: null, minDelay: 2_000, maxDelay: 60_000, random: 0.5, ...over,
});

describe('core/schedule nextPollDelay', () => {
  it('aims just after the server estimate, within the bounds', () => {
    assert.equal(nextPollDelay(input({ expectedMs: 30_000 })), 30_000 + ETA_MARGIN_MS);
    assert.equal(nextPollDelay(input({ expectedMs: 500 })), 2_000);
    assert.equal(nextPollDelay(input({ expectedMs: 1_881_000 })), 60_000);
  });
  it('backs off exponentially with jitter when there is no estimate', () => {
    assert.equal(nextPollDelay(input({ attempt: 0, random: 0.99 })), 2_000);
    assert.equal(nextPollDelay(input({ attempt: 3, random: 0 })), 2_000);
    assert.equal(nextPollDelay(input({ attempt: 3, random: 0.5 })), 2_000 + 0.5 * (16_000 - 2_000));
    assert.equal(nextPollDelay(input({ attempt: 40, random: 0.999 })), Math.ceil(2_000 + 0.999 * 58_000));
  });
  it('lands the last poll exactly on the deadline and never sleeps zero', () => {
    assert.equal(nextPollDelay(input({ now: 100, deadline: 5_000, expectedMs: 30_000 })), 4_900);
    assert.equal(nextPollDelay(input({ now: 4_999.5, deadline: 5_000 })), 1);
    assert.equal(nextPollDelay(input({ minDelay: 0.2, maxDelay: 0.2 })), 1);
  });
  it('property: always >= 1 ms, never past the deadline, never above maxDelay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e7 }), fc.integer({ min: 0, max: 100 }),
        fc.option(fc.integer({ min: 0, max: 1e7 })), fc.integer({ min: 1, max: 120_000 }), fc.integer({ min: 0, max: 600_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (now, left, attempt, expectedMs, minDelay, extra, random) => {
          const maxDelay = minDelay + extra;
          const d = nextPollDelay({ now, deadline: now + left, attempt, expectedMs, minDelay, maxDelay, random });
          return Number.isInteger(d) && d >= 1 && d <= left && d <= Math.ceil(maxDelay) && (left < minDelay || d >= Math.min(minDelay, left));
        },
      ),
    );
  });
  it('property: repeated scheduling always ends with a poll exactly at the deadline', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3_600_000 }), fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 20 }), (timeout, draws) => {
        let now = 0;
        let attempt = 0;
        while (now < timeout) {
          now += nextPollDelay(input({ now, deadline: timeout, attempt, random: draws[attempt % draws.length] }));
          attempt += 1;
        }
        return now === timeout;
      }),
    );
  });
});

describe('core/schedule expectedChangeMs', () => {
  it('aims at the end of the current step when it comes before the end of the task', () => {
    const steps = [{ name: 'init_instance', progress: 50, remainSeconds: 12 }, { name: 'init_redis', progress: 0, remainSeconds: 90 }];
    assert.equal(expectedChangeMs(makeTask({ remainSeconds: 102, currentStep: 'init_instance', steps })), 12_000);
    assert.equal(expectedChangeMs(makeTask({ remainSeconds: 5, currentStep: 'init_instance', steps })), 5_000);
    assert.equal(expectedChangeMs(makeTask({ remainSeconds: 102, currentStep: 'init_redis', steps })), 90_000);
  });

  it('uses Remain, then the current step remain, only while running', () => {
    assert.equal(expectedChangeMs(makeTask({ remainSeconds: 60 })), 60_000);
    const steps = [{ name: 'init_instance', progress: 50, remainSeconds: 12 }, { name: 'init_redis', progress: 0, remainSeconds: 90 }];
    assert.equal(expectedChangeMs(makeTask({ remainSeconds: 0, steps })), 12_000);
    assert.equal(expectedChangeMs(makeTask({ remainSeconds: null, steps: [] })), null);
    assert.equal(expectedChangeMs(makeTask({ status: TaskStatus.Paused, remainSeconds: 60 })), null);
    assert.equal(expectedChangeMs(null), null);
  });
});

describe('core/schedule nextWakeAt', () => {
  it('wakes for the heartbeat when it falls before the poll', () => {
    assert.equal(nextWakeAt(100_000, 30_000, 60_000), 90_000);
    assert.equal(nextWakeAt(50_000, 30_000, 60_000), 50_000);
  });
});
