/**
 * What the SDK stores as `__provider`: a small shim that loads this package's runtime by reference, with no
 * credential and no client object; and how the provider process finds the runtime when the package is
 * installed in the project's node_modules (by name) rather than loaded from this repository (by path).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { InstanceParameters, InstanceRestart, InstanceSpec, TaskWaiter, typeToken } from '../../src/pulumi';
import { createSerializableProvider } from '../../src/pulumi/serializable-provider';
import { captureRegistration } from './support/capture-registration';
import { type FakeEngine, startFakeEngine } from './support/fake-engine';
import { REPO_ROOT } from './support/provider-fixture';
import { startProviderHost } from './support/provider-host';

describe('pulumi serialized provider', function () {
  this.timeout(30_000);

  it('is a small shim per kind that requires the runtime at call time and holds no secret or client', async () => {
    process.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'] = 'program-process-secret-must-not-leak';
    try {
      const common = { instanceId: 'r-1', endpoint: '127.0.0.1:1' };
      const registrations = await Promise.all([
        captureRegistration((n) => new TaskWaiter(n, { ...common, taskAction: 'A' }), 'shim-waiter'),
        captureRegistration((n) => new InstanceSpec(n, { ...common, instanceClass: 'c' }), 'shim-spec'),
        captureRegistration((n) => new InstanceParameters(n, { ...common, parameters: { a: 'b' } }), 'shim-params'),
        captureRegistration((n) => new InstanceRestart(n, common), 'shim-restart'),
      ]);
      const kinds = ['taskWaiter', 'instanceSpec', 'instanceParameters', 'instanceRestart'];
      registrations.forEach((reg, i) => {
        const text = String(reg.inputs['__provider']);
        assert.ok(text.includes(`kind: "${kinds[i]}"`), `kind ${kinds[i]} in the shim`);
        assert.ok(text.includes('require(target).providerRuntime'));
        assert.ok(text.includes('specifier: "alicloud-redis-waiter/pulumi"'));
        assert.ok(text.length < 4_000, `shim is ${text.length} characters`);
        for (const forbidden of ['program-process-secret-must-not-leak', 'KvstoreTasksClient', 'accessKeySecret', 'waitForTask']) {
          assert.ok(!text.includes(forbidden), `${forbidden} in the serialized provider`);
        }
      });
    } finally {
      delete process.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'];
    }
  });

  it('passes the URN the SDK computes as the resourceUrn input, and exposes the outputs', async () => {
    const reg = await captureRegistration((n) => new InstanceSpec(n, { instanceId: 'r-1', instanceClass: 'c' }), 'urn-check');
    assert.equal(reg.type, typeToken('InstanceSpec'));
    assert.equal(reg.inputs['resourceUrn'], reg.urn);
    const spec = new InstanceSpec('outputs-check', { instanceId: 'r-1', instanceClass: 'c' });
    assert.equal(await new Promise((resolve) => spec.instanceClass.apply(resolve)), 'c');
  });

  describe('in a project that installs the package', () => {
    let project: string;
    let engine: FakeEngine;

    before(async () => {
      project = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-waiter-project-'));
      fs.mkdirSync(path.join(project, 'node_modules', '@pulumi'), { recursive: true });
      fs.symlinkSync(REPO_ROOT, path.join(project, 'node_modules', 'alicloud-redis-waiter'), 'dir');
      fs.symlinkSync(path.join(REPO_ROOT, 'node_modules', '@pulumi', 'pulumi'), path.join(project, 'node_modules', '@pulumi', 'pulumi'), 'dir');
      engine = await startFakeEngine();
    });
    after(async () => {
      await engine.stop();
      fs.rmSync(project, { recursive: true, force: true });
    });

    it('loads the runtime by package name, not by the recorded path', async () => {
      const provider = createSerializableProvider('taskWaiter', { specifier: 'alicloud-redis-waiter/pulumi', path: '/nonexistent/index.js' });
      class ByName extends pulumi.dynamic.Resource {}
      const reg = await captureRegistration((n) => new ByName(provider, n, { instanceId: 'r-1', taskAction: 'A', endpoint: '127.0.0.1:1' }), 'by-name');
      const host = await startProviderHost({ engineAddress: engine.address, cwd: project });
      try {
        await host.configure({});
        const { failures } = await host.check(reg.urn, {}, reg.inputs);
        assert.deepEqual(failures, []);
        const bad = await host.check(reg.urn, {}, { ...reg.inputs, instanceId: '' });
        assert.deepEqual(bad.failures.map((f) => f.property), ['instanceId']);
      } finally {
        await host.stop();
      }
    });
  });
});
