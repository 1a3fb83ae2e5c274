/**
 * A successful (2xx) answer whose JSON does not have the documented shape.
 *
 * @packageDocumentation
 */

/**
 * The API answered 2xx with a body we cannot read as the documented response. Not retried: the same
 * endpoint would answer the same way. The client maps it to a `KvstoreApiError` with code `MalformedResponse`.
 *
 * @example
 * ```ts
 * throw new MalformedResponseError('DescribeTasks', 'Items is a string, expected an array');
 * ```
 */
export class MalformedResponseError extends Error {
  readonly action: string;
  /** What was wrong with the body. */
  readonly detail: string;
  readonly requestId: string | null;
  constructor(action: string, detail: string, requestId: string | null = null) {
    super(`${action} returned a malformed response: ${detail}`);
    this.name = 'MalformedResponseError';
    this.action = action;
    this.detail = detail;
    this.requestId = requestId;
  }
}
