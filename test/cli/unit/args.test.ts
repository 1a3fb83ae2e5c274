import { strict as assert } from 'node:assert';
import { DEFAULT_LOOKBACK_MS, parseCommandLine, type Command } from '../../../src/cli/args';
import { InvalidOptionError } from '../../../src/core/errors';
import { TaskStatus } from '../../../src/core/task';

const now = new Date('2024-05-01T10:00:00Z');
const parse = (...argv: string[]): Command => parseCommandLine(argv, now);

function rejects(argv: string[], flag: string, reason: RegExp): void {
  assert.throws(
    () => parseCommandLine(argv, now),
    (e: unknown) => e instanceof InvalidOptionError && e.option === flag && reason.test(e.reason),
    `${argv.join(' ')} should name ${flag}`,
  );
}

describe('cli/args', () => {
  describe('wait', () => {
    it('treats bare flags as "wait" and reads every flag', () => {
      const cmd = parse(
        '--instance-id', 'r-1', '--task-action', 'ModifyInstanceSpec,RestartInstance', '--task-id', '42',
        '--since', '2024-05-01T09:00:00Z', '--timeout', '1h30m', '--not-found-grace', '45s', '--region', 'cn-beijing',
        '--endpoint', '127.0.0.1:8080', '--fail-on-paused', '--json', '--quiet',
      );
      assert.deepEqual(cmd, {
        kind: 'wait',
        instanceId: 'r-1',
        taskAction: ['ModifyInstanceSpec', 'RestartInstance'],
        taskId: '42',
        since: new Date('2024-05-01T09:00:00Z'),
        timeoutMs: 5_400_000,
        notFoundGraceMs: 45_000,
        failOnPaused: true,
        json: true,
        quiet: true,
        regionId: 'cn-beijing',
        endpoint: '127.0.0.1:8080',
      });
    });

    it('leaves unset options null so the library defaults apply', () => {
      const cmd = parse('wait', '--instance-id', 'r-1', '--task-action', 'A');
      assert.equal(cmd.kind, 'wait');
      if (cmd.kind !== 'wait') return;
      assert.deepEqual(
        [cmd.taskId, cmd.since, cmd.timeoutMs, cmd.notFoundGraceMs, cmd.regionId, cmd.endpoint, cmd.failOnPaused, cmd.json, cmd.quiet],
        [null, null, null, null, null, null, false, false, false],
      );
    });

    it('looks back 24 hours for a --task-id given without --since', () => {
      const cmd = parse('--instance-id', 'r-1', '--task-id', '42');
      assert.equal(cmd.kind === 'wait' && cmd.since?.toISOString(), new Date(now.getTime() - DEFAULT_LOOKBACK_MS).toISOString());
    });

    it('accepts "--since -10m" (a value starting with a dash) as well as "--since=-10m"', () => {
      for (const argv of [['--since', '-10m'], ['--since=-10m']]) {
        const cmd = parse('--instance-id', 'r-1', '--task-id', '42', ...argv);
        assert.equal(cmd.kind === 'wait' && cmd.since?.toISOString(), '2024-05-01T09:50:00.000Z');
      }
    });

    it('merges repeated and comma-separated --task-action values without duplicates', () => {
      const cmd = parse('--instance-id', 'r-1', '--task-action', 'A,B', '--task-action', 'B', '--task-action', 'C');
      assert.deepEqual(cmd.kind === 'wait' && cmd.taskAction, ['A', 'B', 'C']);
    });

    it('names the flag of every malformed or missing value', () => {
      rejects(['--task-id', '42'], '--instance-id', /required/);
      rejects(['--instance-id', 'r-1'], '--task-action', /--task-id/);
      rejects(['--instance-id', '', '--task-id', '42'], '--instance-id', /non-empty/);
      rejects(['--instance-id', ' r-1', '--task-id', '42'], '--instance-id', /spaces/);
      rejects(['--instance-id', 'r-1', '--task-action', 'A,,B'], '--task-action', /empty/);
      rejects(['--instance-id', 'r-1', '--task-id', '42', '--timeout', '90'], '--timeout', /not a duration.*90s/);
      rejects(['--instance-id', 'r-1', '--task-id', '42', '--timeout', '9Os'], '--timeout', /"9Os"/);
      rejects(['--instance-id', 'r-1', '--task-id', '42', '--not-found-grace', '1.5m'], '--not-found-grace', /not a duration/);
      rejects(['--instance-id', 'r-1', '--task-id', '42', '--since', '10m'], '--since', /did you mean -10m/);
      rejects(['--instance-id', 'r-1', '--task-id', '42', '--since', '2024-05-01T09:00'], '--since', /zone/);
      rejects(['--instance-id', 'r-1', '--task-id', '42', '--region', ''], '--region', /non-empty/);
    });

    it('names unknown flags, flags without values, values on switches and stray arguments', () => {
      rejects(['--instance-id', 'r-1', '--task-id', '42', '--access-key-secret', 'x'], '--access-key-secret', /not a kvwait flag/);
      rejects(['--instance-id', 'r-1', '--task-id'], '--task-id', /needs a value/);
      rejects(['--instance-id', 'r-1', '--task-id', '42', '--json=yes'], '--json', /takes no value/);
      rejects(['--instance-id', 'r-1', '--task-id', '42', 'extra'], 'extra', /unexpected argument/);
      rejects(['deploy', '--instance-id', 'r-1'], 'deploy', /not a command/);
    });
  });

  describe('tasks', () => {
    it('defaults to the last 24 hours and every status', () => {
      const cmd = parse('tasks', '--instance-id', 'r-1');
      assert.deepEqual(cmd, {
        kind: 'tasks',
        instanceId: 'r-1',
        since: new Date(now.getTime() - DEFAULT_LOOKBACK_MS),
        until: now,
        statuses: null,
        json: false,
        regionId: null,
        endpoint: null,
      });
    });

    it('reads statuses as numbers or names and the window as times', () => {
      const cmd = parse('tasks', '--instance-id', 'r-1', '--status', '0,Running,2,interrupted', '--since', '-2h', '--until', '-1h', '--json');
      assert.equal(cmd.kind, 'tasks');
      if (cmd.kind !== 'tasks') return;
      assert.deepEqual(cmd.statuses, [TaskStatus.Pending, TaskStatus.Running, TaskStatus.Complete, TaskStatus.Interrupted]);
      assert.equal(cmd.since.toISOString(), '2024-05-01T08:00:00.000Z');
      assert.equal(cmd.until.toISOString(), '2024-05-01T09:00:00.000Z');
      assert.equal(cmd.json, true);
    });

    it('rejects unknown statuses, an empty window and wait-only flags', () => {
      rejects(['tasks', '--instance-id', 'r-1', '--status', '1,3'], '--status', /"3" is not a task status/);
      rejects(['tasks', '--instance-id', 'r-1', '--status', 'done'], '--status', /not a task status; use 0,1,2,4,7,8 or pending,running,complete,closed,paused,interrupted$/);
      rejects(['tasks', '--instance-id', 'r-1', '--status', 'constructor'], '--status', /"constructor" is not a task status/);
      rejects(['tasks', '--instance-id', 'r-1', '--since', '-1h', '--until', '-2h'], '--until', /after --since/);
      rejects(['tasks', '--instance-id', 'r-1', '--timeout', '5m'], '--timeout', /not a kvwait flag/);
      rejects(['tasks'], '--instance-id', /required/);
    });
  });

  describe('help and version', () => {
    it('recognises every way to ask for help', () => {
      assert.deepEqual(parse(), { kind: 'help', topic: null });
      assert.deepEqual(parse('--help'), { kind: 'help', topic: null });
      assert.deepEqual(parse('-h'), { kind: 'help', topic: null });
      assert.deepEqual(parse('help'), { kind: 'help', topic: null });
      assert.deepEqual(parse('help', 'tasks'), { kind: 'help', topic: 'tasks' });
      assert.deepEqual(parse('wait', '--help'), { kind: 'help', topic: 'wait' });
      assert.deepEqual(parse('tasks', '-h'), { kind: 'help', topic: 'tasks' });
      rejects(['help', 'deploy'], 'deploy', /has no help/);
    });

    it('recognises --version alone', () => {
      assert.deepEqual(parse('--version'), { kind: 'version' });
      assert.deepEqual(parse('-v'), { kind: 'version' });
      rejects(['--version', '--json'], '--version', /no other arguments/);
    });
  });
});
