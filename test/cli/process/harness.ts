/**
 * Runs the built `kvwait` as a child process against an in-process emulator.
 *
 * @packageDocumentation
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Emulator } from '../../../src/emulator';

/**
 * The built CLI entry point (this file lives in dist/test/cli/process/).
 *
 * @example
 * ```ts
 * spawn(process.execPath, [KVWAIT, '--version']);
 * ```
 */
export const KVWAIT = join(__dirname, '..', '..', '..', 'src', 'cli', 'main.js');

/**
 * What one run printed and how it ended.
 *
 * @example
 * ```ts
 * const { code, stdout, stderr } = await runKvwait(['--version'], emu);
 * ```
 */
export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a child: the emulator's credentials, no metadata probing, no region, colour and debug
 * settings from the caller only.
 *
 * @example
 * ```ts
 * spawn(process.execPath, [KVWAIT], { env: childEnv(emu, { NO_COLOR: '1' }) });
 * ```
 */
export function childEnv(emu: Pick<Emulator, 'accessKeyId' | 'accessKeySecret'>, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  return {
    ...env,
    ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.accessKeySecret,
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
    ...extra,
  };
}

/**
 * A running child with its output so far.
 *
 * @example
 * ```ts
 * const child = startKvwait(args, env);
 * await child.waitFor(/running/);
 * child.process.kill('SIGINT');
 * const result = await child.done;
 * ```
 */
export interface KvwaitChild {
  process: ChildProcess;
  /** Resolves when stderr matches the pattern (rejects if the child exits first). */
  waitFor(pattern: RegExp): Promise<void>;
  done: Promise<RunResult>;
}

/**
 * Starts `node dist/src/cli/main.js ...args` with pipes (so not a TTY).
 *
 * @example
 * ```ts
 * const child = startKvwait(['tasks', '--instance-id', id, '--endpoint', emu.endpoint], childEnv(emu));
 * ```
 */
export function startKvwait(args: readonly string[], env: NodeJS.ProcessEnv): KvwaitChild {
  const child = spawn(process.execPath, [KVWAIT, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const listener of listeners) listener();
  });
  const done = new Promise<RunResult>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(stderr)) {
          listeners.delete(check);
          resolve();
        }
      };
      listeners.add(check);
      check();
      void done.then(() => {
        listeners.delete(check);
        reject(new Error(`kvwait exited before stderr matched ${pattern}; stderr:\n${stderr}`));
      });
    });
  return { process: child, waitFor, done };
}

/**
 * Runs `kvwait` to completion.
 *
 * @example
 * ```ts
 * const r = await runKvwait(['--help'], childEnv(emu));
 * ```
 */
export function runKvwait(args: readonly string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return startKvwait(args, env).done;
}

/**
 * Two short steps (nominal ms; the emulator's timeScale divides them).
 *
 * @example
 * ```ts
 * emu.control.addTask(id, { taskAction: 'ModifyInstanceSpec', steps: SHORT_STEPS });
 * ```
 */
export const SHORT_STEPS = [
  { name: 'init_instance', durationMs: 1_500 },
  { name: 'exec_task', durationMs: 1_500 },
];

/**
 * Steps that take far longer than any test waits.
 *
 * @example
 * ```ts
 * emu.control.addTask(id, { taskAction: 'ModifyInstanceSpec', steps: LONG_STEPS });
 * ```
 */
export const LONG_STEPS = [
  { name: 'init_instance', durationMs: 600_000 },
  { name: 'create_instance', durationMs: 600_000 },
  { name: 'exec_task', durationMs: 600_000 },
];

let instanceCounter = 0;

/**
 * Adds a fresh instance without history, so each test has its own tasks.
 *
 * @example
 * ```ts
 * const id = freshInstance(emu);
 * ```
 */
export function freshInstance(emu: Emulator): string {
  instanceCounter += 1;
  const instanceId = `r-cli${String(process.pid).padStart(7, '0')}${String(instanceCounter).padStart(4, '0')}`;
  emu.control.addInstance({ instanceId, historyTasks: false });
  return instanceId;
}
