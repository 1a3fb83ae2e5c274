/**
 * KvstoreTasksClient with the real SDK against the local R-KVStore emulator (real signatures, real paging).
 */
import { strict as assert } from 'node:assert';
import { createSdkClient, KvstoreApiError, KvstoreTasksClient } from '../../src/client';
import { TaskStatus, type Task } from '../../src/core/task';
import { startEmulator, type Emulator } from '../../src/emulator';

process.env['ALIBABA_CLOUD_ECS_METADATA_DISABLED'] = 'true';

const INSTANCE = 'r-bp1emu000000001';
const MINUTE = 60_000;

describe('client over HTTP: against the emulator', () => {
  let emu: Emulator;
  let client: KvstoreTasksClient;
  let window: { instanceId: string; startTime: Date; endTime: Date };

  beforeEach(async () => {
    emu = await startEmulator();
    client = new KvstoreTasksClient({ endpoint: emu.endpoint, credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret } });
    const now = emu.control.serverTime();
    window = { instanceId: INSTANCE, startTime: new Date(now - 7 * 24 * 60 * MINUTE), endTime: new Date(now + MINUTE) };
  });
  afterEach(async () => {
    await emu.stop();
  });

  it('reads one page of parsed tasks', async () => {
    const page = await client.describeTasks({ ...window, pageSize: 30 });
    const all = emu.control.listTasks(INSTANCE).filter((t) => t.Visible);
    assert.equal(page.totalRecordCount, all.length);
    assert.ok(page.tasks.length > 0);
    for (const task of page.tasks) {
      assert.deepEqual(task.malformed, [], task.taskId);
      assert.ok(task.beginTime instanceof Date);
      assert.notEqual(task.status, null);
    }
    assert.equal(client.stats.requests, 1);
  });

  it('lists every task across pages of 100, once each, with one request per page', async () => {
    const now = emu.control.serverTime();
    emu.control.addTasks(INSTANCE, Array.from({ length: 230 }, (_, i) => ({ beginTime: now - (i + 1) * MINUTE })));
    const expected = emu.control.listTasks(INSTANCE).filter((t) => t.Visible).map((t) => t.TaskId).sort();
    assert.ok(expected.length > 200);
    const ids: string[] = [];
    for await (const task of client.listTasks(window)) ids.push(task.taskId);
    assert.deepEqual([...ids].sort(), expected);
    assert.equal(client.stats.requests, Math.ceil(expected.length / 100));
  });

  it('filters by status on the server', async () => {
    const page = await client.describeTasks({ ...window, statuses: [TaskStatus.Complete] });
    assert.ok(page.tasks.every((t) => t.status === TaskStatus.Complete));
  });

  it('yields each task once when new tasks push others onto the next page mid-read', async () => {
    const now = emu.control.serverTime();
    emu.control.addTasks(INSTANCE, Array.from({ length: 150 }, (_, i) => ({ beginTime: now - (i + 10) * MINUTE })));
    const before = emu.control.listTasks(INSTANCE).filter((t) => t.Visible).map((t) => t.TaskId);
    const iterator = client.listTasks(window)[Symbol.asyncIterator]();
    const seen: Task[] = [(await iterator.next()).value as Task];
    emu.control.addTasks(INSTANCE, [{ beginTime: now - MINUTE }, { beginTime: now - 2 * MINUTE }]);
    for (let r = await iterator.next(); r.done !== true; r = await iterator.next()) seen.push(r.value);
    const ids = seen.map((t) => t.taskId);
    assert.equal(new Set(ids).size, ids.length, 'duplicates');
    for (const id of before) assert.ok(ids.includes(id), `lost ${id}`);
  });

  it('reads the instance status through DescribeInstanceAttribute', async () => {
    const expected = emu.control.getInstance(INSTANCE)['InstanceStatus'];
    assert.equal(typeof expected, 'string');
    assert.equal(await client.describeInstanceStatus(INSTANCE), expected);
  });

  it('fails at once with InvalidInstanceId.NotFound for an unknown instance', async () => {
    await assert.rejects(client.describeInstanceStatus('r-doesnotexist'), (e: unknown) =>
      e instanceof KvstoreApiError && e.code === 'InvalidInstanceId.NotFound' && e.statusCode === 404 && e.attempts === 1);
  });

  it('fails at once with SignatureDoesNotMatch for a wrong secret, never showing it', async () => {
    const wrongSecret = 'Wr0ng-secret-that-must-not-leak';
    const bad = new KvstoreTasksClient({ endpoint: emu.endpoint, credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: wrongSecret } });
    const error = await bad.describeTasks(window).then(() => assert.fail('should reject'), (e: unknown) => e);
    assert.ok(error instanceof KvstoreApiError);
    assert.deepEqual([error.code, error.statusCode, error.retryable, error.attempts], ['SignatureDoesNotMatch', 400, false, 1]);
    assert.ok(error.requestId !== null);
    const dump = `${JSON.stringify(error)} ${error.message} ${String(error.cause)} ${error.stack}`;
    assert.ok(!dump.includes(wrongSecret));
    assert.ok(!dump.includes(emu.accessKeySecret));
  });

  it('works from an SDK client built with createSdkClient (the one to send mutations through)', async () => {
    const sdk = createSdkClient({ endpoint: `http://${emu.endpoint}`, credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret } });
    const fromSdk = new KvstoreTasksClient({ sdkClient: sdk });
    assert.equal(fromSdk.sdk, sdk);
    assert.ok((await fromSdk.describeTasks(window)).totalRecordCount > 0);
  });
});
