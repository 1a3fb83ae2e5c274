import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { formatDuration, parseDuration } from '../../../src/core/duration';
import { parseTimeArg } from '../../../src/cli/time-arg';

describe('core/duration', () => {
  it('parses each unit and compound durations', () => {
    assert.equal(parseDuration('90s'), 90_000);
    assert.equal(parseDuration('30m'), 1_800_000);
    assert.equal(parseDuration('2h'), 7_200_000);
    assert.equal(parseDuration('1h30m'), 5_400_000);
    assert.equal(parseDuration('1m30s'), 90_000);
    assert.equal(parseDuration('250ms'), 250);
    assert.equal(parseDuration('1h2m3s4ms'), 3_723_004);
    assert.equal(parseDuration('0s'), 0);
  });

  it('rejects numbers without units, decimals, signs, spaces, wrong order, repeats and unknown units', () => {
    for (const bad of ['', '90', '1.5h', '-5s', '+5s', ' 90s', '90s ', '90 s', '30m1h', '1m1m', '90S', '5d', 'ms', 'h', '1hm', '9Os']) {
      assert.equal(parseDuration(bad), null, bad);
    }
  });

  it('formats durations in the short human form', () => {
    assert.equal(formatDuration(0), '0s');
    assert.equal(formatDuration(999), '0s');
    assert.equal(formatDuration(12_000), '12s');
    assert.equal(formatDuration(245_000), '4m05s');
    assert.equal(formatDuration(5_400_000), '1h30m');
    assert.equal(formatDuration(-5), '0s');
  });

  it('formats whole seconds under an hour into text that parses back to the same value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3599 }), (seconds) => parseDuration(formatDuration(seconds * 1000)) === seconds * 1000),
    );
  });
});

describe('cli/time-arg', () => {
  const now = new Date('2024-05-01T10:00:00Z');

  it('accepts now, past relative times and ISO times with a zone', () => {
    assert.equal(parseTimeArg('now', now)?.toISOString(), '2024-05-01T10:00:00.000Z');
    assert.equal(parseTimeArg('-10m', now)?.toISOString(), '2024-05-01T09:50:00.000Z');
    assert.equal(parseTimeArg('-1h30m', now)?.toISOString(), '2024-05-01T08:30:00.000Z');
    assert.equal(parseTimeArg('2024-05-01T08:00Z', now)?.toISOString(), '2024-05-01T08:00:00.000Z');
    assert.equal(parseTimeArg('2024-05-01T18:00:30+08:00', now)?.toISOString(), '2024-05-01T10:00:30.000Z');
    assert.equal(parseTimeArg('2024-04-30T23:30:00.5-01:00', now)?.toISOString(), '2024-05-01T00:30:00.500Z');
  });

  it('rejects times without a zone, future relative times, impossible dates and garbage', () => {
    for (const bad of ['2024-05-01T08:00', '2024-05-01', '10m', '+10m', '-10', '-', '2024-02-30T00:00Z', '2024-13-01T00:00Z', '2024-05-01T25:00Z', 'yesterday', '']) {
      assert.equal(parseTimeArg(bad, now), null, bad);
    }
  });
});
