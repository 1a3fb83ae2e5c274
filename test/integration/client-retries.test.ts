/**
 * The real SDK over HTTP to a scripted loopback server: which failures are retried, which fail at once,
 * timeouts, aborts, and that errors never carry the secret.
 */
import { strict as assert } from 'node:assert';
import { KvstoreApiError, KvstoreTasksClient, type TasksClientOptions } from '../../src/client';
import { apiError, json, startScriptedServer, tasksPage, type ScriptedReply, type ScriptedServer } from './client-scripted-server';

process.env['ALIBABA_CLOUD_ECS_METADATA_DISABLED'] = 'true';

const SECRET = 'Rk9-recognisable-SECRET-7f3a';
const query = { instanceId: 'r-bp1test', startTime: new Date('2024-05-01T00:00:00Z'), endTime: new Date('2024-05-01T01:00:00Z') };

describe('client over HTTP: retries and errors', () => {
  let server: ScriptedServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  async function clientFor(replies: ScriptedReply[], extra: Partial<TasksClientOptions> = {}): Promise<KvstoreTasksClient> {
    server = await startScriptedServer(replies);
    return new KvstoreTasksClient({
      endpoint: server.endpoint,
      credentials: { accessKeyId: 'LTAItestkey', accessKeySecret: SECRET },
      retry: { retries: 5, minDelayMs: 1, maxDelayMs: 5 },
      ...extra,
    });
  }

  it('retries throttling, an empty 503, an HTML 502, a 500 and a dropped connection, then succeeds', async () => {
    const client = await clientFor([
      apiError(400, 'Throttling.User', 'Request was denied due to user flow control.', { 'x-acs-retry-after': '20' }),
      { status: 503, body: '' },
      { status: 502, body: '<html><body>502 Bad Gateway</body></html>', headers: { 'content-type': 'text/html' } },
      apiError(500, 'InternalError'),
      { drop: true },
      tasksPage(['101', '102']),
    ]);
    const page = await client.describeTasks(query);
    assert.deepEqual(page.tasks.map((t) => t.taskId), ['101', '102']);
    assert.deepEqual(client.stats, { requests: 6, retries: 5 });
    assert.equal(server?.requests.length, 6);
    const nonces = server?.requests.map((r) => r.headers['x-acs-signature-nonce']);
    assert.equal(new Set(nonces).size, 6, 'each attempt is signed anew');
  });

  it('sends the DescribeTasks parameters in the query string, signed with ACS3', async () => {
    const client = await clientFor([tasksPage([])]);
    await client.describeTasks({ ...query, statuses: [1, 7], pageSize: 50, pageNumber: 2 });
    const request = server?.requests[0];
    assert.equal(request?.method, 'POST');
    assert.equal(request?.headers['x-acs-action'], 'DescribeTasks');
    assert.equal(request?.headers['x-acs-version'], '2015-01-01');
    assert.match(String(request?.headers['authorization']), /^ACS3-HMAC-SHA256 Credential=LTAItestkey,/);
    const params = new URL(`http://x${request?.url}`).searchParams;
    assert.deepEqual(Object.fromEntries(params), {
      InstanceId: 'r-bp1test', StartTime: '2024-05-01T00:00Z', EndTime: '2024-05-01T01:00Z', Status: '1,7', PageSize: '50', PageNumber: '2',
    });
  });

  it('fails at once on SignatureDoesNotMatch, with advice and without the secret', async () => {
    const client = await clientFor([
      apiError(400, 'SignatureDoesNotMatch', `Specified signature is not matched with our calculation. server string to sign is:POST&%2F&${SECRET}`),
    ]);
    const error = await client.describeTasks(query).then(() => assert.fail('should reject'), (e: unknown) => e);
    assert.ok(error instanceof KvstoreApiError);
    assert.deepEqual(
      [error.code, error.statusCode, error.requestId, error.retryable, error.attempts, error.action],
      ['SignatureDoesNotMatch', 400, 'REQ-SignatureDoesNotMatch', false, 1, 'DescribeTasks'],
    );
    assert.match(error.message, /ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
    const dump = `${JSON.stringify(error)} ${error.message} ${String(error.cause)} ${error.stack}`;
    assert.ok(!dump.includes(SECRET), 'the secret leaked into the error');
    assert.equal(server?.requests.length, 1);
  });

  it('never puts the secret in an error even when the server echoes it, and keeps it off the client object', async () => {
    const client = await clientFor([apiError(403, 'Forbidden.RAM', `User with key secret ${SECRET} is not authorized`)]);
    const error = await client.describeInstanceStatus('r-bp1test').then(() => assert.fail('should reject'), (e: unknown) => e);
    assert.ok(error instanceof KvstoreApiError);
    assert.equal(error.code, 'Forbidden.RAM');
    const dump = `${JSON.stringify(error)} ${error.message} ${String(error.cause)} ${error.stack}`;
    assert.ok(!dump.includes(SECRET), dump);
    assert.ok(!JSON.stringify(client).includes(SECRET));
    assert.deepEqual(Object.keys(client), []);
  });

  it('fails at once on credential, permission, parameter and not-found errors', async () => {
    const cases: Array<[number, string]> = [
      [404, 'InvalidAccessKeyId.NotFound'], [403, 'Forbidden.RAM'], [400, 'InvalidParameter'], [404, 'InvalidInstanceId.NotFound'],
    ];
    for (const [status, code] of cases) {
      const client = await clientFor([apiError(status, code), tasksPage([])]);
      await assert.rejects(client.describeTasks(query), (e: unknown) => e instanceof KvstoreApiError && e.code === code && e.statusCode === status && !e.retryable);
      assert.equal(server?.requests.length, 1, code);
      await server?.stop();
      server = undefined;
    }
  });

  it('gives up after the retry budget with the last error and the attempt count', async () => {
    const client = await clientFor(Array.from({ length: 3 }, () => apiError(503, 'ServiceUnavailable')), { retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 } });
    await assert.rejects(client.describeTasks(query), (e: unknown) =>
      e instanceof KvstoreApiError && e.code === 'ServiceUnavailable' && e.retryable && e.attempts === 3);
    assert.equal(server?.requests.length, 3);
  });

  it('times out a stalled server (readTimeout) and retries the timeout', async () => {
    const client = await clientFor([{ stall: true }, tasksPage(['7'])], { connectTimeout: 300, readTimeout: 300 });
    const page = await client.describeTasks(query);
    assert.deepEqual(page.tasks.map((t) => t.taskId), ['7']);
    assert.equal(server?.requests.length, 2);
  });

  it('reports RequestTimeout when every attempt stalls', async () => {
    const client = await clientFor([{ stall: true }, { stall: true }], { connectTimeout: 200, readTimeout: 200, retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 } });
    await assert.rejects(client.describeTasks(query), (e: unknown) => e instanceof KvstoreApiError && e.code === 'RequestTimeout' && e.attempts === 2 && e.retryable);
  });

  it('reports a refused connection as ECONNREFUSED after retrying', async () => {
    const probe = await startScriptedServer([]);
    const endpoint = probe.endpoint;
    await probe.stop();
    const client = new KvstoreTasksClient({
      endpoint, credentials: { accessKeyId: 'id', accessKeySecret: SECRET }, retry: { retries: 2, minDelayMs: 1, maxDelayMs: 1 },
    });
    await assert.rejects(client.describeTasks(query), (e: unknown) =>
      e instanceof KvstoreApiError && e.code === 'ECONNREFUSED' && e.attempts === 3 && !e.message.includes(SECRET));
  });

  it('aborts an in-flight request: rejects with the reason and sends nothing more', async () => {
    const client = await clientFor([{ stall: true }, tasksPage([])], { connectTimeout: 5000, readTimeout: 5000 });
    const controller = new AbortController();
    const reason = new Error('deploy cancelled');
    const call = client.describeTasks(query, { signal: controller.signal });
    await server?.received(1);
    controller.abort(reason);
    await assert.rejects(call, (e: unknown) => e === reason);
    assert.equal(server?.requests.length, 1);
  });

  it('reads a malformed success body as a MalformedResponse error, without retrying', async () => {
    const client = await clientFor([json(200, { RequestId: 'R', Items: 'nope' }), tasksPage([])]);
    await assert.rejects(client.describeTasks(query), (e: unknown) =>
      e instanceof KvstoreApiError && e.code === 'MalformedResponse' && !e.retryable && e.requestId === 'R');
    assert.equal(server?.requests.length, 1);
  });
});
