import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { shellQuote } from '../../../src/cli/resume-command';
import { startEmulator, type Emulator } from '../../../src/emulator';
import { childEnv, freshInstance, KVWAIT } from './harness';

const TMUX = 'tmux';
const tmuxAvailable = spawnSync(TMUX, ['-V'], { stdio: 'ignore' }).status === 0;

/** The bar line: task, status, [bar], percent, step i/n, ETA from the server. */
const BAR = /task \d+ \(ModifyInstanceSpec\) running \[[=-]{24}\] \d+% \| step \w+ \d\/\d \| ETA (\d+m\d{2}s|\d+s)/;

/**
 * Runs kvwait in a detached tmux session of a fixed size (a real pseudo-terminal) on a private tmux server,
 * and reads the screen with capture-pane.
 */
class TmuxSession {
  private readonly socket = `kvwait-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly name = 'kvwait';

  constructor(command: string) {
    this.tmux(['new-session', '-d', '-s', this.name, '-x', '160', '-y', '12', `${command}; echo KVWAIT_EXIT=$?; sleep 120`]);
  }

  /** The visible screen; with `escapes`, including colour escape sequences. */
  capture(escapes = false): string {
    return this.tmux(['capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', this.name]);
  }

  /** Polls the screen (at most `limitMs`) until its text (colours aside) matches; returns the screen. */
  async waitFor(pattern: RegExp, escapes = false, limitMs = 20_000): Promise<string> {
    let screen = '';
    for (let waited = 0; waited < limitMs; waited += 100) {
      screen = this.capture(escapes);
      if (pattern.test(screen.replace(/\x1b\[[0-9;]*m/g, ''))) return screen;
      await sleep(100);
    }
    assert.fail(`screen never matched ${pattern}:\n${screen}`);
  }

  kill(): void {
    spawnSync(TMUX, ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
  }

  private tmux(args: string[]): string {
    return execFileSync(TMUX, ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8', env: { ...process.env, TERM: 'xterm-256color' } });
  }
}

describe('kvwait on a terminal (tmux pseudo-terminal)', function () {
  this.timeout(40_000);
  let emu: Emulator;
  let session: TmuxSession | null = null;

  before(async function () {
    if (!tmuxAvailable) {
      console.log('    (skipped: tmux is not installed; install it to check the TTY progress bar)');
      this.skip();
    }
    emu = await startEmulator({ timeScale: 1, seed: 11 });
  });

  afterEach(() => {
    session?.kill();
    session = null;
  });

  after(async () => {
    await emu?.stop();
  });

  function command(instanceId: string, extraEnv: Record<string, string> = {}): string {
    const env = Object.entries(childEnv(emu, extraEnv))
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([k, v]) => `${k}=${shellQuote(v)}`);
    const args = ['--instance-id', instanceId, '--endpoint', emu.endpoint, '--task-action', 'ModifyInstanceSpec', '--since', '-1m'];
    return ['env', '-i', ...env, shellQuote(process.execPath), shellQuote(KVWAIT), ...args].join(' ');
  }

  it('shows a live bar with the task, step i/n, percent and ETA, then the result', async () => {
    const id = freshInstance(emu);
    const steps = [
      { name: 'init_instance', durationMs: 2_000 },
      { name: 'exec_task', durationMs: 2_000 },
    ];
    const task = emu.control.addTask(id, { taskAction: 'ModifyInstanceSpec', steps });
    session = new TmuxSession(command(id));
    const running = await session.waitFor(BAR);
    assert.match(running, new RegExp(`task ${task.TaskId} \\(ModifyInstanceSpec\\) running`));
    const done = await session.waitFor(/KVWAIT_EXIT=\d+/);
    assert.match(done, /KVWAIT_EXIT=0/);
    assert.match(done, new RegExp(`task ${task.TaskId} \\(ModifyInstanceSpec\\) on ${id} complete after \\d+s\\.`));
    // The bar stays on screen in its final state, above the result line.
    assert.match(done, /complete \[=+\] 100% \| step exec_task 2\/2 \| ETA --/);
  });

  it('colours the bar on a terminal, and not at all with NO_COLOR', async () => {
    const colouredId = freshInstance(emu);
    emu.control.addTask(colouredId, { taskAction: 'ModifyInstanceSpec', steps: [{ name: 'exec_task', durationMs: 600_000 }] });
    session = new TmuxSession(command(colouredId));
    const coloured = await session.waitFor(BAR, true);
    assert.match(coloured, /\x1b\[32m[=-]+/);
    session.kill();

    const plainId = freshInstance(emu);
    emu.control.addTask(plainId, { taskAction: 'ModifyInstanceSpec', steps: [{ name: 'exec_task', durationMs: 600_000 }] });
    session = new TmuxSession(command(plainId, { NO_COLOR: '1' }));
    const plain = await session.waitFor(BAR, true);
    assert.doesNotMatch(plain, /\x1b\[3\dm/);
  });
});
