import * as assert from 'node:assert/strict';
import { parseHttpDate, serverTimeOf } from '../../../src/client/server-time';

describe('client/server-time', () => {
  describe('parseHttpDate', () => {
    it('reads an IMF-fixdate (the HTTP Date header) to the second', () => {
      assert.equal(parseHttpDate('Wed, 01 May 2024 10:00:07 GMT')?.toISOString(), '2024-05-01T10:00:07.000Z');
      assert.equal(parseHttpDate('  Wed, 01 May 2024 10:00:07 GMT ')?.toISOString(), '2024-05-01T10:00:07.000Z');
    });

    it('gives null, never throws, for anything else', () => {
      for (const value of [undefined, null, 1714557607000, '', 'yesterday', '2024-05-01T10:00:07Z', '1',
        'Thu, 01 May 2024 10:00:07 GMT', // wrong weekday
        'Sat, 31 Feb 2024 10:00:07 GMT', // no such day
        'Wed, 01 May 2024 10:00:07 +0800']) {
        assert.equal(parseHttpDate(value), null, String(value));
      }
    });
  });

  describe('serverTimeOf', () => {
    it('reads the Date header whatever its case', () => {
      assert.equal(serverTimeOf({ date: 'Wed, 01 May 2024 10:00:07 GMT' })?.getTime(), Date.parse('2024-05-01T10:00:07Z'));
      assert.equal(serverTimeOf({ 'content-type': 'application/json', Date: 'Wed, 01 May 2024 10:00:08 GMT' })?.getTime(), Date.parse('2024-05-01T10:00:08Z'));
    });

    it('gives null without headers, without a Date header, or with an unreadable one', () => {
      assert.equal(serverTimeOf(undefined), null);
      assert.equal(serverTimeOf(null), null);
      assert.equal(serverTimeOf({ 'content-type': 'application/json' }), null);
      assert.equal(serverTimeOf({ date: 'soon' }), null);
    });
  });
});
