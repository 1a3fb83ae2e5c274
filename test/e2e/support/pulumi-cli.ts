/**
 * The real Pulumi CLI (v3.274.1, built by `tools/ensure-pulumi.sh`) in a sandbox: a private `PULUMI_HOME`, a
 * local file backend, a passphrase secrets provider, and stack config files kept outside the repository, so the
 * tests can run `pulumi` on the repository's root project without leaving files in it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { killTree } from './processes';

/**
 * The repository root (the compiled tests live in `dist/test/e2e/support`).
 *
 * @example
 * ```ts
 * join(REPO_ROOT, 'Pulumi.yaml');
 * ```
 */
export const REPO_ROOT = resolve(__dirname, '../../../..');

/**
 * The CLI version the e2e tier pins.
 *
 * @example
 * ```ts
 * assert.equal((await sandbox.run(['version'])).stdout.trim(), `v${PULUMI_VERSION}`);
 * ```
 */
export const PULUMI_VERSION = '3.274.1';

let ensured: Promise<string> | undefined;

/**
 * Builds the CLI when it is missing (a cold build takes about 8-10 minutes on 2 cores; its progress goes to
 * stderr) and resolves with the directory holding `pulumi`, `pulumi-language-nodejs` and
 * `pulumi-resource-pulumi-nodejs`. Runs the script once per process.
 *
 * @example
 * ```ts
 * before(async function () { this.timeout(30 * 60_000); cliDir = await ensurePulumiCli(); });
 * ```
 */
export function ensurePulumiCli(): Promise<string> {
  ensured ??= new Promise<string>((resolvePromise, reject) => {
    const child = spawn('bash', [join(REPO_ROOT, 'tools/ensure-pulumi.sh')], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    // Progress lines of a cold build: show them as they come, so a long before-hook is visibly alive.
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`      ${chunk.toString().replace(/\n(?=.)/g, '\n      ')}`));
    child.on('error', reject);
    child.on('close', (code) => {
      const dir = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && dir !== '') resolvePromise(dir);
      else reject(new Error(`tools/ensure-pulumi.sh exited with ${code}: the Pulumi CLI ${PULUMI_VERSION} is not available`));
    });
  });
  return ensured;
}

/**
 * What a finished CLI command left.
 *
 * @example
 * ```ts
 * const { code, stdout } = await sandbox.run(['stack', 'ls']);
 * ```
 */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * A CLI command still running.
 *
 * @example
 * ```ts
 * const up = sandbox.start(stack.args('up', '--yes'));
 * killTree(up.pid, 'SIGKILL');
 * await up.result;
 * ```
 */
export interface RunningCli {
  pid: number;
  result: Promise<CliResult>;
  /** Everything written to stdout and stderr so far. */
  output(): string;
}

/**
 * A stack of the root project whose config file lives in the sandbox.
 *
 * @example
 * ```ts
 * await sandbox.run(stack.args('up', '--yes', '--skip-preview'));
 * ```
 */
export interface SandboxStack {
  name: string;
  configFile: string;
  /** `pulumi <command...> --stack <name> --config-file <file> --non-interactive`. */
  args(...command: string[]): string[];
  /** `pulumi <command...> --stack <name> --non-interactive`, for the commands that read no config (`stack export`). */
  stateArgs(...command: string[]): string[];
}

/** Variables from the host that would change what the CLI or the Alibaba credential chain does. */
const INHERITED_PREFIXES = ['PULUMI_', 'ALIBABA_CLOUD_', 'ALICLOUD_', 'KVWAIT_'];

/**
 * A private CLI environment under a temporary directory. `dispose()` kills any command still running (with its
 * plugins) and removes the directory.
 *
 * @example
 * ```ts
 * const sandbox = PulumiSandbox.create(cliDir, { KVWAIT_ENDPOINT: emulator.endpoint });
 * const stack = await sandbox.initStack('dev');
 * await sandbox.run(stack.args('up', '--yes'));
 * await sandbox.dispose();
 * ```
 */
export class PulumiSandbox {
  /** The temporary directory. */
  readonly dir: string;
  /** The file backend's directory. */
  readonly stateDir: string;
  private readonly running = new Set<ChildProcess>();

