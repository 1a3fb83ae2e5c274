import * as assert from 'node:assert/strict';
import * as sinon from 'sinon';
import { KvstoreApiError } from '../../../src/client/errors';
import { InstanceStatusTimeoutError, InstanceWaitAbortedError, InvalidOptionError } from '../../../src/core/errors';
import { waitForInstanceStatus } from '../../../src/core/instance-status';
import { StubSource, VirtualClock } from './helpers';

const T0 = Date.parse('2024-05-01T10:00:00Z');
const apiError = (retryable: boolean): KvstoreApiError =>
  new KvstoreApiError({ action: 'DescribeInstanceAttribute', code: retryable ? 'ServiceUnavailable' : 'Forbidden.RAM', requestId: null, statusCode: retryable ? 503 : 403, retryable, attempts: 1 }, 'x');

function setup(statuses: (n: number) => string | Error) {
  const clock = new VirtualClock(T0);
  const source = new StubSource(() => [], statuses, () => clock.now());
  return { clock, source };
}

describe('core/waitForInstanceStatus', () => {
  it('resolves once the status is reached, reporting each change', async () => {
    const { clock, source } = setup((n) => (n < 3 ? 'Changing' : n < 4 ? 'Transforming' : 'Normal'));
    const seen: string[] = [];
    assert.equal(await waitForInstanceStatus('r-1', 'Normal', { client: source, clock, onStatus: (s) => seen.push(s) }), 'Normal');
    assert.deepEqual(seen, ['Changing', 'Transforming', 'Normal']);
    assert.equal(source.statusCalls.length, 4);
    assert.ok(clock.sleeps.every((ms) => ms >= 2_000 && ms <= 60_000));
  });

  it('polls once more exactly at the deadline, then rejects with the last status', async () => {
    const { clock, source } = setup(() => 'Changing');
    await assert.rejects(waitForInstanceStatus('r-1', 'Normal', { client: source, clock, timeout: 30_000 }), (e: unknown) =>
      e instanceof InstanceStatusTimeoutError && e.lastStatus === 'Changing' && e.timeoutMs === 30_000 && /Changing/.test(e.message));
    assert.equal(source.statusTimes.at(-1), T0 + 30_000);
  });

  it('polls through a transient error but ends on a permanent one', async () => {
    const transient = setup((n) => (n === 1 ? apiError(true) : 'Normal'));
    assert.equal(await waitForInstanceStatus('r-1', 'Normal', { client: transient.source, clock: transient.clock }), 'Normal');
    const permanent = setup(() => apiError(false));
    await assert.rejects(waitForInstanceStatus('r-1', 'Normal', { client: permanent.source, clock: permanent.clock }), KvstoreApiError);
    assert.equal(permanent.source.statusCalls.length, 1);
  });

  it('validates its arguments before any call', async () => {
    const { clock, source } = setup(() => 'Normal');
    await assert.rejects(waitForInstanceStatus('', 'Normal', { client: source, clock }), (e: unknown) => e instanceof InvalidOptionError && e.option === 'instanceId');
    await assert.rejects(waitForInstanceStatus('r-1', 'Normal', { client: source, clock, timeout: 0 }), (e: unknown) => e instanceof InvalidOptionError && e.option === 'timeout');
    await assert.rejects(waitForInstanceStatus('r-1', 'Normal', { client: source, clock, onStatus: 'x' as never }), (e: unknown) => e instanceof InvalidOptionError && e.option === 'onStatus');
    await assert.rejects(waitForInstanceStatus('r-1', 'Normal', { client: source, clock, pollEvery: 1 } as never), (e: unknown) => e instanceof InvalidOptionError && e.option === 'pollEvery');
    assert.equal(source.statusCalls.length, 0);
  });

  it('aborts during a sleep with no timer left and no further call', async () => {
    const fake = sinon.useFakeTimers({ now: T0 });
    try {
      const source = new StubSource(() => [], () => 'Changing');
      const ac = new AbortController();
      const settled = waitForInstanceStatus('r-1', 'Normal', { client: source, signal: ac.signal }).catch((e: unknown) => e);
      await fake.tickAsync(1_000);
      assert.equal(source.statusCalls.length, 1);
      ac.abort();
      const error = await settled;
      assert.ok(error instanceof InstanceWaitAbortedError);
      assert.equal(error.lastStatus, 'Changing');
      assert.equal(fake.countTimers(), 0);
      await fake.tickAsync(600_000);
      assert.equal(source.statusCalls.length, 1);
    } finally {
      fake.restore();
    }
  });
});
