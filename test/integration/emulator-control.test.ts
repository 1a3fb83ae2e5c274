import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../src/emulator';
import { $Kvstore, controlPost, describeTasks, sdkClient } from './emulator-sdk';

const BIN = join(__dirname, '../../src/emulator/bin.js');

/** Starts `kvwait-emulator` with `args` and resolves once it has printed its banner (the `control` line). */
async function startBin(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('control')) resolve();
    });
    child.on('exit', () => reject(new Error(`exited early: ${out}`)));
  });
  return { child, out: () => out };
}

describe('emulator HTTP control, stop and bin', () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ timeScale: 60 });
  });
  after(() => emu.stop());

  it('adds an instance over HTTP that the SDK then sees', async () => {
    const added = await controlPost(emu, 'addInstance', [{ instanceId: 'r-bp1http00000001', instanceClass: 'redis.master.stand.default' }]);
    assert.equal(added.status, 200);
    assert.equal(added.body.result.InstanceStatus, 'Normal');
    const res = await sdkClient(emu).describeInstanceAttribute(new $Kvstore.DescribeInstanceAttributeRequest({ instanceId: 'r-bp1http00000001' }));
    assert.equal(res.body!.instances!.DBInstanceAttribute![0].capacity, 4096);
    assert.ok((await controlPost(emu, 'listInstances')).body.result.includes('r-bp1http00000001'));
  });

  it('scripts outcomes, sets faults, advances time and reads counts over HTTP', async () => {
    const id = 'r-bp1emu000000002';
    assert.equal((await controlPost(emu, 'scriptNext', [id, { outcome: 'interrupted' }])).status, 200);
    await sdkClient(emu).restartInstance(new $Kvstore.RestartInstanceRequest({ instanceId: id }));
    assert.equal((await controlPost(emu, 'advance', [120_000])).status, 200);
    const tasks = (await controlPost(emu, 'listTasks', [id])).body.result;
    assert.equal(tasks[0].Status, '8');

    await controlPost(emu, 'resetCounts');
    await controlPost(emu, 'setFaults', ['DescribeTasks', { throttleRate: 1 }]);
    await assert.rejects(describeTasks(sdkClient(emu), id), { code: 'Throttling.User' });
    await controlPost(emu, 'setFaults', ['DescribeTasks', null]);
    assert.equal((await describeTasks(sdkClient(emu), id)).Items[0].Status, '8');
    assert.deepEqual((await controlPost(emu, 'requestCounts')).body.result, { DescribeTasks: 2 });
  });

  it('answers bad control requests with clear errors', async () => {
    const unknown = await controlPost(emu, 'dropDatabase', []);
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.error, /unknown control method/);
    const notJson = await controlPost(emu, 'advance', '{oops');
    assert.equal(notJson.status, 400);
    const badArg = await controlPost(emu, 'advance', [-5]);
    assert.equal(badArg.status, 400);
    assert.equal(badArg.body.field, 'ms');
    const noInstance = await controlPost(emu, 'scriptNext', ['r-nosuch', {}]);
    assert.equal(noInstance.status, 400);
    assert.equal(noInstance.body.field, 'instanceId');
  });

  it('refuses a non-loopback bind unless explicitly allowed', async () => {
    await assert.rejects(startEmulator({ host: '0.0.0.0' }), { name: 'EmulatorControlError', field: 'host' });
  });

  it('stop() closes keep-alive connections and stops listening', async () => {
    const other = await startEmulator();
    const client = sdkClient(other);
    await client.describeInstanceAttribute(new $Kvstore.DescribeInstanceAttributeRequest({ instanceId: 'r-bp1emu000000001' }));
    await other.stop();
    await other.stop(); // idempotent
    await assert.rejects(
      new Promise((resolve, reject) => request(`${other.url}/__control/listInstances`, { agent: false }, resolve).on('error', reject).end()),
      { code: 'ECONNREFUSED' },
    );
  });

  it('kvwait-emulator prints its URL and test credentials, and stops cleanly on SIGTERM', async () => {
    const { child, out } = await startBin(['--time-scale', '60', '--seed', '5']);
    assert.match(out(), /listening on http:\/\/127\.0\.0\.1:\d+/);
    assert.match(out(), /accessKeyId\s+LTAI/);
    assert.match(out(), /accessKeySecret\s+\S+/);
    const code = await new Promise<number | null>((resolve) => {
      child.removeAllListeners('exit');
      child.on('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    assert.equal(code, 0);
    assert.match(out(), /stopped \(SIGTERM\)/);
  });

  it('kvwait-emulator exits 2 with a clear message on a bad flag', async () => {
    const child = spawn(process.execPath, [BIN, '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 2);
    assert.match(err, /--port must be an integer, got "eighty"/);
  });

  it('kvwait-emulator loads credentials and instances from --config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvwait-emu-'));
    try {
      const file = join(dir, 'config.json');
      writeFileSync(file, JSON.stringify({
        credentials: [{ accessKeyId: 'LTAIfromConfig', accessKeySecret: 'config-secret' }],
        instances: [{ instanceId: 'r-fromconfig0001', historyTasks: false }],
      }));
      const { child, out } = await startBin(['--config', file]);
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      assert.equal(await exited, 0);
      assert.match(out(), /accessKeyId\s+LTAIfromConfig/);
      assert.match(out(), /instances\s+r-fromconfig0001\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
