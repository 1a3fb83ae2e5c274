import { strict as assert } from 'node:assert';
import { ClientError, ServerError, ThrottlingError } from '@alicloud/openapi-core';
import * as sinon from 'sinon';
import { InvalidOptionError } from '../../../src/core/errors';
import { KvstoreApiError } from '../../../src/client/errors';
import {
  callWithRetry,
  DEFAULT_RETRY_OPTIONS,
  resolveRetryOptions,
  retryDelay,
  type RetryCallContext,
} from '../../../src/client/retry';

const throttled = (retryAfter?: number): Error =>
  new ThrottlingError({ statusCode: 400, code: 'Throttling.User', message: 'm', requestId: 'R', retryAfter, data: {} });
const signature = (): Error => new ClientError({ statusCode: 400, code: 'SignatureDoesNotMatch', message: 'm', requestId: 'R', data: {} });
const unavailable = (): Error => new ServerError({ statusCode: 503, code: 'ServiceUnavailable', message: 'm', requestId: 'R', data: {} });
const reset = (): Error => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

/** An attempt function that fails with the given errors in turn, then returns 'ok'. */
function failingThen(errors: Error[]): sinon.SinonStub<[], Promise<string>> {
  const stub = sinon.stub<[], Promise<string>>();
  errors.forEach((error, i) => stub.onCall(i).rejects(error));
  stub.onCall(errors.length).resolves('ok');
  return stub;
}

