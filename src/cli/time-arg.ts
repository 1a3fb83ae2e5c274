/**
 * Points in time on the command line: an ISO 8601 time with a zone, `now`, or a time relative to now
 * such as `-10m`.
 *
 * @packageDocumentation
 */
import { parseDuration } from '../core/duration';

/** A full ISO 8601 date-time with an explicit zone (`Z` or `+08:00`); seconds and fractions optional. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses a time argument relative to `now`:
 * - `now`;
 * - `-<duration>`, e.g. `-10m`, `-1h30m` (the past only: a wait looks back at a mutation already sent);
 * - an ISO 8601 date-time with a zone, e.g. `2024-05-01T10:00:00Z` or `2024-05-01T18:00+08:00`.
 *
 * Returns `null` for anything else (a missing zone, a missing minus sign, an impossible date, ...).
 *
 * @example
 * ```ts
 * const now = new Date('2024-05-01T10:00:00Z');
 * parseTimeArg('-10m', now);                  // 2024-05-01T09:50:00.000Z
 * parseTimeArg('2024-05-01T08:00Z', now);     // 2024-05-01T08:00:00.000Z
 * parseTimeArg('2024-05-01T08:00', now);      // null (no zone)
 * parseTimeArg('10m', now);                   // null (did you mean -10m?)
 * ```
 */
export function parseTimeArg(text: string, now: Date): Date | null {
  if (text === 'now') return new Date(now.getTime());
  if (text.startsWith('-')) {
    const ms = parseDuration(text.slice(1));
    return ms === null ? null : new Date(now.getTime() - ms);
  }
  if (!ISO_WITH_ZONE.test(text)) return null;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return null;
  // Date() rolls impossible days over (2024-02-30 -> March 1); reject those by checking the calendar date back.
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  const offsetMinutes = zoneOffsetMinutes(text);
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  if (local.getUTCFullYear() !== year || local.getUTCMonth() + 1 !== month || local.getUTCDate() !== day) return null;
  return date;
}

function zoneOffsetMinutes(text: string): number {
  if (text.endsWith('Z')) return 0;
  const sign = text.at(-6) === '-' ? -1 : 1;
  const [h, m] = text.slice(-5).split(':').map(Number);
  return sign * (h * 60 + m);
}
