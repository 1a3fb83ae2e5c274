import { strict as assert } from 'node:assert';
import { ServerClock } from '../../../src/emulator/clock';
import { decideFault, decideLatency, FaultRegistry, validateFaults } from '../../../src/emulator/faults';
import { createRng } from '../../../src/emulator/prng';

describe('emulator/clock', () => {
  it('advances the task timeline, not the server clock, and skews only stamps', () => {
    let real = 1_000_000;
    const clock = new ServerClock(() => real);
    clock.setSkew(300);
    clock.advance(5000);
    assert.deepEqual([clock.real(), clock.stamp(), clock.timeline()], [1_000_000, 1_000_300, 1_005_000]);
    real += 100;
    assert.equal(clock.timeline(), 1_005_100);
  });

  it('maps a timeline point back to the real moment it was reached', () => {
    let real = 1000;
    const clock = new ServerClock(() => real);
    real = 2000;
    clock.advance(500); // timeline jumps from 2000 to 2500 at real 2000
    assert.equal(clock.realAtTimeline(1500), 1500);
    assert.equal(clock.realAtTimeline(2300), 2000);
    assert.equal(clock.realAtTimeline(2700), 2200);
  });
});

describe('emulator/faults', () => {
  it('gives each kind a slice of [0, 1) as wide as its rate', () => {
    const f = { throttleRate: 0.25, internalErrorRate: 0.25, dropRate: 0.25 };
    assert.equal(decideFault(f, 0.1), 'throttle');
    assert.equal(decideFault(f, 0.3), 'internal');
    assert.equal(decideFault(f, 0.6), 'drop');
    assert.equal(decideFault(f, 0.8), undefined);
    assert.equal(decideFault({}, 0), undefined);
  });

  it('draws latency from a fixed value or a range', () => {
    assert.equal(decideLatency({ latencyMs: 40 }, 0.9), 40);
    assert.equal(decideLatency({ latencyMs: [100, 200] }, 0.5), 150);
    assert.equal(decideLatency({}, 0.5), 0);
  });

  it('validates settings and resolves per-action over *', () => {
    assert.throws(() => validateFaults({ latencyMs: [5, 1] }), { field: 'latencyMs' });
    const reg = new FaultRegistry();
    reg.set('*', { dropRate: 1 });
    reg.set('DescribeTasks', { throttleRate: 1 });
    assert.deepEqual(reg.forAction('DescribeTasks'), { throttleRate: 1 });
    assert.deepEqual(reg.forAction('RestartInstance'), { dropRate: 1 });
    reg.set('*', null);
    assert.equal(reg.forAction('RestartInstance'), undefined);
  });
});

describe('emulator/prng', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const a = createRng(9);
    const b = createRng(9);
    const seqA = Array.from({ length: 5 }, () => a.next());
    assert.deepEqual(Array.from({ length: 5 }, () => b.next()), seqA);
    assert.notDeepEqual(Array.from({ length: 5 }, () => createRng(10).next()), seqA);
    assert.match(createRng(1).uuid(), /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    const r = createRng(3);
    for (let i = 0; i < 100; i++) {
      const v = r.int(2, 4);
      assert.ok(v >= 2 && v <= 4 && Number.isInteger(v));
    }
  });
});
