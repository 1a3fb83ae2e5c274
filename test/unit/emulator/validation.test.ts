import { strict as assert } from 'node:assert';
import { parseBinArgs } from '../../../src/emulator/bin-args';
import { jsonObjectParam, optionalInt, page, requireParam, requireTime } from '../../../src/emulator/params';
import { planFromScript, validateTaskScript } from '../../../src/emulator/task-spec';
import { formatSecondTime, parseMinuteTime, parseSecondTime } from '../../../src/emulator/time-format';
import { resolveOptions } from '../../../src/emulator/options';

describe('emulator/time-format', () => {
  it('parses the two UTC formats and rejects near misses', () => {
    assert.equal(parseMinuteTime('2020-11-20T01:00Z'), Date.UTC(2020, 10, 20, 1, 0));
    assert.equal(parseSecondTime('2020-11-13T06:16:54Z'), Date.UTC(2020, 10, 13, 6, 16, 54));
    for (const bad of ['2020-11-20T01:00:00Z', '2020-11-20 01:00Z', '2020-02-30T01:00Z', '2020-11-20T24:00Z', '2020-11-20T01:00']) {
      assert.equal(parseMinuteTime(bad), undefined, bad);
    }
    assert.equal(parseSecondTime('2020-11-13T06:16:60Z'), undefined);
    assert.equal(parseMinuteTime('0050-01-01T00:00Z'), Date.parse('0050-01-01T00:00Z'), 'years 0-99 stay as written, not 19xx');
    assert.equal(parseSecondTime('0099-12-31T23:59:59Z'), Date.parse('0099-12-31T23:59:59Z'));
    assert.equal(formatSecondTime(Date.UTC(2020, 10, 13, 6, 16, 54, 999)), '2020-11-13T06:16:54Z');
  });
});

describe('emulator/params', () => {
  it('answers with the API error codes', () => {
    assert.throws(() => requireParam({}, 'InstanceId'), { code: 'MissingInstanceId', statusCode: 400 });
    assert.throws(() => requireParam({ InstanceId: ' ' }, 'InstanceId'), { code: 'MissingInstanceId' });
    assert.throws(() => requireTime({ StartTime: 'yesterday' }, 'StartTime'), { code: 'InvalidStartTime.Format' });
    assert.throws(() => optionalInt({ PageSize: '20' }, 'PageSize', 30, [30, 50, 100]), { code: 'InvalidParameter' });
    assert.throws(() => optionalInt({ PageNumber: '1.5' }, 'PageNumber', 1), { code: 'InvalidParameter' });
    assert.equal(optionalInt({}, 'PageNumber', 1), 1);
    assert.throws(() => jsonObjectParam('[1]', 'Config'), { code: 'InvalidParameter' });
    assert.throws(() => jsonObjectParam('{}', 'Config'), { code: 'InvalidParameter' });
    assert.deepEqual(jsonObjectParam('{"timeout":300}', 'Parameters'), { timeout: '300' });
    assert.deepEqual(page([1, 2, 3, 4, 5], 2, 2), [3, 4]);
  });
});

describe('emulator/task-spec', () => {
  const steps = [{ name: 'a', durationMs: 60_000 }, { name: 'b', durationMs: 60_000 }, { name: 'c', durationMs: 60_000 }];

  it('scales nominal durations by timeScale and defaults to the middle step', () => {
    assert.deepEqual(planFromScript({ outcome: 'paused' }, steps, 60), {
      steps: steps.map((s) => ({ name: s.name, durationMs: 1000 })),
      pendingMs: 0,
      outcome: { kind: 'paused', atStep: 1, atFraction: 0.5, pauseMs: 1000 },
    });
  });

  it('names the bad field of a script', () => {
    assert.throws(() => validateTaskScript({ outcome: 'exploded' as never }), { field: 'outcome' });
    assert.throws(() => validateTaskScript({ atFraction: 2 }), { field: 'atFraction' });
    assert.throws(() => validateTaskScript({ steps: [] }), { field: 'steps' });
    assert.throws(() => validateTaskScript({ steps: [{ name: 'x', durationMs: -1 }] }), { field: 'steps[0].durationMs' });
    assert.throws(() => validateTaskScript({ steps: [{ name: 'x', durationMs: 1 }], atStep: 1 }), { field: 'atStep' });
  });
});

describe('emulator/options', () => {
  it('fills defaults and refuses bad options with the option name', () => {
    const o = resolveOptions();
    assert.deepEqual([o.host, o.port, o.timeScale, o.seed], ['127.0.0.1', 0, 1, 1]);
    assert.throws(() => resolveOptions({ host: '192.0.2.1' }), { field: 'host' });
    assert.equal(resolveOptions({ host: '192.0.2.1', allowNonLoopback: true }).host, '192.0.2.1');
    assert.throws(() => resolveOptions({ timeScale: 0 }), { field: 'timeScale' });
    assert.throws(() => resolveOptions({ port: 70_000 }), { field: 'port' });
    assert.throws(() => resolveOptions({ config: { credentials: [] } }), { field: 'config.credentials' });
  });
});

describe('emulator/bin-args', () => {
  it('parses flags strictly', () => {
    assert.deepEqual(parseBinArgs(['--port', '8080', '--time-scale', '60', '--seed', '3', '--config', 'c.json']), {
      help: false,
      port: 8080,
      host: undefined,
      allowNonLoopback: false,
      timeScale: 60,
      seed: 3,
      configPath: 'c.json',
      verbose: false,
    });
    assert.throws(() => parseBinArgs(['--prot', '1']), { name: 'UsageError', message: /Unknown option '--prot'/ });
    assert.throws(() => parseBinArgs(['extra']), { name: 'UsageError' });
    assert.throws(() => parseBinArgs(['--seed', '1.5']), { message: '--seed must be an integer, got "1.5"' });
    assert.throws(() => parseBinArgs(['--time-scale', 'fast']), { message: /--time-scale must be a number/ });
  });
});
