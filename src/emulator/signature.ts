/**
 * Pure signature computation for the two forms the Alibaba SDK sends: ACS3-HMAC-SHA256 (header
 * `Authorization`) and the legacy RPC v2 HMAC-SHA1 form (`Signature` in the query).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The ACS3 algorithm name the emulator verifies.
 *
 * @example
 * authorization.startsWith(ACS3_ALGORITHM);
 */
export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

/**
 * Percent-encode like Alibaba: `encodeURIComponent` plus `!'()*`.
 *
 * @example
 * percentEncode("a b!"); // 'a%20b%21'
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Hex SHA-256 of a payload (the `x-acs-content-sha256` value).
 *
 * @example
 * sha256Hex(''); // 'e3b0c442...b855'
 */
export function sha256Hex(payload: Buffer | string): string {
  return createHash('sha256').update(payload).digest('hex');
}

/**
 * The parts of an `Authorization: ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..` header.
 *
 * @example
 * const auth: Acs3Authorization | undefined = parseAcs3Authorization('ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;x-acs-date,Signature=ab12');
 * auth?.signedHeaders; // ['host', 'x-acs-date']
 */
export interface Acs3Authorization {
  algorithm: string;
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/**
 * Parse an ACS3 Authorization header; `undefined` when it is not of that shape.
 *
 * @example
 * parseAcs3Authorization('ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;x-acs-date,Signature=ab12');
 */
export function parseAcs3Authorization(header: string): Acs3Authorization | undefined {
  const m = /^(\S+)\s+Credential=([^,]*),SignedHeaders=([^,]*),Signature=([0-9a-fA-F]*)$/.exec(header.trim());
  if (!m) return undefined;
  return {
    algorithm: m[1],
    accessKeyId: m[2],
    signedHeaders: m[3].split(';').filter((h) => h.length > 0),
    signature: m[4].toLowerCase(),
  };
}

/**
 * What an ACS3 canonical request is built from.
 *
 * @example
 * const input: Acs3Input = {method: 'POST', pathname: '/', query: {A: '1'}, headers: {host: 'h'}, signedHeaders: ['host'], payloadHash: sha256Hex('')};
 * acs3CanonicalRequest(input);
 */
export interface Acs3Input {
  method: string;
  pathname: string;
  /** Decoded query parameters. */
  query: Record<string, string>;
  /** Request headers, lower-case names. */
  headers: Record<string, string | undefined>;
  signedHeaders: string[];
  /** Hex SHA-256 of the body as declared in `x-acs-content-sha256`. */
  payloadHash: string;
}

/**
 * The ACS3 canonical request, exactly as openapi-core builds it.
 *
 * @example
 * acs3CanonicalRequest({method: 'POST', pathname: '/', query: {A: '1'}, headers: {host: 'h'}, signedHeaders: ['host'], payloadHash: sha256Hex('')});
 */
export function acs3CanonicalRequest(input: Acs3Input): string {
  const canonicalUri = input.pathname.replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~');
  const query = Object.keys(input.query)
    .sort()
    .map((k) => `${k}=${percentEncode(input.query[k])}`)
    .join('&');
  const names = [...input.signedHeaders].sort();
  const headers = names.map((name) => `${name}:${(input.headers[name] ?? '').trim()}\n`).join('');
  return [input.method, canonicalUri, query, headers, names.join(';'), input.payloadHash].join('\n');
}

/**
 * The ACS3 string to sign for a canonical request.
 *
 * @example
 * acs3StringToSign('POST\n/\n...'); // 'ACS3-HMAC-SHA256\n<hex sha256>'
 */
export function acs3StringToSign(canonicalRequest: string): string {
  return `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

/**
 * Hex HMAC-SHA256 signature of an ACS3 string to sign.
 *
 * @example
 * acs3Signature('secret', acs3StringToSign(acs3CanonicalRequest(input)));
 */
export function acs3Signature(secret: string, stringToSign: string): string {
  return createHmac('sha256', secret).update(stringToSign).digest('hex');
}

/**
 * The RPC v2 string to sign: `METHOD&%2F&enc(sorted k=v joined by &)` over every parameter but `Signature`.
 *
 * @example
 * v2StringToSign('POST', {Action: 'DescribeTasks', Version: '2015-01-01'});
 */
export function v2StringToSign(method: string, params: Record<string, string>): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`)
    .join('&');
  return `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
}

/**
 * Base64 HMAC-SHA1 v2 signature, keyed with `secret + '&'`.
 *
 * @example
 * v2Signature('secret', v2StringToSign('POST', params));
 */
export function v2Signature(secret: string, stringToSign: string): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}

/**
 * Constant-time string comparison (false when lengths differ).
 *
 * @example
 * safeEqual('abc', 'abc'); // true
 */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
