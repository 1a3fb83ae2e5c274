import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { clockOffsetFrom } from '../../../src/core/server-clock';

describe('core/server-clock clockOffsetFrom', () => {
  it('bounds the offset by the header truncation (up to 999 ms) and the round trip', () => {
    const t = Date.parse('2024-05-01T10:00:00Z');
    assert.deepEqual(clockOffsetFrom({ serverTime: t + 90_000, sentAt: t, receivedAt: t + 200 }), { min: 89_800, max: 90_999 });
    assert.deepEqual(clockOffsetFrom({ serverTime: t - 91_000, sentAt: t, receivedAt: t + 50 }), { min: -91_050, max: -90_001 });
  });

  it('property: the bounds hold the true offset, whenever in the round trip the server read its clock', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3_600_000, max: 3_600_000 }), // true offset, server − ours
        fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }), // sentAt
        fc.integer({ min: 0, max: 5_000 }), // until the server answered
        fc.integer({ min: 0, max: 5_000 }), // until the answer arrived
        (offset, sentAt, toServer, back) => {
          const serverTime = Math.floor((sentAt + toServer + offset) / 1000) * 1000;
          const bounds = clockOffsetFrom({ serverTime, sentAt, receivedAt: sentAt + toServer + back });
          return bounds.min <= offset && offset <= bounds.max && bounds.max - bounds.min === toServer + back + 999;
        },
      ),
    );
  });
});
