/**
 * Pure parameter validation helpers that answer with the API's error codes.
 */
import { apiErrors } from './errors';
import { parseMinuteTime, parseSecondTime } from './time-format';

/**
 * API parameters of one request (decoded strings).
 *
 * @example
 * const params: Params = {InstanceId: 'r-1', PageSize: '50'};
 * optionalInt(params, 'PageSize', 30, [30, 50, 100]); // 50
 */
export type Params = Readonly<Record<string, string | undefined>>;

/**
 * A required non-empty parameter.
 *
 * @throws ApiError `Missing<Name>`
 * @example
 * requireParam({InstanceId: 'r-1'}, 'InstanceId'); // 'r-1'
 */
export function requireParam(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined || value.trim() === '') throw apiErrors.missing(name);
  return value;
}

/**
 * An optional positive integer, restricted to `allowed` values when given.
 *
 * @throws ApiError `InvalidParameter`
 * @example
 * optionalInt({PageSize: '50'}, 'PageSize', 30, [30, 50, 100]); // 50
 */
export function optionalInt(params: Params, name: string, fallback: number, allowed?: readonly number[]): number {
  const raw = params[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw apiErrors.invalid(name, 'must be a positive integer');
  const value = Number(raw);
  if (value < 1 || value > 2_147_483_647) throw apiErrors.invalid(name, 'must be between 1 and 2147483647');
  if (allowed && !allowed.includes(value)) throw apiErrors.invalid(name, `must be one of ${allowed.join(', ')}`);
  return value;
}

/**
 * A required `yyyy-MM-ddTHH:mmZ` (or, with `withSeconds`, `yyyy-MM-ddTHH:mm:ssZ`) UTC time, as epoch ms.
 *
 * @throws ApiError `Missing<Name>` or `Invalid<Name>.Format`
 * @example
 * requireTime({StartTime: '2020-11-20T01:00Z'}, 'StartTime'); // 1605834000000
 */
export function requireTime(params: Params, name: string, withSeconds = false): number {
  const raw = requireParam(params, name);
  const ms = withSeconds ? parseSecondTime(raw) : parseMinuteTime(raw);
  if (ms === undefined) throw apiErrors.invalidFormat(name, withSeconds ? 'yyyy-MM-ddTHH:mm:ssZ' : 'yyyy-MM-ddTHH:mmZ');
  return ms;
}

/**
 * A JSON object parameter whose values are strings or numbers (Config, Parameters), as a string map.
 *
 * @throws ApiError `InvalidParameter`
 * @example
 * jsonObjectParam('{"maxmemory-policy":"allkeys-lru"}', 'Config'); // {'maxmemory-policy': 'allkeys-lru'}
 */
export function jsonObjectParam(raw: string, name: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw apiErrors.invalid(name, 'must be a JSON object');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw apiErrors.invalid(name, 'must be a JSON object');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (typeof v !== 'string' && typeof v !== 'number') throw apiErrors.invalid(name, `value of ${k} must be a string or number`);
    out[k] = String(v);
  }
  if (Object.keys(out).length === 0) throw apiErrors.invalid(name, 'must name at least one parameter');
  return out;
}

/**
 * A page of `items` (1-based page number).
 *
 * @example
 * page([1, 2, 3], 2, 2); // [3]
 */
export function page<T>(items: readonly T[], pageNumber: number, pageSize: number): T[] {
  return items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
}
