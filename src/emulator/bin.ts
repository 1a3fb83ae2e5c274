#!/usr/bin/env node
/**
 * `kvwait-emulator`: run the R-KVStore emulator until SIGINT or SIGTERM.
 *
 * @example
 * // $ kvwait-emulator --port 8080 --time-scale 60
 */
import { readFileSync } from 'node:fs';
import { USAGE, UsageError, parseBinArgs } from './bin-args';
import { EmulatorControlError } from './control-error';
import { CONTROL_PREFIX } from './control-http';
import { startEmulator, type EmulatorConfig } from './index';

function readConfig(path: string): EmulatorConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --config ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text) as EmulatorConfig;
  } catch (error) {
    throw new UsageError(`--config ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

async function main(argv: string[]): Promise<void> {
  const args = parseBinArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const emulator = await startEmulator({
    port: args.port,
    host: args.host,
    allowNonLoopback: args.allowNonLoopback,
    timeScale: args.timeScale,
    seed: args.seed,
    config: args.configPath === undefined ? undefined : readConfig(args.configPath),
    log: args.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
  });
  // Handlers go in before the banner, so a signal sent as soon as the banner is read is handled.
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    void emulator.stop().then(() => {
      process.stdout.write(`kvwait-emulator stopped (${signal})\n`);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(
    [
      `kvwait-emulator listening on ${emulator.url}`,
      `  endpoint         ${emulator.endpoint}  (SDK Config: endpoint + protocol 'http')`,
      `  accessKeyId      ${emulator.accessKeyId}`,
      `  accessKeySecret  ${emulator.accessKeySecret}  (test credential)`,
      `  instances        ${emulator.control.listInstances().join(', ')}`,
      `  control          POST ${emulator.url}${CONTROL_PREFIX}<method> with a JSON array of arguments`,
      '',
    ].join('\n'),
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof EmulatorControlError) {
    process.stderr.write(`kvwait-emulator: ${error.message}\n${error instanceof UsageError ? `${USAGE}\n` : ''}`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`kvwait-emulator: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
