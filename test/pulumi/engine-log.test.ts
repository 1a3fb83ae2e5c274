/**
 * The deployment log: engine address parsing, the Log RPC against a fake engine, and the console fallback.
 */
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { engineAddressFromArgv, openDeploymentLog, resourceNameFromUrn } from '../../src/pulumi/engine-log';
import { type FakeEngine, startFakeEngine } from './support/fake-engine';

const URN = 'urn:pulumi:dev::proj::pulumi-nodejs:dynamic/redis-waiter:TaskWaiter::wait-spec';

function recordingConsole(): { lines: string[]; output: { log: (m: string) => void; warn: (m: string) => void } } {
  const lines: string[] = [];
  return { lines, output: { log: (m: string) => lines.push(`log ${m}`), warn: (m: string) => lines.push(`warn ${m}`) } };
}

describe('pulumi engine log', () => {
  describe('engineAddressFromArgv', () => {
    it('takes the last argument when it is host:port, after any flags', () => {
      assert.equal(engineAddressFromArgv(['--logtostderr', '-v=9', '--tracing', 'x:1', '127.0.0.1:53211']), '127.0.0.1:53211');
      assert.equal(engineAddressFromArgv(['[::1]:4000']), '[::1]:4000');
    });
    it('returns null without arguments or when the last one is not an address', () => {
      assert.equal(engineAddressFromArgv([]), null);
      assert.equal(engineAddressFromArgv(['127.0.0.1:1', '--logtostderr']), null);
      assert.equal(engineAddressFromArgv(['dist/test/**/*.test.js']), null);
    });
  });

  it('names a resource by the last URN segment', () => {
    assert.equal(resourceNameFromUrn(URN), 'wait-spec');
  });

  describe('with an engine', () => {
    let engine: FakeEngine;
    before(async () => {
      engine = await startFakeEngine();
    });
    after(async () => {
      await engine.stop();
    });

    it('sends status as ephemeral info, info as lasting info, warnings as warnings, all with the URN', async () => {
      const log = openDeploymentLog({ urn: URN, engineAddress: engine.address });
      log.status('step 1/3');
      log.info('done');
      log.warn('careful');
      await log.close();
      assert.deepEqual(engine.logsFor(URN), [
        { severity: 1, message: 'step 1/3', urn: URN, ephemeral: true },
        { severity: 1, message: 'done', urn: URN, ephemeral: false },
        { severity: 2, message: 'careful', urn: URN, ephemeral: false },
      ]);
    });
  });

  it('falls back to prefixed console lines without an engine address or a URN', async () => {
    const { lines, output } = recordingConsole();
    const noEngine = openDeploymentLog({ urn: URN, engineAddress: null, output });
    noEngine.status('a');
    noEngine.warn('b');
    await noEngine.close();
    const noUrn = openDeploymentLog({ urn: null, engineAddress: '127.0.0.1:1', output });
    noUrn.info('c');
    await noUrn.close();
    assert.deepEqual(lines, ['log [wait-spec] a', 'warn [wait-spec] b', 'log c']);
  });

  it('falls back to the console when the engine cannot be reached, and closes cleanly', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const { lines, output } = recordingConsole();
    const log = openDeploymentLog({ urn: URN, engineAddress: `127.0.0.1:${port}`, output, rpcTimeoutMs: 2_000 });
    log.status('first');
    await log.close();
    log.info('after close');
    assert.deepEqual(lines, ['log [wait-spec] first', 'log [wait-spec] after close']);
  });
});
