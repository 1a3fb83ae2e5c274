/**
 * What every e2e test file shares: the emulator with a recognisable key pair, the URNs of the root project's
 * resources, polling, and the secret scan.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { typeToken } from '../../../src/pulumi';

/**
 * The access key id the emulator accepts in the e2e tier.
 *
 * @example
 * ```ts
 * sandbox.env({ ALIBABA_CLOUD_ACCESS_KEY_ID: E2E_ACCESS_KEY_ID });
 * ```
 */
export const E2E_ACCESS_KEY_ID = 'LTAI5tE2eAccessKey0001';

/**
 * The matching secret: recognisable, so a scan of state and logs finds any copy of it.
 *
 * @example
 * ```ts
 * assert.deepEqual(filesContaining(sandbox.stateDir, E2E_ACCESS_KEY_SECRET), []);
 * ```
 */
export const E2E_ACCESS_KEY_SECRET = 'e2e-SECRET-must-never-reach-state-7f3a9c1e';

/**
 * The root project's name (`Pulumi.yaml`).
 *
 * @example
 * ```ts
 * resourceUrn('dev', ROOT_PROJECT, 'InstanceSpec', 'cache-class');
 * ```
 */
export const ROOT_PROJECT = 'redis-waiter-demo';

/**
 * The emulator's speed-up in the e2e tier: the shortest task (ModifyInstanceConfig, 60 s nominal) still takes 2 s,
 * so every wait sees its task running and sends progress lines; the longest default (ModifyInstanceSpec) 20 s.
 *
 * @example
 * ```ts
 * const realMs = nominalMs / E2E_TIME_SCALE;
 * ```
 */
export const E2E_TIME_SCALE = 30;

/**
 * Starts an emulator that accepts only the e2e key pair, at {@link E2E_TIME_SCALE}.
 *
 * @example
 * ```ts
 * const emulator = await startE2eEmulator();
 * ```
 */
export function startE2eEmulator(timeScale = E2E_TIME_SCALE): Promise<Emulator> {
  return startEmulator({
    timeScale,
    config: { credentials: [{ accessKeyId: E2E_ACCESS_KEY_ID, accessKeySecret: E2E_ACCESS_KEY_SECRET }] },
  });
}

/**
 * The URN of a top-level resource of this package (parent: the stack).
 *
 * @example
 * ```ts
 * resourceUrn('dev', 'redis-waiter-demo', 'InstanceSpec', 'cache-class');
 * // 'urn:pulumi:dev::redis-waiter-demo::pulumi-nodejs:dynamic/redis-waiter:InstanceSpec::cache-class'
 * ```
 */
export function resourceUrn(stack: string, project: string, typeName: string, name: string): string {
  return `urn:pulumi:${stack}::${project}::${typeToken(typeName)}::${name}`;
}

/**
 * Polls `probe` every 50 ms until it returns a value other than `undefined`, or rejects with `what` after
 * `timeoutMs`.
 *
 * @example
 * ```ts
 * await eventually('the mutation', () => (count('ModifyInstanceSpec') === 1 ? true : undefined), 30_000);
 * ```
 */
export async function eventually<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolveSleep) => setTimeout(resolveSleep, 50));
  }
}

/**
 * The files under `dir` (recursively) whose content contains `needle`.
 *
 * @example
 * ```ts
 * assert.deepEqual(filesContaining(sandbox.stateDir, E2E_ACCESS_KEY_SECRET), []);
 * ```
 */
export function filesContaining(dir: string, needle: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesContaining(path, needle));
    else if (entry.isFile() && readFileSync(path).includes(needle)) found.push(path);
  }
  return found;
}

/**
 * Counts how many files under `dir` there are (to show a scan looked at something).
 *
 * @example
 * ```ts
 * assert.ok(countFiles(sandbox.stateDir) > 0);
 * ```
 */
export function countFiles(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += countFiles(join(dir, entry.name));
    else if (entry.isFile()) count += 1;
  }
  return count;
}
