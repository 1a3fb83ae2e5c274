/**
 * The server's clock as a response reports it: the HTTP `Date` header (RFC 9110 IMF-fixdate, whole seconds,
 * truncated). Pure.
 *
 * @packageDocumentation
 */

/**
 * Reads an HTTP `Date` header value (`Sun, 06 Nov 1994 08:49:37 GMT`). Anything else (missing, another date
 * format, an impossible date such as a wrong weekday) gives `null`; it never throws.
 *
 * @example
 * ```ts
 * parseHttpDate('Wed, 01 May 2024 10:00:07 GMT')?.toISOString(); // '2024-05-01T10:00:07.000Z'
 * parseHttpDate('yesterday'); // null
 * ```
 */
export function parseHttpDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  // Only the exact IMF-fixdate form round-trips: this rejects the lenient forms Date.parse also accepts.
  return date.toUTCString() === text ? date : null;
}

/**
 * The server time a response carries in its `Date` header (looked up case-insensitively), or `null`.
 *
 * @example
 * ```ts
 * const { headers } = await callRpc(sdk, 'DescribeTasks', request);
 * const serverTime = serverTimeOf(headers); // Date | null
 * ```
 */
export function serverTimeOf(headers: Readonly<Record<string, unknown>> | undefined | null): Date | null {
  if (typeof headers !== 'object' || headers === null) return null;
  const key = Object.keys(headers).find((name) => name.toLowerCase() === 'date');
  return key === undefined ? null : parseHttpDate(headers[key]);
}
