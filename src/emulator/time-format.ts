/**
 * The two UTC time formats of the R-KVStore API: `yyyy-MM-ddTHH:mmZ` (DescribeTasks windows) and
 * `yyyy-MM-ddTHH:mm:ssZ` (stamps, x-acs-date, v2 Timestamp, DescribeHistoryTasks windows).
 */

const MINUTE_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})Z$/;
const SECOND_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

function toMs(parts: string[]): number | undefined {
  const [y, mo, d, h, mi, s] = parts.map(Number);
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear takes the year as written.
  const back = new Date(Date.UTC(2000, 0, 1, h, mi, s ?? 0));
  back.setUTCFullYear(y, mo - 1, d);
  const ms = back.getTime();
  // Reject overflowing fields such as month 13 or minute 61, which Date.UTC would silently roll over.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h || back.getUTCMinutes() !== mi) {
    return undefined;
  }
  return ms;
}

/**
 * Parse `yyyy-MM-ddTHH:mmZ`; `undefined` when malformed.
 *
 * @example
 * parseMinuteTime('2020-11-20T01:00Z'); // 1605834000000
 */
export function parseMinuteTime(text: string): number | undefined {
  const m = MINUTE_RE.exec(text);
  return m ? toMs(m.slice(1)) : undefined;
}

/**
 * Parse `yyyy-MM-ddTHH:mm:ssZ`; `undefined` when malformed.
 *
 * @example
 * parseSecondTime('2020-11-13T06:16:54Z'); // 1605248214000
 */
export function parseSecondTime(text: string): number | undefined {
  const m = SECOND_RE.exec(text);
  if (!m || Number(m[6]) > 59) return undefined;
  return toMs(m.slice(1));
}

/**
 * Format epoch ms as `yyyy-MM-ddTHH:mm:ssZ` (truncating milliseconds).
 *
 * @example
 * formatSecondTime(1605248214999); // '2020-11-13T06:16:54Z'
 */
export function formatSecondTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
