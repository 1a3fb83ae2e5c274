/**
 * Pure reading of an incoming RPC request: which signature form it uses, its action, version, credentials
 * fields and API parameters.
 */
import { parse as parseQueryString } from 'node:querystring';
import { apiErrors } from './errors';
import { parseAcs3Authorization, type Acs3Authorization } from './signature';

/**
 * Query keys of the legacy v2 form that carry protocol data, not API parameters.
 *
 * @example
 * V2_PROTOCOL_KEYS.includes('SignatureNonce'); // true
 */
const V2_PROTOCOL_KEYS = [
  'Action',
  'Version',
  'Format',
  'Timestamp',
  'SignatureNonce',
  'SignatureMethod',
  'SignatureVersion',
  'AccessKeyId',
  'Signature',
  'SecurityToken',
] as const;

/**
 * A raw HTTP request as the server read it.
 *
 * @example
 * const raw: RawRequest = {method: 'POST', url: '/?Action=DescribeTasks', headers: {'content-type': 'application/x-www-form-urlencoded'}, body: Buffer.alloc(0)};
 * parseRequest(raw); // throws MissingAccessKeyId: neither signature form
 */
export interface RawRequest {
  method: string;
  /** Path plus query string, as in `IncomingMessage.url`. */
  url: string;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body: Buffer;
}

/** What every recognised request carries, whatever its signature form. */
interface RequestFields {
  method: string;
  pathname: string;
  action: string;
  version: string;
  accessKeyId: string;
  timestamp: string;
  nonce: string;
  /** API parameters: query plus form body (for v2, without `Signature` and the protocol keys). */
  params: Record<string, string>;
}

/**
 * A request whose signature form has been recognised.
 *
 * @example
 * const parsed: ParsedRequest = parseRequest(raw);
 * if (parsed.form === 'acs3') console.log(parsed.authorization.signedHeaders);
 */
export type ParsedRequest =
  | (RequestFields & {
      form: 'acs3';
      authorization: Acs3Authorization;
      /** Decoded query, as signed. */
      query: Record<string, string>;
    })
  | (RequestFields & {
      form: 'v2';
      signature: string;
      /** Every signed parameter (query plus form body, without `Signature`). */
      signed: Record<string, string>;
    });

function single(parsed: ReturnType<typeof parseQueryString>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v[0] : v;
  }
  return out;
}

/**
 * Split a request URL into pathname and decoded single-valued query.
 *
 * @example
 * splitUrl('/?Action=DescribeTasks&A=1'); // {pathname: '/', query: {Action: 'DescribeTasks', A: '1'}}
 */
function splitUrl(url: string): { pathname: string; query: Record<string, string> } {
  const q = url.indexOf('?');
  if (q < 0) return { pathname: url || '/', query: {} };
  return { pathname: url.slice(0, q) || '/', query: single(parseQueryString(url.slice(q + 1))) };
}

function formBody(raw: RawRequest): Record<string, string> {
  const type = raw.headers['content-type'] ?? '';
  if (raw.body.length === 0 || !type.startsWith('application/x-www-form-urlencoded')) return {};
  return single(parseQueryString(raw.body.toString('utf8')));
}

/**
 * Recognise the signature form of a request and extract its fields.
 *
 * @throws ApiError `MissingAccessKeyId` when it carries neither form; `IncompleteSignature` for a malformed
 * Authorization header.
 * @example
 * const parsed = parseRequest({method: 'POST', url: '/?InstanceId=r-1', headers, body: Buffer.alloc(0)});
 * parsed.action; // from x-acs-action
 */
export function parseRequest(raw: RawRequest): ParsedRequest {
  const { pathname, query } = splitUrl(raw.url);
  const body = formBody(raw);
  const authorization = raw.headers['authorization'];
  if (authorization !== undefined) {
    const auth = parseAcs3Authorization(authorization);
    if (!auth) throw apiErrors.incompleteSignature('The Authorization header is malformed.');
    return {
      form: 'acs3',
      method: raw.method,
      pathname,
      action: raw.headers['x-acs-action'] ?? '',
      version: raw.headers['x-acs-version'] ?? '',
      accessKeyId: auth.accessKeyId,
      timestamp: raw.headers['x-acs-date'] ?? '',
      nonce: raw.headers['x-acs-signature-nonce'] ?? '',
      authorization: auth,
      query,
      params: { ...query, ...body },
    };
  }
  if (query.AccessKeyId === undefined) throw apiErrors.missingAccessKeyId();
  const signed: Record<string, string> = { ...query, ...body };
  const signature = signed.Signature ?? '';
  delete signed.Signature;
  const params = { ...signed };
  for (const key of V2_PROTOCOL_KEYS) delete params[key];
  return {
    form: 'v2',
    method: raw.method,
    pathname,
    action: signed.Action ?? '',
    version: signed.Version ?? '',
    accessKeyId: signed.AccessKeyId,
    timestamp: signed.Timestamp ?? '',
    nonce: signed.SignatureNonce ?? '',
    signature,
    signed,
    params,
  };
}
