/**
 * Classifies whatever a call through the R-KVStore SDK threw: which kind of failure it is, whether it is worth
 * retrying, and the fields users see. Pure: reads the error's fields, never its request data.
 *
 * What the SDK throws (openapi-core 1.0.8, httpx):
 * - `ThrottlingError` (any status, `Code` containing `Throttling`; `retryAfter` in ms from `x-acs-retry-after`),
 *   `ClientError` (other 4xx), `ServerError` (5xx): `code`, `statusCode`, `requestId`, `data` (the error body).
 * - A bare `SyntaxError` when an error body is not JSON (HTML 502, empty 503).
 * - `Error` with `code` `ECONNREFUSED`/`ECONNRESET`/... for network failures ("socket hang up").
 * - `RequestTimeoutError` (by name) when the connect or read timeout fires.
 *
 * @packageDocumentation
 */
import { CredentialsUnavailableError } from './credentials';
import { MalformedResponseError } from './malformed-response';

/**
 * The kinds of failure, each with its own advice and retry rule.
 *
 * @example
 * ```ts
 * const kind: FailureKind = classifyFailure(error).kind; // e.g. 'throttled'
 * ```
 */
export type FailureKind =
  | 'throttled'
  | 'server'
  | 'non-json-response'
  | 'network'
  | 'timeout'
  | 'signature'
  | 'credentials'
  | 'clock'
  | 'permission'
  | 'invalid-parameter'
  | 'not-found'
  | 'client'
  | 'malformed-response'
  | 'unknown';

/**
 * The verdict on one failed attempt.
 *
 * @example
 * ```ts
 * const c = classifyFailure(err);
 * if (c.retryable) await sleep(c.retryAfterMs ?? 1000);
 * ```
 */
export interface FailureClassification {
  kind: FailureKind;
  /** Alibaba error code, a network code such as `ECONNRESET`, or one of ours: `NonJsonResponse`, `RequestTimeout`, `CredentialsNotFound`, `MalformedResponse`, `UnknownError`. */
  code: string;
  statusCode: number | null;
  requestId: string | null;
  retryable: boolean;
  /** Server-requested wait before the next attempt, in milliseconds (throttling only). */
  retryAfterMs: number | null;
  /** The `Message` of the server's error body (not yet scrubbed), or what was wrong with a malformed body. */
  serverMessage: string | null;
}

const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'ESOCKETTIMEDOUT',
  'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'EAI_AGAIN',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/**
 * Classifies one failure.
 *
 * Retryable: `Throttling*` codes, `ServiceUnavailable`, any 5xx, `SignatureNonceUsed` (each attempt signs with a
 * new nonce), non-JSON error bodies, connection resets/refusals/timeouts. Everything else fails at once:
 * signature, credential, clock, permission (`Forbidden*`, `NoPermission`), `InvalidParameter*`/`MissingParameter*`,
 * `*.NotFound` and any other 4xx, a 2xx body of the wrong shape, and errors of unknown shape.
 *
 * @example
 * ```ts
 * classifyFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
 * // { kind: 'network', code: 'ECONNRESET', retryable: true, statusCode: null, ... }
 * ```
 */
export function classifyFailure(error: unknown): FailureClassification {
  if (error instanceof CredentialsUnavailableError) return verdict('credentials', 'CredentialsNotFound', false);
  if (error instanceof MalformedResponseError) {
    return { ...verdict('malformed-response', 'MalformedResponse', false), requestId: error.requestId, serverMessage: error.detail };
  }
  if (!(error instanceof Error)) return verdict('unknown', 'UnknownError', false);
  const fields = error as Error & Record<string, unknown>;
  const code = typeof fields['code'] === 'string' && fields['code'] !== '' && fields['code'] !== 'undefined' ? fields['code'] : null;
  const statusCode = typeof fields['statusCode'] === 'number' && Number.isInteger(fields['statusCode']) ? fields['statusCode'] : null;
  if (statusCode !== null || isSdkResponseError(error.name)) return classifyResponse(fields, code, statusCode);
  if (error instanceof SyntaxError) return verdict('non-json-response', 'NonJsonResponse', true);
  if (/RequestTimeout/.test(error.name) || (code !== null && TIMEOUT_CODES.has(code))) {
    return verdict('timeout', code !== null && TIMEOUT_CODES.has(code) ? code : 'RequestTimeout', true);
  }
  if (code !== null && RETRYABLE_NETWORK_CODES.has(code)) return verdict('network', code, true);
  if (/socket hang up/i.test(error.message)) return verdict('network', 'ECONNRESET', true);
  if (code !== null && /^E[A-Z_]+$/.test(code)) return verdict('network', code, false);
  if (code === 'InvalidCredentials') return verdict('credentials', code, false);
  return verdict('unknown', 'UnknownError', false);
}

function isSdkResponseError(name: string): boolean {
  return name === 'ThrottlingError' || name === 'ClientError' || name === 'ServerError' || name === 'AlibabaCloudError';
}

function classifyResponse(fields: Record<string, unknown>, code: string | null, statusCode: number | null): FailureClassification {
  const effectiveCode = code ?? (statusCode === null ? 'UnknownError' : `HTTP${statusCode}`);
  const base = {
    code: effectiveCode,
    statusCode,
    requestId: readRequestId(fields),
    retryAfterMs: null,
    serverMessage: readServerMessage(fields['data']),
  };
  const is = (pattern: RegExp): boolean => code !== null && pattern.test(code);
  if (fields['name'] === 'ThrottlingError' || is(/Throttling/i)) {
    const after = fields['retryAfter'];
    const retryAfterMs = typeof after === 'number' && Number.isFinite(after) && after >= 0 ? after : null;
    return { ...base, kind: 'throttled', retryable: true, retryAfterMs };
  }
  if (is(/^ServiceUnavailable/i)) return { ...base, kind: 'server', retryable: true };
  if (is(/^SignatureNonceUsed$/)) return { ...base, kind: 'signature', retryable: true };
  if (is(/^(SignatureDoesNotMatch|IncompleteSignature|InvalidSignature)/)) return { ...base, kind: 'signature', retryable: false };
  if (is(/^(InvalidAccessKeyId|InvalidAccessKeySecret|InvalidSecurityToken|InvalidCredentials)/)) {
    return { ...base, kind: 'credentials', retryable: false };
  }
  if (is(/^InvalidTimeStamp/)) return { ...base, kind: 'clock', retryable: false };
  if (is(/^(Forbidden|NoPermission|AccessDenied)|\.NoPermission$/)) return { ...base, kind: 'permission', retryable: false };
  if (is(/^(InvalidParameter|MissingParameter|InvalidParam\b|MissingParam)/)) return { ...base, kind: 'invalid-parameter', retryable: false };
  if (is(/NotFound$/)) return { ...base, kind: 'not-found', retryable: false };
  if (statusCode !== null && statusCode >= 500) return { ...base, kind: 'server', retryable: true };
  if (statusCode !== null && statusCode >= 400) return { ...base, kind: 'client', retryable: false };
  return { ...base, kind: 'unknown', retryable: false };
}

function verdict(kind: FailureKind, code: string, retryable: boolean): FailureClassification {
  return { kind, code, statusCode: null, requestId: null, retryable, retryAfterMs: null, serverMessage: null };
}

function readRequestId(fields: Record<string, unknown>): string | null {
  const id = fields['requestId'];
  return typeof id === 'string' && id !== '' && id !== 'undefined' ? id : null;
}

function readServerMessage(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const body = data as Record<string, unknown>;
  const message = body['Message'] ?? body['message'];
  return typeof message === 'string' && message.trim() !== '' ? message : null;
}
