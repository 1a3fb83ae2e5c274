/**
 * Pure parsing of `kvwait-emulator` arguments into emulator options.
 */
import { parseArgs } from 'node:util';

/**
 * Usage text of `kvwait-emulator`.
 *
 * @example
 * process.stdout.write(`${USAGE}\n`);
 */
export const USAGE = `Usage: kvwait-emulator [--port N] [--host 127.0.0.1] [--time-scale X] [--seed N] [--config file.json]
                       [--allow-non-loopback] [--verbose] [--help]

  --port N              TCP port (default 0: a free port)
  --host ADDR           bind address (default 127.0.0.1; non-loopback needs --allow-non-loopback)
  --time-scale X        task speed-up, > 0 (default 1; at 60 a 10-minute task takes 10 s)
  --seed N              PRNG seed, an integer (default 1)
  --config FILE         JSON EmulatorConfig: credentials, instances, conflictCode, faults, clockSkewMs
  --verbose             log one line per request to stderr (never secrets or signatures)`;

/**
 * Parsed command line.
 *
 * @example
 * const args: BinArgs = parseBinArgs(['--time-scale', '60']);
 * args.timeScale; // 60
 */
export interface BinArgs {
  help: boolean;
  port?: number;
  host?: string;
  allowNonLoopback: boolean;
  timeScale?: number;
  seed?: number;
  configPath?: string;
  verbose: boolean;
}

/**
 * A bad command line; the bin prints `message` and exits 2.
 *
 * @example
 * throw new UsageError('--port must be an integer, got "x"');
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function number(flag: string, raw: string | undefined, integer: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new UsageError(`--${flag} must be ${integer ? 'an integer' : 'a number'}, got "${raw}"`);
  }
  return value;
}

/**
 * Parse `kvwait-emulator` arguments (strict: unknown flags and stray arguments are errors).
 *
 * @throws UsageError with a message saying what to fix.
 * @example
 * parseBinArgs(['--port', '8080', '--time-scale', '60']); // {port: 8080, timeScale: 60, ...}
 */
export function parseBinArgs(argv: string[]): BinArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'time-scale': { type: 'string' },
        seed: { type: 'string' },
        config: { type: 'string' },
        'allow-non-loopback': { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    help: values.help === true,
    port: number('port', values.port, true),
    host: values.host,
    allowNonLoopback: values['allow-non-loopback'] === true,
    timeScale: number('time-scale', values['time-scale'], false),
    seed: number('seed', values.seed, true),
    configPath: values.config,
    verbose: values.verbose === true,
  };
}