  private constructor(
    readonly cliDir: string,
    private readonly extraEnv: Record<string, string>,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'kvwait-e2e-'));
    this.stateDir = join(this.dir, 'state');
    mkdirSync(this.stateDir);
    mkdirSync(join(this.dir, 'home'));
  }

  /**
   * A sandbox using the CLI in `cliDir`, with `env` added to every command's environment.
   *
   * @example
   * ```ts
   * const sandbox = PulumiSandbox.create(await ensurePulumiCli(), { KVWAIT_ENDPOINT: '127.0.0.1:8080' });
   * ```
   */
  static create(cliDir: string, env: Record<string, string> = {}): PulumiSandbox {
    return new PulumiSandbox(cliDir, env);
  }

  /**
   * The environment of every command: the host's, minus Pulumi and Alibaba variables, plus the sandbox's.
   *
   * @example
   * ```ts
   * new LocalWorkspace({ envVars: sandbox.env() });
   * ```
   */
  env(extra: Record<string, string> = {}): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && !INHERITED_PREFIXES.some((prefix) => key.startsWith(prefix))) env[key] = value;
    }
    return {
      ...env,
      PATH: `${this.cliDir}:${process.env['PATH'] ?? ''}`,
      PULUMI_HOME: join(this.dir, 'home'),
      PULUMI_BACKEND_URL: `file://${this.stateDir}`,
      PULUMI_CONFIG_PASSPHRASE: 'e2e-passphrase',
      PULUMI_SKIP_UPDATE_CHECK: 'true',
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: 'true',
      PULUMI_DEBUG_COMMANDS: 'true',
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      ...this.extraEnv,
      ...extra,
    };
  }

  /**
   * Starts `pulumi <args>` in `cwd` (default: the repository root). `stdin`, when given, is written and closed.
   *
   * @example
   * ```ts
   * const up = sandbox.start(stack.args('up', '--yes', '--skip-preview'));
   * ```
   */
  start(args: string[], options: { cwd?: string; env?: Record<string, string>; stdin?: string } = {}): RunningCli {
    const child = spawn(join(this.cliDir, 'pulumi'), args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: this.env(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(options.stdin ?? '');
    const result = new Promise<CliResult>((resolvePromise, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => {
        this.running.delete(child);
        resolvePromise({ code, signal, stdout, stderr });
      });
    });
    return { pid: child.pid as number, result, output: () => stdout + stderr };
  }

  /**
   * Runs `pulumi <args>` to the end. Unless `allowFailure`, a non-zero exit rejects with the command's output.
   *
   * @example
   * ```ts
   * const exported = JSON.parse((await sandbox.run(stack.args('stack', 'export'))).stdout);
   * ```
   */
  async run(args: string[], options: { cwd?: string; env?: Record<string, string>; stdin?: string; allowFailure?: boolean } = {}): Promise<CliResult> {
    const result = await this.start(args, options).result;
    if (result.code !== 0 && options.allowFailure !== true) {
      throw new Error(`pulumi ${args.join(' ')} exited with ${result.code ?? result.signal}:\n${result.stdout}\n${result.stderr}`);
    }
    return result;
  }

  /**
   * Creates a stack of the root project. `pulumi stack init` writes the stack's config file (with the passphrase
   * salt) next to `Pulumi.yaml`, so it runs on a copy of `Pulumi.yaml` in the sandbox; every later command
   * runs on the root project with `--config-file` pointing at that file.
   *
   * @example
   * ```ts
   * const stack = await sandbox.initStack('dev');
   * ```
   */
  async initStack(name: string): Promise<SandboxStack> {
    const projectDir = join(this.dir, `project-${name}`);
    mkdirSync(projectDir);
    copyFileSync(join(REPO_ROOT, 'Pulumi.yaml'), join(projectDir, 'Pulumi.yaml'));
    await this.run(['stack', 'init', name, '--non-interactive'], { cwd: projectDir });
    const configFile = join(projectDir, `Pulumi.${name}.yaml`);
    return {
      name,
      configFile,
      args: (...command) => [...command, '--stack', name, '--config-file', configFile, '--non-interactive'],
      stateArgs: (...command) => [...command, '--stack', name, '--non-interactive'],
    };
  }

  /**
   * A directory `<dir>/cli` whose `bin/pulumi` is this CLI: the layout `PulumiCommand.get({ root })` expects.
   *
   * @example
   * ```ts
   * const pulumiCommand = await PulumiCommand.get({ root: sandbox.commandRoot() });
   * ```
   */
  commandRoot(): string {
    const root = join(this.dir, 'cli');
    mkdirSync(join(root, 'bin'), { recursive: true });
    try {
      symlinkSync(join(this.cliDir, 'pulumi'), join(root, 'bin', 'pulumi'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return root;
  }

  /**
   * Kills every command still running, with its language host and providers, and removes the directory.
   *
   * @example
   * ```ts
   * after(() => sandbox.dispose());
   * ```
   */
  async dispose(): Promise<void> {
    const pending = [...this.running].map(
      (child) =>
        new Promise<void>((resolvePromise) => {
          child.once('close', () => resolvePromise());
          killTree(child.pid as number, 'SIGKILL');
        }),
    );
    await Promise.all(pending);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
