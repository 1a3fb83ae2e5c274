/**
 * The world of the provider-host tests: an emulator (fast time scale), a fake engine, and the real dynamic
 * provider host running in the repository directory, configured with the emulator's key pair through the same
 * stack config keys @pulumi/alicloud uses.
 */
import * as path from 'node:path';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { type FakeEngine, startFakeEngine } from './fake-engine';
import { type ProviderHost, startProviderHost } from './provider-host';

/** The repository root: the provider host's working directory, as the Pulumi project directory would be. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** Emulator speed-up: ModifyInstanceSpec (10 min nominal) takes 2 s. */
export const TIME_SCALE = 300;

let instanceCounter = 0;

/** A fresh instance id for one test (no history tasks, class `redis.master.small.default`). */
export function newInstance(emulator: Emulator, config: Record<string, string> = {}): string {
  instanceCounter += 1;
  const instanceId = `r-bp1pulumi${String(instanceCounter).padStart(6, '0')}${process.pid}`;
  emulator.control.addInstance({ instanceId, historyTasks: false, config });
  return instanceId;
}

/**
 * Polls `probe` every 100 ms until it returns something other than `undefined`; fails after `limitMs` saying
 * what it waited for. For states that other processes reach (a task shown running, a task finished).
 */
export async function eventually<T>(probe: () => T | undefined, what: string, limitMs = 30_000): Promise<T> {
  const giveUpAt = Date.now() + limitMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > giveUpAt) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves once the emulator reports the task complete. */
export async function taskFinished(emulator: Emulator, instanceId: string, taskId: string): Promise<void> {
  await eventually(
    () => (emulator.control.listTasks(instanceId).find((t) => t.TaskId === taskId && t.Status === '2') ? true : undefined),
    `task ${taskId} to complete`,
  );
}

/** Everything the host tests share. */
export interface ProviderWorld {
  emulator: Emulator;
  engine: FakeEngine;
  host: ProviderHost;
  /** Stack config handed to `configure`. */
  stackConfig: Record<string, string>;
  /** Starts another host on the same engine and configures it like the first. */
  startHost(): Promise<ProviderHost>;
  stop(): Promise<void>;
}

/** Environment without Alibaba credentials, so only the stack config can authenticate the host. */
function envWithoutAlibabaKeys(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('ALIBABA_CLOUD_') || key.startsWith('ALICLOUD_')) delete env[key];
  return { ...env, ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true', ALIBABA_CLOUD_PROFILE: 'none-such-profile-for-tests', HOME: '/nonexistent' };
}

/** Starts the emulator, the fake engine and one configured host. */
export async function startProviderWorld(): Promise<ProviderWorld> {
  process.env['ALIBABA_CLOUD_ECS_METADATA_DISABLED'] = 'true';
  const emulator = await startEmulator({ timeScale: TIME_SCALE });
  const engine = await startFakeEngine();
  const stackConfig = {
    'alicloud:accessKey': emulator.accessKeyId,
    'alicloud:secretKey': emulator.accessKeySecret,
    'alicloud:region': 'cn-hangzhou',
    'redis-waiter-test:unrelated': 'value',
  };
  const hosts: ProviderHost[] = [];
  const startHost = async (): Promise<ProviderHost> => {
    const host = await startProviderHost({ engineAddress: engine.address, cwd: REPO_ROOT, env: envWithoutAlibabaKeys() });
    hosts.push(host);
    await host.configure(stackConfig);
    return host;
  };
  const host = await startHost();
  return {
    emulator,
    engine,
    host,
    stackConfig,
    startHost,
    async stop() {
      await Promise.all(hosts.map((h) => h.stop()));
      await engine.stop();
      await emulator.stop();
    },
  };
}
