/**
 * `examples/alicloud-instance` (kvstore.Instance from @pulumi/alicloud + TaskWaiter). A real preview needs the
 * alicloud resource plugin, which cannot be downloaded or built here (see the example's README), so this checks
 * what can be checked without it: the program type-checks against the real @pulumi/alicloud types, and run under
 * the SDK's mocks it wires each waiter to the instance with the changed properties as triggers.
 * The example's own node_modules is installed from the registry on first use (not by the root package).
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resourceUrn } from './support/e2e-world';
import { REPO_ROOT } from './support/pulumi-cli';
import type { MockRun } from './support/run-example-with-mocks';

const EXAMPLE_DIR = join(REPO_ROOT, 'examples/alicloud-instance');
const PROJECT = 'redis-waiter-alicloud';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd: EXAMPLE_DIR, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}

describe('e2e: examples/alicloud-instance (composition with @pulumi/alicloud)', function () {
  this.timeout(120_000);

  before(async function () {
    if (existsSync(join(EXAMPLE_DIR, 'node_modules/@pulumi/alicloud/package.json'))) return;
    this.timeout(10 * 60_000);
    process.stderr.write('      installing examples/alicloud-instance dependencies (@pulumi/alicloud, about 60 MB)\n');
    const install = await run('npm', ['install', '--no-audit', '--no-fund']);
    assert.equal(install.code, 0, `npm install in ${EXAMPLE_DIR} failed:\n${install.stdout}\n${install.stderr}`);
  });

  it('type-checks against the real @pulumi/alicloud and alicloud-redis-waiter types', async () => {
    const result = await run(process.execPath, [join(EXAMPLE_DIR, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
  });

  it('wires each waiter to the instance, with the changed properties as triggers', async () => {
    const config = {
      [`${PROJECT}:zoneId`]: 'cn-hangzhou-h',
      [`${PROJECT}:vswitchId`]: 'vsw-example',
      [`${PROJECT}:redisPassword`]: 'example-password',
      [`${PROJECT}:instanceClass`]: 'redis.master.mid.default',
    };
    const result = await run(process.execPath, [join(__dirname, 'support/run-example-with-mocks.js'), EXAMPLE_DIR, PROJECT], {
      PULUMI_CONFIG: JSON.stringify(config),
    });
    assert.equal(result.code, 0, result.stderr);
    const { registrations }: MockRun = JSON.parse(result.stdout);
    const byName = new Map(registrations.map((r) => [r.name, r]));

    assert.equal(byName.get('cache')?.type, 'alicloud:kvstore/instance:Instance');
    const classWaiter = byName.get('cache-class-change');
    assert.equal(classWaiter?.type, 'pulumi-nodejs:dynamic/redis-waiter:TaskWaiter');
    assert.equal(classWaiter.inputs['instanceId'], 'cache-id');
    assert.equal(classWaiter.inputs['taskAction'], 'ModifyDBInstanceClass');
    assert.deepEqual(classWaiter.inputs['triggers'], ['redis.master.mid.default']);
    assert.equal(classWaiter.inputs['resourceUrn'], resourceUrn('dev', PROJECT, 'TaskWaiter', 'cache-class-change'));
    assert.equal(typeof classWaiter.inputs['__provider'], 'string');

    const configWaiter = byName.get('cache-config-change');
    assert.equal(configWaiter?.inputs['instanceId'], 'cache-id');
    assert.deepEqual(configWaiter.inputs['triggers'], [{ 'maxmemory-policy': 'volatile-lru' }]);
    assert.ok(byName.has('app'));
  });
});
