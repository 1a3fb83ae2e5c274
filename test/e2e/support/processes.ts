/**
 * Process trees on Linux, read from `/proc`: the Pulumi CLI starts its language host and provider plugins in
 * their own process groups, so killing the CLI's group is not enough to kill "the CLI and its provider".
 */
import { readFileSync, readdirSync } from 'node:fs';

/** The parent pid of `pid`, or `null` when it is gone. */
function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return null;
  }
}

/**
 * Every live descendant of `pid` (children, grandchildren, ...), found by scanning `/proc`.
 *
 * @example
 * ```ts
 * const tree = descendants(cli.pid); // e.g. [languageHost, nodeProgram, providerShim, providerNode]
 * ```
 */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent !== null) parents.set(Number(entry), parent);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.shift() as number;
    for (const [child, parent] of parents) {
      if (parent === current && !found.includes(child)) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/**
 * Whether a process with that pid exists (zombies count as gone).
 *
 * @example
 * ```ts
 * isAlive(process.pid); // true
 * ```
 */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Sends `signal` to `pid` and every descendant (collected first, so none escapes by being re-parented), and
 * returns the pids signalled.
 *
 * @example
 * ```ts
 * const killed = killTree(cli.pid, 'SIGKILL');
 * ```
 */
export function killTree(pid: number, signal: NodeJS.Signals): number[] {
  const tree = [pid, ...descendants(pid)];
  for (const target of tree) {
    try {
      process.kill(target, signal);
    } catch {
      // Already gone.
    }
  }
  return tree;
}
