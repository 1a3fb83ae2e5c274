/**
 * Turns a classified failure into the {@link KvstoreApiError} users see, with advice on what to do.
 * The SDK's error is not attached as `cause` (it may carry request data such as the signed URL); only its
 * classified fields and the server's scrubbed `Message` reach the user.
 *
 * @packageDocumentation
 */
import { classifyFailure, type FailureClassification, type FailureKind } from './classify';
import { KvstoreApiError } from './errors';

/**
 * Replaces each known secret in a text with `***`.
 *
 * @example
 * ```ts
 * const redact = createRedactor(['s3cret']);
 * redact('key s3cret leaked'); // 'key *** leaked'
 * ```
 */
export type Redactor = (text: string) => string;

/**
 * Builds a {@link Redactor} for the given secrets (empty strings are ignored).
 *
 * @example
 * ```ts
 * createRedactor([accessKeySecret, securityToken])('...');
 * ```
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const known = secrets.filter((s) => s.length > 0);
  return (text) => known.reduce((out, secret) => out.split(secret).join('***'), text);
}

const ADVICE: Record<FailureKind, string> = {
  throttled: 'The API throttled the requests: poll less often, or retry later.',
  server: 'The service reported an internal error or is unavailable: retry later.',
  'non-json-response': 'The endpoint answered with a body that is not JSON (a proxy or gateway error page?): check the endpoint, or retry later.',
  network: 'Could not talk to the endpoint: check `endpoint`/`regionId`, the network and any proxy.',
  timeout: 'No answer within the connect/read timeout: check the network, or raise `connectTimeout`/`readTimeout`.',
  signature:
    'The request signature was rejected: check ALIBABA_CLOUD_ACCESS_KEY_SECRET (or `credentials.accessKeySecret`) matches the AccessKey ID.',
  credentials:
    'No valid credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (plus ALIBABA_CLOUD_SECURITY_TOKEN for STS), configure ~/.alibabacloud/credentials, or pass `credentials`; check the AccessKey is active and the STS token not expired.',
  clock: 'The request timestamp was rejected: check this machine\'s clock is in sync (NTP).',
  permission: 'The caller is not allowed to do this: grant the RAM user or role the kvstore permission for this action (e.g. kvstore:DescribeTasks).',
  'invalid-parameter': 'The API rejected a parameter: check the values passed (ids, times, statuses, page size).',
  'not-found': 'The resource was not found: check the instance id and that `regionId`/`endpoint` point at the instance\'s region.',
  client: 'The API refused the request: see the server message.',
  'malformed-response': 'The endpoint answered without the documented response fields: check that `endpoint` points at the R-KVStore API.',
  unknown: 'The call failed in an unexpected way.',
};

const MAX_SERVER_MESSAGE = 300;

/**
 * Maps any failure of an API call to a {@link KvstoreApiError}. An existing `KvstoreApiError` is returned as is.
 *
 * @param action - the API action, e.g. `DescribeTasks`.
 * @param error - what the call threw.
 * @param attempts - how many attempts were made.
 * @param redact - scrubs known secrets from the server message.
 * @example
 * ```ts
 * catch (e) { throw toKvstoreApiError('DescribeTasks', e, 3, createRedactor([secret])); }
 * ```
 */
export function toKvstoreApiError(action: string, error: unknown, attempts: number, redact: Redactor): KvstoreApiError {
  if (error instanceof KvstoreApiError) return error;
  const c: FailureClassification = classifyFailure(error);
  const where = [c.statusCode === null ? null : `HTTP ${c.statusCode}`, c.requestId === null ? null : `request id ${c.requestId}`]
    .filter((part) => part !== null)
    .join(', ');
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  const label = c.kind === 'malformed-response' ? 'Problem' : 'Server said';
  const server = c.serverMessage === null ? '' : ` ${label}: ${scrub(c.serverMessage, redact)}`;
  const message = `${action} failed with ${c.code}${where === '' ? '' : ` (${where})`} after ${tries}. ${ADVICE[c.kind]}${server}`;
  return new KvstoreApiError(
    { action, code: c.code, requestId: c.requestId, statusCode: c.statusCode, retryable: c.retryable, attempts },
    message,
  );
}

/**
 * Keeps the server message short and free of secrets. Alibaba's signature errors append the string it signed,
 * which is cut off: it carries the AccessKey ID and any security token.
 */
function scrub(message: string, redact: Redactor): string {
  const head = message.split(/(?:server\s+)?string\s*to\s*sign/i)[0] ?? '';
  const flat = redact(head).replace(/\s+/g, ' ').trim();
  return flat.length > MAX_SERVER_MESSAGE ? `${flat.slice(0, MAX_SERVER_MESSAGE)}...` : flat;
}
