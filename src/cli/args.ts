/**
 * Command-line parsing for `kvwait`: turns argv into a typed command, or an {@link InvalidOptionError} naming
 * the flag to fix. Pure: no I/O, the clock is a parameter.
 *
 * @packageDocumentation
 */
import { parseArgs } from 'node:util';
import { InvalidOptionError } from '../core/errors';
import { ALL_TASK_STATUSES, taskStatusByName, taskStatusName, type TaskStatus } from '../core/task';
import { parseDuration } from '../core/duration';
import { parseTimeArg } from './time-arg';

/**
 * Where the API lives: a region and, for the emulator or a private endpoint, an endpoint override.
 *
 * @example
 * ```ts
 * const flags: ConnectionFlags = { regionId: null, endpoint: '127.0.0.1:8080' };
 * ```
 */
export interface ConnectionFlags {
  /** `--region`; `null` when not given (the caller picks the default). */
  regionId: string | null;
  /** `--endpoint`: `host:port` or an `http(s)://` URL. */
  endpoint: string | null;
}

/**
 * `kvwait wait ...` (also a bare `kvwait --instance-id ...`).
 *
 * @example
 * ```ts
 * const cmd = parseCommandLine(['--instance-id', 'r-1', '--task-action', 'ModifyInstanceSpec'], new Date());
 * if (cmd.kind === 'wait') console.log(cmd.taskAction); // ['ModifyInstanceSpec']
 * ```
 */
export interface WaitCommand extends ConnectionFlags {
  kind: 'wait';
  instanceId: string;
  /** `--task-action A,B` (repeatable); `null` when only `--task-id` is given. */
  taskAction: string[] | null;
  taskId: string | null;
  /** `--since`; when absent, 24 h ago with `--task-id`, else `null` ("now", the library default). */
  since: Date | null;
  timeoutMs: number | null;
  notFoundGraceMs: number | null;
  failOnPaused: boolean;
  json: boolean;
  quiet: boolean;
}

/**
 * `kvwait tasks ...`: list the tasks of an instance.
 *
 * @example
 * ```ts
 * const cmd = parseCommandLine(['tasks', '--instance-id', 'r-1', '--status', '1,2'], new Date());
 * if (cmd.kind === 'tasks') console.log(cmd.statuses); // [1, 2]
 * ```
 */
export interface TasksCommand extends ConnectionFlags {
  kind: 'tasks';
  instanceId: string;
  since: Date;
  until: Date;
  /** `--status`; `null` means every status. */
  statuses: TaskStatus[] | null;
  json: boolean;
}

/**
 * `kvwait --help`, `kvwait help [command]` or `kvwait <command> --help`.
 *
 * @example
 * ```ts
 * parseCommandLine(['tasks', '--help'], new Date()); // { kind: 'help', topic: 'tasks' }
 * ```
 */
export interface HelpCommand {
  kind: 'help';
  topic: 'wait' | 'tasks' | null;
}

/**
 * `kvwait --version`.
 *
 * @example
 * ```ts
 * parseCommandLine(['--version'], new Date()); // { kind: 'version' }
 * ```
 */
export interface VersionCommand {
  kind: 'version';
}

/**
 * Every command `kvwait` understands.
 *
 * @example
 * ```ts
 * const cmd: Command = parseCommandLine(process.argv.slice(2), new Date());
 * ```
 */
export type Command = WaitCommand | TasksCommand | HelpCommand | VersionCommand;

/**
 * How far back `--since` reaches when it is not given, for `kvwait tasks` and for a `wait` on a `--task-id`
 * (the id alone decides the match, so a wide window only costs page reads): 24 hours.
 *
 * @example
 * ```ts
 * const since = new Date(Date.now() - DEFAULT_LOOKBACK_MS);
 * ```
 */
export const DEFAULT_LOOKBACK_MS = 24 * 3_600_000;

