/**
 * No credentials anywhere: the client must fail with a clear typed error, without sending the API request and
 * without any connection to a non-loopback address (no ECS metadata probe, no `https://undefined/`).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as sinon from 'sinon';
import { KvstoreApiError, KvstoreTasksClient } from '../../src/client';
import { startScriptedServer, tasksPage, type ScriptedServer } from './client-scripted-server';

const ISOLATED_ENV = [
  'ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_SECURITY_TOKEN', 'ALIBABA_CLOUD_CREDENTIALS_URI',
  'ALIBABA_CLOUD_ROLE_ARN', 'ALIBABA_CLOUD_OIDC_PROVIDER_ARN', 'ALIBABA_CLOUD_OIDC_TOKEN_FILE', 'ALIBABA_CLOUD_PROFILE',
  'ALIBABA_CLOUD_CREDENTIALS_FILE', 'ALIBABA_CLOUD_ECS_METADATA', 'ALIBABA_CLOUD_ECS_METADATA_DISABLED', 'HOME',
];

describe('client over HTTP: credentials', () => {
  let saved: Record<string, string | undefined>;
  let home: string;
  let server: ScriptedServer;
  let connect: sinon.SinonSpy;

  beforeEach(async () => {
    saved = Object.fromEntries(ISOLATED_ENV.map((k) => [k, process.env[k]]));
    for (const k of ISOLATED_ENV) delete process.env[k];
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'kvwait-nocreds-'));
    process.env['HOME'] = home;
    process.env['ALIBABA_CLOUD_ECS_METADATA_DISABLED'] = 'true';
    server = await startScriptedServer([tasksPage(['1'])]);
    connect = sinon.spy(net.Socket.prototype, 'connect');
  });
  afterEach(async () => {
    connect.restore();
    await server.stop();
    for (const k of ISOLATED_ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    fs.rmSync(home, { recursive: true, force: true });
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
