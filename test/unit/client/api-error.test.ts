import { strict as assert } from 'node:assert';
import { ClientError, ThrottlingError } from '@alicloud/openapi-core';
import { createRedactor, toKvstoreApiError } from '../../../src/client/api-error';
import { KvstoreApiError } from '../../../src/client/errors';

const SECRET = 'SeCrEt-Kx9vQ2-do-not-leak';

describe('toKvstoreApiError', () => {
  it('carries the classified fields and tells what to check for a bad signature', () => {
    const sdk = new ClientError({
      statusCode: 400, code: 'SignatureDoesNotMatch', requestId: 'R-9', message: 'code: 400',
      data: { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched with our calculation.' },
    });
    const e = toKvstoreApiError('DescribeTasks', sdk, 1, createRedactor([SECRET]));
    assert.ok(e instanceof KvstoreApiError);
    assert.deepEqual(
      { action: e.action, code: e.code, requestId: e.requestId, statusCode: e.statusCode, retryable: e.retryable, attempts: e.attempts },
      { action: 'DescribeTasks', code: 'SignatureDoesNotMatch', requestId: 'R-9', statusCode: 400, retryable: false, attempts: 1 },
    );
    assert.match(e.message, /ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
    assert.match(e.message, /HTTP 400, request id R-9/);
    assert.match(e.message, /Server said: Specified signature is not matched/);
    assert.equal(e.cause, undefined);
  });

  it('counts attempts in the message', () => {
    const e = toKvstoreApiError('DescribeTasks', new ThrottlingError({ statusCode: 400, code: 'Throttling.User', message: 'm', requestId: 'R' }), 5, (t) => t);
    assert.match(e.message, /after 5 attempts\. The API throttled/);
    assert.equal(e.retryable, true);
  });

  it('never carries a secret that the server or SDK echoed, and drops the string-to-sign', () => {
    const sdk = new ClientError({
      statusCode: 400, code: 'SignatureDoesNotMatch', requestId: 'R',
      message: `code: 400, bad ${SECRET} request id: R`,
      data: { Message: `The secret ${SECRET} is wrong. server string to sign is:POST&%2F&AccessKeyId%3DLTAI&SecurityToken%3Dtok` },
    });
    const e = toKvstoreApiError('DescribeTasks', sdk, 1, createRedactor([SECRET]));
    const dump = `${e.message}\n${JSON.stringify(e)}\n${String(e.cause)}\n${e.stack}`;
    assert.ok(!dump.includes(SECRET), dump);
    assert.ok(!/SecurityToken%3Dtok/.test(dump), dump);
    assert.match(e.message, /The secret \*\*\* is wrong\./);
  });

  it('returns an existing KvstoreApiError unchanged', () => {
    const original = new KvstoreApiError({ action: 'A', code: 'C', requestId: null, statusCode: null, retryable: false, attempts: 2 }, 'm');
    assert.equal(toKvstoreApiError('B', original, 9, (t) => t), original);
  });

  it('truncates a long server message', () => {
    const sdk = new ClientError({ statusCode: 400, code: 'InvalidParameter', message: 'm', data: { Message: 'x'.repeat(5000) } });
    assert.ok(toKvstoreApiError('DescribeTasks', sdk, 1, (t) => t).message.length < 700);
  });
});

describe('createRedactor', () => {
  it('replaces every occurrence of every secret and ignores empty ones', () => {
    const redact = createRedactor(['abc', '', 'xyz']);
    assert.equal(redact('abc-xyz-abc-q'), '***-***-***-q');
  });
});