const COMMON_OPTIONS = {
  'instance-id': { type: 'string' },
  region: { type: 'string' },
  endpoint: { type: 'string' },
  since: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const WAIT_OPTIONS = {
  ...COMMON_OPTIONS,
  'task-action': { type: 'string', multiple: true },
  'task-id': { type: 'string' },
  timeout: { type: 'string' },
  'not-found-grace': { type: 'string' },
  'fail-on-paused': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

const TASKS_OPTIONS = {
  ...COMMON_OPTIONS,
  until: { type: 'string' },
  status: { type: 'string' },
} as const;

const DURATION_HINT = 'use a number with a unit, e.g. 90s, 30m, 2h or 1h30m';
const TIME_HINT = 'use an ISO time with a zone (2024-05-01T10:00:00Z), a relative time such as -10m, or now';

/**
 * Parses `kvwait` arguments (without `node` and the script path).
 *
 * - The first argument may name a command: `wait`, `tasks` or `help`. Bare flags mean `wait`.
 * - Unknown flags, missing values, stray arguments, malformed durations, times, statuses and empty ids all
 *   throw {@link InvalidOptionError} whose `option` is the flag, e.g. `--timeout`.
 * - `--since -10m` works as well as `--since=-10m`.
 *
 * @param argv - the arguments, e.g. `process.argv.slice(2)`
 * @param now - the current time, for relative times and defaults
 * @throws InvalidOptionError when anything is wrong; nothing has been sent anywhere yet
 * @example
 * ```ts
 * parseCommandLine(['--instance-id', 'r-1', '--task-id', '42', '--timeout', '30m'], new Date());
 * // { kind: 'wait', instanceId: 'r-1', taskId: '42', timeoutMs: 1_800_000, ... }
 * parseCommandLine(['--instance-id', 'r-1', '--task-id', '42', '--timeout', '30'], new Date());
 * // throws InvalidOptionError: Invalid option "--timeout": "30" is not a duration; use a number with a unit, ...
 * ```
 */
export function parseCommandLine(argv: readonly string[], now: Date): Command {
  const [first, ...rest] = argv;
  if (first === 'help') return { kind: 'help', topic: helpTopic(rest[0]) };
  if (first === '--version' || first === '-v') {
    if (rest.length > 0) throw new InvalidOptionError(first, 'takes no other arguments');
    return { kind: 'version' };
  }
  if (first === undefined) return { kind: 'help', topic: null };
  if (first === 'tasks') return parseTasks(rest, now);
  if (first === 'wait') return parseWait(rest, now, 'wait');
  if (first.startsWith('-')) return parseWait(argv, now, null);
  throw new InvalidOptionError(first, 'is not a command; use "kvwait wait", "kvwait tasks" or "kvwait --help"');
}

function helpTopic(name: string | undefined): HelpCommand['topic'] {
  if (name === undefined) return null;
  if (name === 'wait' || name === 'tasks') return name;
  throw new InvalidOptionError(name, 'has no help; try "kvwait help wait" or "kvwait help tasks"');
}

function parseWait(args: readonly string[], now: Date, topic: 'wait' | null): WaitCommand | HelpCommand {
  const values = parseFlags(args, WAIT_OPTIONS);
  if (values.help) return { kind: 'help', topic };
  const instanceId = requiredId('--instance-id', values['instance-id']);
  const taskAction = values['task-action'] === undefined ? null : splitList('--task-action', values['task-action']);
  const taskId = optionalId('--task-id', values['task-id']);
  if (taskAction === null && taskId === null) {
    throw new InvalidOptionError('--task-action', 'give --task-action <Action[,Action]> or --task-id <id> (or both)');
  }
  return {
    kind: 'wait',
    instanceId,
    taskAction,
    taskId,
    since: values.since !== undefined ? time('--since', values.since, now) : taskId !== null ? new Date(now.getTime() - DEFAULT_LOOKBACK_MS) : null,
    timeoutMs: optionalDuration('--timeout', values.timeout),
    notFoundGraceMs: optionalDuration('--not-found-grace', values['not-found-grace']),
    failOnPaused: values['fail-on-paused'] ?? false,
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    ...connection(values),
  };
}

function parseTasks(args: readonly string[], now: Date): TasksCommand | HelpCommand {
  const values = parseFlags(args, TASKS_OPTIONS);
  if (values.help) return { kind: 'help', topic: 'tasks' };
  const since = values.since === undefined ? new Date(now.getTime() - DEFAULT_LOOKBACK_MS) : time('--since', values.since, now);
  const until = values.until === undefined ? new Date(now.getTime()) : time('--until', values.until, now);
  if (until.getTime() <= since.getTime()) {
    throw new InvalidOptionError('--until', `must be after --since (${since.toISOString()})`);
  }
  return {
    kind: 'tasks',
    instanceId: requiredId('--instance-id', values['instance-id']),
    since,
    until,
    statuses: values.status === undefined ? null : statuses(values.status),
    json: values.json ?? false,
    ...connection(values),
  };
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

function parseFlags<T extends OptionSpec>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: joinDashValues(args, options), options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw toInvalidOption(error);
  }
}

/**
 * `util.parseArgs` refuses `--since -10m` as ambiguous. A value that starts with a dash and a digit can
 * never be a flag, so such pairs are joined into `--since=-10m` before parsing.
 */
function joinDashValues(args: readonly string[], options: OptionSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = args[i].startsWith('--') ? args[i].slice(2) : null;
    const next = args[i + 1];
    if (name !== null && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${args[i]}=${next}`);
      i++;
    } else {
      out.push(args[i]);
    }
  }
  return out;
}

function toInvalidOption(error: unknown): InvalidOptionError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(-[^' ]+)/.exec(message)?.[1] ?? /'([^']+)'/.exec(message)?.[1] ?? 'arguments';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new InvalidOptionError(flag, 'is not a kvwait flag; see "kvwait --help"');
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new InvalidOptionError(flag, 'is an unexpected argument; every value follows its flag, e.g. --instance-id r-1');
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new InvalidOptionError(
        flag,
        /does not take/.test(message) ? 'takes no value' : 'needs a value (write --flag=-value for a value that starts with a dash)',
      );
    default:
      return new InvalidOptionError(flag, message);
  }
}

function connection(values: { region?: string; endpoint?: string }): ConnectionFlags {
  return {
    regionId: optionalId('--region', values.region),
    endpoint: optionalId('--endpoint', values.endpoint),
  };
}

function requiredId(flag: string, value: string | undefined): string {
  const id = optionalId(flag, value);
  if (id === null) throw new InvalidOptionError(flag, 'is required');
  return id;
}

function optionalId(flag: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  if (value.trim() === '' || value !== value.trim()) {
    throw new InvalidOptionError(flag, `must be a non-empty value without surrounding spaces (got ${JSON.stringify(value)})`);
  }
  return value;
}

function splitList(flag: string, values: readonly string[]): string[] {
  const items = values.flatMap((v) => v.split(','));
  if (items.some((item) => item.trim() === '' || item !== item.trim())) {
    throw new InvalidOptionError(flag, `has an empty or space-padded item in ${JSON.stringify(values.join(','))}`);
  }
  return [...new Set(items)];
}

function optionalDuration(flag: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  const ms = parseDuration(value);
  if (ms === null) throw new InvalidOptionError(flag, `${JSON.stringify(value)} is not a duration; ${DURATION_HINT}`);
  return ms;
}

function time(flag: string, value: string, now: Date): Date {
  const date = parseTimeArg(value, now);
  if (date !== null) return date;
  const hint = parseDuration(value) !== null ? `; did you mean -${value}?` : `; ${TIME_HINT}`;
  throw new InvalidOptionError(flag, `${JSON.stringify(value)} is not a time${hint}`);
}

function statuses(value: string): TaskStatus[] {
  return splitList('--status', [value]).map((item) => {
    const byName = taskStatusByName(item.toLowerCase());
    if (byName !== undefined) return byName;
    const n = /^\d+$/.test(item) ? Number(item) : NaN;
    if (ALL_TASK_STATUSES.includes(n)) return n as TaskStatus;
    throw new InvalidOptionError(
      '--status',
      `${JSON.stringify(item)} is not a task status; use ${ALL_TASK_STATUSES.join(',')} or ${ALL_TASK_STATUSES.map(taskStatusName).join(',')}`,
    );
  });
}
