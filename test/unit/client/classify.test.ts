import { strict as assert } from 'node:assert';
import { ClientError, ServerError, ThrottlingError } from '@alicloud/openapi-core';
import { classifyFailure } from '../../../src/client/classify';
import { CredentialsUnavailableError } from '../../../src/client/credentials';

/** Builds an SDK error the way openapi-core 1.0.8 does from an error response. */
function sdkError(kind: 'throttling' | 'client' | 'server', statusCode: number, code: string, extra: Record<string, unknown> = {}): Error {
  const data = { RequestId: 'REQ-1', Code: code, Message: `message for ${code}` };
  const map = { statusCode, code, message: `code: ${statusCode}, ${data.Message} request id: REQ-1`, data, requestId: 'REQ-1', ...extra };
  if (kind === 'throttling') return new ThrottlingError(map);
  if (kind === 'client') return new ClientError(map);
  return new ServerError(map);
}

function networkError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyFailure', () => {
  it('retries throttling and honours retryAfter (ms)', () => {
    const c = classifyFailure(sdkError('throttling', 400, 'Throttling.User', { retryAfter: 1500 }));
    assert.deepEqual(c, {
      kind: 'throttled', code: 'Throttling.User', statusCode: 400, requestId: 'REQ-1', retryable: true, retryAfterMs: 1500,
      serverMessage: 'message for Throttling.User',
    });
    assert.equal(classifyFailure(sdkError('throttling', 503, 'Throttling', {})).retryAfterMs, null);
  });

  it('fails at once on a signature mismatch (400 SignatureDoesNotMatch)', () => {
    const c = classifyFailure(sdkError('client', 400, 'SignatureDoesNotMatch'));
    assert.equal(c.kind, 'signature');
    assert.equal(c.retryable, false);
    assert.equal(c.statusCode, 400);
  });

  it('fails at once on an unknown AccessKey (404 InvalidAccessKeyId.NotFound) as a credentials error', () => {
    const c = classifyFailure(sdkError('client', 404, 'InvalidAccessKeyId.NotFound'));
    assert.equal(c.kind, 'credentials');
    assert.equal(c.retryable, false);
  });

  it('fails at once on permission, parameter and not-found errors', () => {
    const cases: Array<[number, string, string]> = [
      [403, 'Forbidden.RAM', 'permission'],
      [403, 'NoPermission', 'permission'],
      [400, 'InvalidParameter', 'invalid-parameter'],
      [400, 'InvalidParameter.PageSize', 'invalid-parameter'],
      [400, 'MissingParameter', 'invalid-parameter'],
      [404, 'InvalidInstanceId.NotFound', 'not-found'],
      [400, 'InvalidTimeStamp.Expired', 'clock'],
      [400, 'IncorrectDBInstanceState', 'client'],
    ];
    for (const [status, code, kind] of cases) {
      const c = classifyFailure(sdkError('client', status, code));
      assert.equal(c.kind, kind, code);
      assert.equal(c.retryable, false, code);
      assert.equal(c.code, code);
    }
  });

  it('retries a reused nonce, since each attempt signs with a fresh one', () => {
    assert.equal(classifyFailure(sdkError('client', 400, 'SignatureNonceUsed')).retryable, true);
  });

  it('retries 5xx and ServiceUnavailable', () => {
    const c500 = classifyFailure(sdkError('server', 500, 'InternalError'));
    assert.deepEqual([c500.kind, c500.retryable, c500.statusCode], ['server', true, 500]);
    const c503 = classifyFailure(sdkError('server', 503, 'ServiceUnavailable'));
    assert.deepEqual([c503.kind, c503.retryable], ['server', true]);
  });

  it('names a 5xx without a Code by its status', () => {
    const c = classifyFailure(new ServerError({ statusCode: 502, code: 'undefined', message: 'x', requestId: 'undefined', data: {} }));
    assert.deepEqual([c.code, c.requestId, c.retryable], ['HTTP502', null, true]);
  });

  it('retries a non-JSON error body (bare SyntaxError)', () => {
    let error: unknown;
    try {
      JSON.parse('<html>Bad Gateway</html>');
    } catch (e) {
      error = e;
    }
    const c = classifyFailure(error);
    assert.deepEqual([c.kind, c.code, c.retryable, c.statusCode], ['non-json-response', 'NonJsonResponse', true, null]);
  });

  it('retries connection refusals, resets, broken pipes and hang-ups', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EAI_AGAIN']) {
      const c = classifyFailure(networkError(code, `connect ${code} 127.0.0.1:1`));
      assert.deepEqual([c.kind, c.code, c.retryable], ['network', code, true]);
    }
    assert.equal(classifyFailure(new Error('socket hang up')).code, 'ECONNRESET');
  });

  it('does not retry a host that does not resolve', () => {
    const c = classifyFailure(networkError('ENOTFOUND', 'getaddrinfo ENOTFOUND nowhere.invalid'));
    assert.deepEqual([c.kind, c.retryable], ['network', false]);
  });

  it('retries timeouts (httpx RequestTimeoutError, ETIMEDOUT)', () => {
    const timeout = Object.assign(new Error('ReadTimeout(1000). POST http://127.0.0.1:1/ failed.'), { name: 'RequestTimeoutError' });
    assert.deepEqual([classifyFailure(timeout).kind, classifyFailure(timeout).code, classifyFailure(timeout).retryable], ['timeout', 'RequestTimeout', true]);
    assert.equal(classifyFailure(networkError('ETIMEDOUT', 'connect ETIMEDOUT')).kind, 'timeout');
  });

  it('reports missing credentials, from the chain or from the SDK', () => {
    const chain = classifyFailure(new CredentialsUnavailableError('standard chain'));
    assert.deepEqual([chain.kind, chain.code, chain.retryable], ['credentials', 'CredentialsNotFound', false]);
    const sdk = classifyFailure(new ClientError({ code: 'InvalidCredentials', message: 'Please set up the credentials' }));
    assert.deepEqual([sdk.kind, sdk.retryable], ['credentials', false]);
  });

  it('does not retry errors of unknown shape', () => {
    for (const error of [new TypeError('x is not a function'), 'a string', null]) {
      const c = classifyFailure(error);
      assert.deepEqual([c.kind, c.code, c.retryable], ['unknown', 'UnknownError', false]);
    }
  });
});
