/**
 * The whole `kvwait` run: parse the command line, handle help and version, wire the real waiter, client,
 * streams and signals, dispatch, and return the exit code.
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForTask } from '../core/wait-for-task';
import { parseCommandLine, type ConnectionFlags } from './args';
import { colorEnabled, painter } from './color';
import { helpText } from './help';
import { buildJsonResult } from './json-result';
import { classifyEnding, InterruptSignal, interruptExitCode } from './outcome';
import { reportError, type CliStreams } from './report-error';
import { runTasks } from './run-tasks';
import { runWait, type CliConnection } from './run-wait';

/**
 * The package version, read from the package.json next to `dist/`.
 *
 * @example
 * ```ts
 * packageVersion(); // '0.1.0'
 * ```
 */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Builds the API client from `--region` / `--endpoint`; credentials always come from the standard chain.
 *
 * @example
 * ```ts
 * const { source, apiCalls } = await connect({ regionId: null, endpoint: '127.0.0.1:8080' });
 * ```
 */
export async function connect(flags: ConnectionFlags): Promise<CliConnection> {
  const { createTasksClient } = await import('../client');
  const client = createTasksClient({
    ...(flags.regionId !== null && { regionId: flags.regionId }),
    ...(flags.endpoint !== null && { endpoint: flags.endpoint }),
  });
  return { source: client, apiCalls: () => client.stats.requests };
}

/** The process's own streams. */
function processStreams(): CliStreams {
  return {
    stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true },
    stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true, stream: process.stderr },
    env: process.env,
  };
}

/**
 * Runs `kvwait` with the given arguments and returns the exit code. SIGINT and SIGTERM abort the wait (it then
 * prints how to resume); a second signal exits at once.
 *
 * @example
 * ```ts
 * runCli(process.argv.slice(2)).then((code) => process.exit(code));
 * ```
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  const streams = processStreams();
  let command;
  try {
    command = parseCommandLine(argv, new Date());
  } catch (error) {
    if (argv.includes('--json')) {
      const result = buildJsonResult({ outcome: 'error', task: null, error, elapsedMs: 0, apiCalls: 0 });
      streams.stdout.write(`${JSON.stringify(result)}\n`);
    }
    reportError(error, { instanceId: null, regionId: null, endpoint: null, timeoutMs: null }, streams, painter(colorEnabled(streams.env, streams.stderr.isTTY)));
    return classifyEnding(error).exitCode;
  }
  if (command.kind === 'help') {
    streams.stdout.write(`${helpText(command.topic)}\n`);
    return 0;
  }
  if (command.kind === 'version') {
    streams.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const controller = new AbortController();
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (controller.signal.aborted) process.exit(interruptExitCode(controller.signal.reason));
    controller.abort(new InterruptSignal(signal));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const runtime = { ...streams, connect, signal: controller.signal };
    return command.kind === 'tasks'
      ? await runTasks(command, runtime)
      : await runWait(command, { ...runtime, waitForTask, now: () => new Date() });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
