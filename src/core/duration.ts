/**
 * Durations as people write and read them: strict parsing of `90s`, `30m`, `2h`, `1h30m`, `500ms` (CLI flags),
 * and the short human form used in progress lines and error messages (CLI, Pulumi, demo).
 *
 * @packageDocumentation
 */

const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;

/** Units in the only order they may appear in, largest first. */
const DURATION_PATTERN = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;

/**
 * Parses a duration such as `90s`, `30m`, `2h`, `1h30m` or `250ms` into milliseconds.
 *
 * Strict: every number needs a unit (`h`, `m`, `s`, `ms`), units appear largest first and at most once, no
 * spaces, signs or decimals. Returns `null` for anything else, so the caller can name the flag in its error.
 *
 * @example
 * ```ts
 * parseDuration('1h30m'); // 5_400_000
 * parseDuration('90s');   // 90_000
 * parseDuration('90');    // null (no unit)
 * parseDuration('1.5h');  // null (use 1h30m)
 * ```
 */
export function parseDuration(text: string): number | null {
  const match = DURATION_PATTERN.exec(text);
  if (match === null || text === '') return null;
  const [, h, m, s, ms] = match;
  const total =
    Number(h ?? 0) * UNIT_MS.h + Number(m ?? 0) * UNIT_MS.m + Number(s ?? 0) * UNIT_MS.s + Number(ms ?? 0) * UNIT_MS.ms;
  return Number.isSafeInteger(total) ? total : null;
}

/**
 * Formats milliseconds as a short duration, rounded down to whole seconds (`1h02m`, `4m05s`, `12s`);
 * under one second it gives `0s`. The output parses back with {@link parseDuration}.
 *
 * @example
 * ```ts
 * formatDuration(5_400_000); // '1h30m'
 * formatDuration(245_000);   // '4m05s'
 * formatDuration(800);       // '0s'
 * ```
 */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h${String(minutes).padStart(2, '0')}m`;
  if (minutes > 0) return `${minutes}m${String(seconds).padStart(2, '0')}s`;
  return `${seconds}s`;
}
