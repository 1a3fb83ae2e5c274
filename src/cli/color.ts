/**
 * Terminal colour, used only on a TTY and never when `NO_COLOR` is set (https://no-color.org).
 *
 * @packageDocumentation
 */

/**
 * Wraps text in a colour, or returns it unchanged when colour is off.
 *
 * @example
 * ```ts
 * const paint = painter(true);
 * process.stderr.write(paint.red('failed') + '\n');
 * ```
 */
export interface Painter {
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
}

/**
 * Whether to colour output to a stream: only when it is a TTY and `NO_COLOR` is unset or empty.
 *
 * @example
 * ```ts
 * colorEnabled(process.env, process.stderr.isTTY === true);
 * ```
 */
export function colorEnabled(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  return isTTY && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

/**
 * A painter that colours with ANSI SGR codes when `enabled`, and is the identity otherwise.
 *
 * @example
 * ```ts
 * painter(false).green('ok'); // 'ok'
 * painter(true).green('ok');  // '\x1b[32mok\x1b[39m'
 * ```
 */
export function painter(enabled: boolean): Painter {
  const sgr = (open: number) => (text: string) => (enabled ? `\x1b[${open}m${text}\x1b[39m` : text);
  return { green: sgr(32), red: sgr(31), yellow: sgr(33) };
}
