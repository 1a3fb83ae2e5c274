/**
 * The typed API error users see for any failed R-KVStore call.
 *
 * @packageDocumentation
 */
import { RedisWaiterError } from '../core/errors';

/**
 * An R-KVStore API call failed (after retries, when the failure was retryable).
 * Neither the message nor any field ever contains the access key secret.
 *
 * @example
 * ```ts
 * catch (e) {
 *   if (e instanceof KvstoreApiError && e.code === 'InvalidInstanceId.NotFound') console.error('check the id');
 * }
 * ```
 */
export class KvstoreApiError extends RedisWaiterError {
  /** The API action, e.g. `DescribeTasks`. */
  readonly action: string;
  /** Alibaba error code (`Throttling.User`, `SignatureDoesNotMatch`, ...) or a network code (`ECONNREFUSED`). */
  readonly code: string;
  readonly requestId: string | null;
  /** HTTP status, when there was a response. */
  readonly statusCode: number | null;
  /** Whether the failure was of a kind worth retrying (it may have been retried already). */
  readonly retryable: boolean;
  /** How many attempts were made. */
  readonly attempts: number;
  constructor(
    fields: { action: string; code: string; requestId: string | null; statusCode: number | null; retryable: boolean; attempts: number },
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.action = fields.action;
    this.code = fields.code;
    this.requestId = fields.requestId;
    this.statusCode = fields.statusCode;
    this.retryable = fields.retryable;
    this.attempts = fields.attempts;
  }
}
