import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import * as sinon from 'sinon';
import { abortableSleep, systemClock } from '../../../src/core/clock';

describe('core/clock', () => {
  let fake: sinon.SinonFakeTimers;
  beforeEach(() => { fake = sinon.useFakeTimers({ now: 1_000_000 }); });
  afterEach(() => fake.restore());

  it('sleeps on the (fake) global timers and reads the (fake) time', async () => {
    let done = false;
    const p = systemClock.sleep(5_000).then(() => { done = true; });
    await fake.tickAsync(4_999);
    assert.equal(done, false);
    await fake.tickAsync(1);
    await p;
    assert.equal(done, true);
    assert.equal(systemClock.now(), 1_005_000);
    const r = systemClock.random();
    assert.ok(r >= 0 && r < 1);
  });

  it('rejects with the abort reason and clears its timer', async () => {
    const ac = new AbortController();
    const p = abortableSleep(60_000, ac.signal);
    assert.equal(fake.countTimers(), 1);
    const reason = new Error('stop');
    ac.abort(reason);
    await assert.rejects(p, (e) => e === reason);
    assert.equal(fake.countTimers(), 0);
  });

  it('removes its abort listener when it resolves, so a long wait does not pile listeners on the signal', async () => {
    const ac = new AbortController();
    for (let i = 0; i < 3; i++) {
      const p = abortableSleep(1_000, ac.signal);
      assert.equal(getEventListeners(ac.signal, 'abort').length, 1);
      await fake.tickAsync(1_000);
      await p;
    }
    assert.equal(getEventListeners(ac.signal, 'abort').length, 0);
  });

  it('rejects at once, arming nothing, when already aborted', async () => {
    const ac = new AbortController();
    ac.abort(new Error('early'));
    await assert.rejects(abortableSleep(1_000, ac.signal), /early/);
    assert.equal(fake.countTimers(), 0);
  });
});
