/**
 * No credentials anywhere: the client must fail with a clear typed error, without sending the API request and
 * without any connection to a non-loopback address (no ECS metadata probe, no `https://undefined/`).
 */
import { strict as assert } from 'node:assert';
import * as net from 'node:net';
import * as sinon from 'sinon';
import { KvstoreApiError, KvstoreTasksClient } from '../../src/client';
import { isolateCredentialEnv, type IsolatedCredentialEnv } from '../unit/client/credential-env';
import { startScriptedServer, tasksPage, type ScriptedServer } from './client-scripted-server';

describe('client over HTTP: credentials', () => {
  let env: IsolatedCredentialEnv;
  let server: ScriptedServer;
  let connect: sinon.SinonSpy;

  beforeEach(async () => {
    env = isolateCredentialEnv('kvwait-nocreds-');
    server = await startScriptedServer([tasksPage(['1'])]);
    connect = sinon.spy(net.Socket.prototype, 'connect');
  });
  afterEach(async () => {
    connect.restore();
    await server.stop();
    env.restore();
  });

  /** Hosts of every socket connection attempted while the spy was on. */
  function connectedHosts(): string[] {
    return connect.getCalls().map((call) => {
      const [first] = call.args as unknown[];
      const options = (Array.isArray(first) ? first[0] : first) as { host?: string; path?: string } | undefined;
      return options?.host ?? options?.path ?? 'unknown';
    });
  }

  it('the connection spy sees loopback connections (positive control)', async () => {
    process.env['ALIBABA_CLOUD_ACCESS_KEY_ID'] = 'env-id';
    process.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'] = 'env-secret';
    const client = new KvstoreTasksClient({ endpoint: server.endpoint });
    const page = await client.describeTasks({ instanceId: 'r-1', startTime: new Date(0), endTime: new Date(60_000) });
    assert.deepEqual(page.tasks.map((t) => t.taskId), ['1']);
    assert.ok(connectedHosts().includes('127.0.0.1'), JSON.stringify(connectedHosts()));
    assert.match(String(server.requests[0]?.headers['authorization']), /Credential=env-id,/);
  });

  it('fails with CredentialsNotFound, sends no request, and connects nowhere', async () => {
    const client = new KvstoreTasksClient({ endpoint: server.endpoint });
    const error = await client
      .describeTasks({ instanceId: 'r-1', startTime: new Date(0), endTime: new Date(60_000) })
      .then(() => assert.fail('should reject'), (e: unknown) => e);
    assert.ok(error instanceof KvstoreApiError, String(error));
    assert.deepEqual([error.code, error.retryable, error.statusCode, error.attempts], ['CredentialsNotFound', false, null, 1]);
    assert.match(error.message, /ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
    assert.equal(server.requests.length, 0);
    assert.deepEqual(connectedHosts(), []);
  });
});
