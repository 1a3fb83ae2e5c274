import { strict as assert } from 'node:assert';
import { ClientError, ThrottlingError } from '@alicloud/openapi-core';
import { startEmulator, type Emulator } from '../../src/emulator';
import { $Kvstore, callAction, rawAcs3, sdkClient } from './emulator-sdk';

const INSTANCE = 'r-bp1emu000000001';

async function rejectsWith(promise: Promise<unknown>, statusCode: number, code: string): Promise<any> {
  try {
    await promise;
  } catch (error) {
    const e = error as { statusCode?: number; code?: string; data?: Record<string, unknown> };
    assert.equal(e.code, code);
    assert.equal(e.statusCode, statusCode);
    return e;
  }
  assert.fail(`expected ${code}`);
}

describe('emulator protocol (real SDK over HTTP)', () => {
  let emu: Emulator;
  const logs: string[] = [];
  before(async () => {
    emu = await startEmulator({ log: (line) => logs.push(line) });
  });
  after(() => emu.stop());

  it('accepts an ACS3-HMAC-SHA256 request signed by the SDK', async () => {
    const res = await sdkClient(emu).describeInstanceAttribute(new $Kvstore.DescribeInstanceAttributeRequest({ instanceId: INSTANCE }));
    assert.equal(res.statusCode, 200);
    assert.equal(res.body?.instances?.DBInstanceAttribute?.[0].instanceId, INSTANCE);
  });

  it('accepts the legacy v2 HMAC-SHA1 query form', async () => {
    const client = sdkClient(emu, { signatureAlgorithm: 'v2' });
    const res = await client.describeInstanceAttribute(new $Kvstore.DescribeInstanceAttributeRequest({ instanceId: INSTANCE }));
    assert.equal(res.body?.instances?.DBInstanceAttribute?.[0].instanceStatus, 'Normal');
  });

  it('answers a wrong secret with 400 SignatureDoesNotMatch and the Alibaba error body', async () => {
    const err = await rejectsWith(
      sdkClient(emu, { accessKeySecret: 'not-the-secret' }).describeInstanceAttribute(
        new $Kvstore.DescribeInstanceAttributeRequest({ instanceId: INSTANCE }),
      ),
      400,
      'SignatureDoesNotMatch',
    );
    assert.ok(err instanceof ClientError);
    assert.deepEqual(Object.keys(err.data).sort(), ['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
    assert.equal(err.data.HostId, emu.endpoint);
  });

  it('answers a wrong secret in the v2 form with SignatureDoesNotMatch', async () => {
    await rejectsWith(
      sdkClient(emu, { signatureAlgorithm: 'v2', accessKeySecret: 'nope' }).flushInstance(
        new $Kvstore.FlushInstanceRequest({ instanceId: INSTANCE }),
      ),
      400,
      'SignatureDoesNotMatch',
    );
  });

  it('answers an unknown access key with 404 InvalidAccessKeyId.NotFound', async () => {
    await rejectsWith(
      sdkClient(emu, { accessKeyId: 'LTAIunknown' }).describeInstanceAttribute(
        new $Kvstore.DescribeInstanceAttributeRequest({ instanceId: INSTANCE }),
      ),
      404,
      'InvalidAccessKeyId.NotFound',
    );
  });

  it('answers an x-acs-date older than 15 minutes with InvalidTimeStamp.Expired', async () => {
    const stale = new Date(Date.now() - 16 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const res = await rawAcs3(emu, { date: stale });
    assert.equal(res.status, 400);
    assert.equal(res.body.Code, 'InvalidTimeStamp.Expired');
    const fresh = await rawAcs3(emu, { date: new Date(Date.now() - 14 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z') });
    assert.equal(fresh.status, 200);
  });

  it('checks SDK timestamps against the server clock (a server 20 minutes ahead refuses them)', async () => {
    const ahead = await startEmulator({ now: () => Date.now() + 20 * 60_000 });
    try {
      await rejectsWith(
        sdkClient(ahead).describeInstanceAttribute(new $Kvstore.DescribeInstanceAttributeRequest({ instanceId: INSTANCE })),
        400,
        'InvalidTimeStamp.Expired',
      );
    } finally {
      await ahead.stop();
    }
  });

  it('answers a reused nonce with SignatureNonceUsed', async () => {
    const first = await rawAcs3(emu, { nonce: 'fixed-nonce-1' });
    assert.equal(first.status, 200);
    const second = await rawAcs3(emu, { nonce: 'fixed-nonce-1' });
    assert.equal(second.status, 400);
    assert.equal(second.body.Code, 'SignatureNonceUsed');
  });

  it('does not burn a nonce on a request with a bad signature', async () => {
    const forged = await rawAcs3(emu, { nonce: 'fixed-nonce-2', secret: 'wrong' });
    assert.equal(forged.body.Code, 'SignatureDoesNotMatch');
    assert.equal((await rawAcs3(emu, { nonce: 'fixed-nonce-2' })).status, 200);
  });

  it("signs the query: a request whose query differs from the signed one is refused", async () => {
    // Signed for one instance, sent for another: the canonical query differs.
    const res = await rawAcs3(emu, { params: { InstanceId: INSTANCE }, sentParams: { InstanceId: 'r-bp1emu000000002' } });
    assert.equal(res.status, 400);
    assert.equal(res.body.Code, 'SignatureDoesNotMatch');
    const same = await rawAcs3(emu, { params: { InstanceId: 'r-bp1emu000000002' } });
    assert.equal(same.body.Instances.DBInstanceAttribute[0].InstanceId, 'r-bp1emu000000002');
  });

  it('answers a wrong version with 400 InvalidVersion', async () => {
    await rejectsWith(callAction(sdkClient(emu), 'DescribeTasks', {}, '2014-01-01'), 400, 'InvalidVersion');
  });

  it('answers an unknown action with 404 InvalidAction.NotFound', async () => {
    await rejectsWith(callAction(sdkClient(emu), 'DescribeNoSuchThing', {}), 404, 'InvalidAction.NotFound');
    await rejectsWith(callAction(sdkClient(emu), 'toString', {}), 404, 'InvalidAction.NotFound');
  });

  it('answers an unknown instance with 404 InvalidInstanceId.NotFound', async () => {
    await rejectsWith(
      sdkClient(emu).describeInstanceAttribute(new $Kvstore.DescribeInstanceAttributeRequest({ instanceId: 'r-nosuch' })),
      404,
      'InvalidInstanceId.NotFound',
    );
  });

  it('classifies throttling as the SDK ThrottlingError with retryAfter from x-acs-retry-after', async () => {
    emu.control.setFaults('DescribeInstanceAttribute', { throttleRate: 1, retryAfterMs: 1500 });
    try {
      const err = await rejectsWith(
        sdkClient(emu).describeInstanceAttribute(new $Kvstore.DescribeInstanceAttributeRequest({ instanceId: INSTANCE })),
        400,
        'Throttling.User',
      );
      assert.ok(err instanceof ThrottlingError);
      assert.equal(err.retryAfter, 1500);
    } finally {
      emu.control.setFaults('DescribeInstanceAttribute', null);
    }
  });

  it('never logs the secret, a signature or the Authorization header', async () => {
    await sdkClient(emu).describeInstanceAttribute(new $Kvstore.DescribeInstanceAttributeRequest({ instanceId: INSTANCE }));
    await sdkClient(emu, { signatureAlgorithm: 'v2' }).describeInstanceAttribute(
      new $Kvstore.DescribeInstanceAttributeRequest({ instanceId: INSTANCE }),
    );
    assert.ok(logs.length > 5);
    const all = logs.join('\n');
    assert.ok(!all.includes(emu.accessKeySecret));
    assert.ok(!/Signature=|authorization|ACS3-HMAC/i.test(all));
  });
});