describe('retry', () => {
  describe('resolveRetryOptions', () => {
    it('fills in defaults and keeps given values', () => {
      assert.deepEqual(resolveRetryOptions(undefined), DEFAULT_RETRY_OPTIONS);
      assert.deepEqual(resolveRetryOptions({ retries: 0 }), { ...DEFAULT_RETRY_OPTIONS, retries: 0 });
    });

    it('rejects bad values with the option path', () => {
      for (const bad of [{ retries: -1 }, { retries: 1.5 }, { maxDelayMs: Number.NaN }, { minDelayMs: Infinity }, { retries: 21 }]) {
        assert.throws(() => resolveRetryOptions(bad), InvalidOptionError, JSON.stringify(bad));
      }
      assert.throws(() => resolveRetryOptions({ minDelayMs: 10, maxDelayMs: 5 }), /retry.minDelayMs/);
      assert.throws(() => resolveRetryOptions('fast' as never), /Invalid option "retry"/);
    });
  });

  describe('retryDelay', () => {
    const options = { retries: 5, minDelayMs: 100, maxDelayMs: 1000, maxRetryTimeMs: 10_000 };
    it('doubles per retry, caps at maxDelayMs, with jitter in the upper half', () => {
      assert.deepEqual([1, 2, 3, 4, 5].map((n) => retryDelay(n, null, options, 0)), [50, 100, 200, 400, 500]);
      assert.deepEqual([1, 2, 3, 4, 5].map((n) => retryDelay(n, null, options, 0.999999)), [100, 200, 400, 800, 1000]);
    });

    it('waits at least as long as the server asked, even beyond maxDelayMs', () => {
      assert.equal(retryDelay(1, 3000, options, 0.5), 3000);
      assert.equal(retryDelay(4, 10, options, 0), 400);
    });
  });

  describe('callWithRetry', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => {
      clock = sinon.useFakeTimers();
    });
    afterEach(() => clock.restore());

    const ctx = (over: Partial<RetryCallContext> = {}): RetryCallContext => ({
      action: 'DescribeTasks',
      retry: resolveRetryOptions({ retries: 4, minDelayMs: 100, maxDelayMs: 1000, maxRetryTimeMs: 60_000 }),
      redact: (t) => t,
      random: () => 0,
      ...over,
    });

    it('retries retryable failures with growing back-off, then returns the result', async () => {
      const attempt = failingThen([reset(), unavailable(), throttled()]);
      const sleeps: number[] = [];
      const result = await callWithRetry(attempt, ctx({ sleep: async (ms) => void sleeps.push(ms) }));
      assert.equal(result, 'ok');
      assert.equal(attempt.callCount, 4);
      assert.deepEqual(sleeps, [50, 100, 200]);
    });

    it('honours the server retryAfter', async () => {
      const sleeps: number[] = [];
      await callWithRetry(failingThen([throttled(2500)]), ctx({ sleep: async (ms) => void sleeps.push(ms) }));
      assert.deepEqual(sleeps, [2500]);
    });

    it('sleeps on real (fake) timers between attempts', async () => {
      const attempt = failingThen([reset()]);
      const done = callWithRetry(attempt, ctx());
      await clock.tickAsync(49);
      assert.equal(attempt.callCount, 1);
      await clock.tickAsync(1);
      assert.equal(await done, 'ok');
      assert.equal(attempt.callCount, 2);
    });

    it('fails at once on a non-retryable failure, as a KvstoreApiError', async () => {
      const attempt = failingThen([signature()]);
      await assert.rejects(callWithRetry(attempt, ctx()), (e: unknown) =>
        e instanceof KvstoreApiError && e.code === 'SignatureDoesNotMatch' && e.attempts === 1 && !e.retryable && e.statusCode === 400);
      assert.equal(attempt.callCount, 1);
    });

    it('gives up after the retry budget, reporting every attempt', async () => {
      const attempt = sinon.stub<[], Promise<string>>().rejects(unavailable());
      await assert.rejects(callWithRetry(attempt, ctx({ sleep: async () => undefined })), (e: unknown) =>
        e instanceof KvstoreApiError && e.code === 'ServiceUnavailable' && e.attempts === 5 && e.retryable);
      assert.equal(attempt.callCount, 5);
    });

    it('does not retry when retries is 0', async () => {
      const attempt = sinon.stub<[], Promise<string>>().rejects(reset());
      await assert.rejects(callWithRetry(attempt, ctx({ retry: resolveRetryOptions({ retries: 0 }) })), /ECONNRESET/);
      assert.equal(attempt.callCount, 1);
    });

    it('stops when the next wait would pass maxRetryTimeMs', async () => {
      const attempt = sinon.stub<[], Promise<string>>().rejects(throttled(5000));
      const retry = resolveRetryOptions({ retries: 10, maxRetryTimeMs: 4000 });
      await assert.rejects(callWithRetry(attempt, ctx({ retry })), (e: unknown) => e instanceof KvstoreApiError && e.code === 'Throttling.User');
      assert.equal(attempt.callCount, 1);
    });

    it('counts attempts through onAttempt', async () => {
      const seen: number[] = [];
      await callWithRetry(failingThen([reset(), reset()]), ctx({ sleep: async () => undefined, onAttempt: (n) => seen.push(n) }));
      assert.deepEqual(seen, [1, 2, 3]);
    });

    it('aborts during a back-off with signal.reason and makes no further attempt', async () => {
      const controller = new AbortController();
      const attempt = sinon.stub<[], Promise<string>>().rejects(unavailable());
      const reason = new Error('stop');
      const outcome = assert.rejects(callWithRetry(attempt, ctx({ signal: controller.signal })), (e: unknown) => e === reason);
      await clock.tickAsync(10);
      controller.abort(reason);
      await outcome;
      await clock.tickAsync(60_000);
      assert.equal(attempt.callCount, 1);
      assert.equal(clock.countTimers(), 0);
    });

    it('drops the result of an attempt in flight when aborted', async () => {
      const controller = new AbortController();
      let finish: (v: string) => void = () => undefined;
      const attempt = sinon.stub<[], Promise<string>>().returns(new Promise((resolve) => (finish = resolve)));
      const done = callWithRetry(attempt, ctx({ signal: controller.signal }));
      controller.abort();
      await assert.rejects(done, (e: unknown) => e instanceof Error && e.name === 'AbortError');
      finish('late');
      assert.equal(attempt.callCount, 1);
    });

    it('makes no attempt when already aborted', async () => {
      const attempt = sinon.stub<[], Promise<string>>().resolves('ok');
      await assert.rejects(callWithRetry(attempt, ctx({ signal: AbortSignal.abort() })), { name: 'AbortError' });
      assert.equal(attempt.callCount, 0);
    });
  });
});
