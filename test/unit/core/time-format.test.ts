import { strict as assert } from 'node:assert';
import { InvalidOptionError } from '../../../src/core/errors';
import { TaskStatus } from '../../../src/core/task';
import { formatApiMinute, formatStatusList, parseApiTime } from '../../../src/core/time-format';

describe('time-format', () => {
  describe('formatApiMinute', () => {
    it('formats UTC at minute precision and floors the seconds', () => {
      assert.equal(formatApiMinute(new Date('2020-11-20T01:00:59.999Z')), '2020-11-20T01:00Z');
      assert.equal(formatApiMinute(new Date('2020-01-02T03:04:00.000Z')), '2020-01-02T03:04Z');
    });

    it('uses UTC, not the local offset of the Date', () => {
      assert.equal(formatApiMinute(new Date('2021-06-30T23:59:30+08:00')), '2021-06-30T15:59Z');
    });

    it('zero-pads every component', () => {
      assert.equal(formatApiMinute(new Date(Date.UTC(987, 0, 5, 6, 7))), '0987-01-05T06:07Z');
    });

    it('rejects an invalid Date with the option name', () => {
      assert.throws(
        () => formatApiMinute(new Date('not a date'), 'startTime'),
        (e: unknown) => e instanceof InvalidOptionError && e.option === 'startTime' && /invalid Date/.test(e.message),
      );
    });

    it('rejects a non-Date and years the API cannot express', () => {
      assert.throws(() => formatApiMinute('2020-01-01' as unknown as Date, 'endTime'), /Invalid option "endTime": expected a Date/);
      assert.throws(() => formatApiMinute(new Date(Date.UTC(10000, 0, 1))), InvalidOptionError);
    });
  });

  describe('parseApiTime', () => {
    it('parses the second and minute forms as UTC', () => {
      assert.equal(parseApiTime('2020-11-13T06:16:54Z')?.toISOString(), '2020-11-13T06:16:54.000Z');
      assert.equal(parseApiTime('2020-11-20T01:00Z')?.toISOString(), '2020-11-20T01:00:00.000Z');
      assert.equal(parseApiTime('2020-11-13T06:16:54.25Z')?.toISOString(), '2020-11-13T06:16:54.250Z');
    });

    it('is the inverse of formatApiMinute at minute precision', () => {
      const t = new Date('2024-02-29T23:59:00Z');
      assert.equal(parseApiTime(formatApiMinute(t))?.getTime(), t.getTime());
    });

    it('returns null for impossible dates and other formats', () => {
      for (const text of ['2020-02-30T00:00:00Z', '2020-13-01T00:00Z', '2020-01-01T24:00Z', '2020-01-01T00:60Z',
        '2020-01-01 00:00:00Z', '2020-01-01T00:00:00+08:00', '2020-01-01T00:00:00', '', 'yesterday']) {
        assert.equal(parseApiTime(text), null, text);
      }
    });
  });

  describe('formatStatusList', () => {
    it('joins statuses with commas, keeping order and dropping duplicates', () => {
      assert.equal(formatStatusList([TaskStatus.Pending, TaskStatus.Running, TaskStatus.Running, TaskStatus.Interrupted]), '0,1,8');
      assert.equal(formatStatusList([TaskStatus.Complete]), '2');
    });

    it('rejects an empty list and unknown codes', () => {
      assert.throws(() => formatStatusList([]), (e: unknown) => e instanceof InvalidOptionError && e.option === 'statuses');
      assert.throws(() => formatStatusList([3 as TaskStatus]), /3 is not a task status \(valid: 0, 1, 2, 4, 7, 8\)/);
      assert.throws(() => formatStatusList('2' as unknown as TaskStatus[], 'status'), /Invalid option "status"/);
    });
  });
});
