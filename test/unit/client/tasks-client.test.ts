import { strict as assert } from 'node:assert';
import * as sinon from 'sinon';
import { InvalidOptionError } from '../../../src/core/errors';
import { createSdkClient } from '../../../src/client/connection';
import { createTasksClient, KvstoreTasksClient } from '../../../src/client/tasks-client';

const keys = { accessKeyId: 'id', accessKeySecret: 'unit-secret-abc' };
const window = { instanceId: 'r-1', startTime: new Date('2024-01-01T00:00:00Z'), endTime: new Date('2024-01-01T01:00:00Z') };

describe('KvstoreTasksClient (no network)', () => {
  it('refuses connection options next to sdkClient, naming the option', () => {
    const sdkClient = createSdkClient({ endpoint: '127.0.0.1:1', credentials: keys });
    for (const option of ['regionId', 'endpoint', 'credentials', 'connectTimeout', 'readTimeout'] as const) {
      const value = { regionId: 'cn-hangzhou', endpoint: '127.0.0.1:2', credentials: keys, connectTimeout: 1000, readTimeout: 1000 }[option];
      assert.throws(() => new KvstoreTasksClient({ sdkClient, [option]: value }), (e: unknown) => e instanceof InvalidOptionError && e.option === option);
    }
    assert.throws(() => new KvstoreTasksClient({ sdkClient: {} as never }), (e: unknown) => e instanceof InvalidOptionError && e.option === 'sdkClient');
  });

  it('validates maxPages and the connection options', () => {
    assert.throws(() => createTasksClient({ endpoint: '127.0.0.1:1', credentials: keys, maxPages: 0 }), /Invalid option "maxPages"/);
    assert.throws(() => createTasksClient({ endpoint: 'http://h/x', credentials: keys }), /Invalid option "endpoint"/);
  });

  it('rejects a bad query before any request', async () => {
    const client = createTasksClient({ endpoint: '127.0.0.1:1', credentials: keys });
    const send = sinon.spy(client.sdk, 'callApi');
    await assert.rejects(client.describeTasks({ ...window, instanceId: '' }), (e: unknown) => e instanceof InvalidOptionError && e.option === 'instanceId');
    assert.throws(() => client.listTasks({ ...window, endTime: new Date('x') }), (e: unknown) => e instanceof InvalidOptionError && e.option === 'endTime');
    await assert.rejects(client.describeInstanceStatus('  '), (e: unknown) => e instanceof InvalidOptionError && e.option === 'instanceId');
    assert.equal(send.callCount, 0);
    assert.deepEqual(client.stats, { requests: 0, retries: 0 });
  });

  it('exposes no enumerable state, so logging it shows no secret', () => {
    const client = createTasksClient({ endpoint: '127.0.0.1:1', credentials: keys });
    assert.deepEqual(Object.keys(client), []);
    assert.ok(!JSON.stringify(client).includes(keys.accessKeySecret));
    assert.ok(!JSON.stringify(client.sdk).includes(keys.accessKeySecret));
  });

  it('returns a copy of its stats', () => {
    const client = createTasksClient({ endpoint: '127.0.0.1:1', credentials: keys });
    const stats = client.stats;
    stats.requests = 99;
    assert.equal(client.stats.requests, 0);
  });
});
