/**
 * The time and status strings of the DescribeTasks wire format. Pure functions, no I/O.
 *
 * - Query times are minute-precision UTC: `yyyy-MM-ddTHH:mmZ` (e.g. `2020-11-20T01:00Z`).
 * - Task times are second-precision UTC: `yyyy-MM-ddTHH:mm:ssZ` (e.g. `2020-11-13T06:16:54Z`).
 * - Status filters are a comma list of status codes (e.g. `0,1,2`).
 *
 * @packageDocumentation
 */
import { InvalidOptionError } from './errors';
import { ALL_TASK_STATUSES, TaskStatus } from './task';
import { validateDate } from './validation';

/**
 * Formats a `Date` as the API's minute-precision UTC time `yyyy-MM-ddTHH:mmZ`, dropping seconds (floor).
 *
 * @param date - the time to format; must be a valid `Date`.
 * @param option - the option name reported if `date` is invalid (default `date`).
 * @throws {@link InvalidOptionError} for an invalid `Date` or one outside years 0000-9999.
 * @example
 * ```ts
 * formatApiMinute(new Date('2020-11-20T01:00:59.999Z')); // '2020-11-20T01:00Z'
 * ```
 */
export function formatApiMinute(date: Date, option = 'date'): string {
  validateDate(option, date);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) {
    throw new InvalidOptionError(option, `year ${year} is outside 0000-9999, which the API cannot express`);
  }
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}Z`;
}

const API_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?Z$/;

/**
 * Parses an API time (`yyyy-MM-ddTHH:mm:ssZ`, or the minute form `yyyy-MM-ddTHH:mmZ`; optional fraction of a
 * second) into a `Date`. Returns `null` for anything else, including impossible dates such as February 30th.
 *
 * @example
 * ```ts
 * parseApiTime('2020-11-13T06:16:54Z')?.toISOString(); // '2020-11-13T06:16:54.000Z'
 * parseApiTime('2020-02-30T00:00:00Z');                  // null
 * ```
 */
export function parseApiTime(text: string): Date | null {
  const m = API_TIME.exec(text);
  if (m === null) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const time = new Date(0);
  time.setUTCFullYear(year, month - 1, day);
  time.setUTCHours(hour, minute, second, millis);
  const roundTrips =
    time.getUTCFullYear() === year &&
    time.getUTCMonth() === month - 1 &&
    time.getUTCDate() === day &&
    time.getUTCHours() === hour &&
    time.getUTCMinutes() === minute &&
    time.getUTCSeconds() === second;
  return roundTrips ? time : null;
}

/**
 * Formats a status filter as the API's comma list, in the given order, without duplicates.
 *
 * @param statuses - at least one {@link TaskStatus}.
 * @param option - the option name reported on a bad value (default `statuses`).
 * @throws {@link InvalidOptionError} for an empty list or a value that is not a task status.
 * @example
 * ```ts
 * formatStatusList([TaskStatus.Pending, TaskStatus.Running, TaskStatus.Running]); // '0,1'
 * ```
 */
export function formatStatusList(statuses: readonly TaskStatus[], option = 'statuses'): string {
  if (!Array.isArray(statuses)) {
    throw new InvalidOptionError(option, `expected an array of task statuses such as [0, 1], got ${typeof statuses}`);
  }
  if (statuses.length === 0) {
    throw new InvalidOptionError(option, `must list at least one status (valid: ${ALL_TASK_STATUSES.join(', ')})`);
  }
  for (const status of statuses) {
    if (!ALL_TASK_STATUSES.includes(status)) {
      throw new InvalidOptionError(option, `${JSON.stringify(status) ?? String(status)} is not a task status (valid: ${ALL_TASK_STATUSES.join(', ')})`);
    }
  }
  return [...new Set(statuses)].join(',');
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
