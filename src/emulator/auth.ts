/**
 * Authentication of a parsed request: timestamp freshness, access key lookup, signature and nonce reuse,
 * in the order Alibaba's gateway reports them.
 */
import { apiErrors } from './errors';
import type { NonceCache } from './nonces';
import type { ParsedRequest, RawRequest } from './request-parse';
import { parseSecondTime } from './time-format';
import {
  ACS3_ALGORITHM,
  acs3CanonicalRequest,
  acs3Signature,
  acs3StringToSign,
  safeEqual,
  sha256Hex,
  v2Signature,
  v2StringToSign,
} from './signature';

/**
 * How far a request timestamp may be from the server clock: 15 minutes, as on Alibaba Cloud.
 *
 * @example
 * Math.abs(serverNow - requestTime) > TIMESTAMP_TOLERANCE_MS; // expired
 */
export const TIMESTAMP_TOLERANCE_MS = 15 * 60_000;

/**
 * What authentication needs besides the request.
 *
 * @example
 * const auth: AuthContext = {keys: new Map([['LTAI...', 'secret']]), nonces: new NonceCache(30 * 60_000), serverNowMs: clock.stamp()};
 */
export interface AuthContext {
  /** Access key id → secret. */
  keys: ReadonlyMap<string, string>;
  nonces: NonceCache;
  /** The server clock (skew included), epoch ms. */
  serverNowMs: number;
}

/**
 * Check a request's timestamp, key, signature and nonce.
 *
 * @throws ApiError `InvalidTimeStamp.Format`/`.Expired`, `InvalidAccessKeyId.NotFound`,
 * `SignatureDoesNotMatch`, `IncompleteSignature` or `SignatureNonceUsed`.
 * @example
 * authenticate(parseRequest(raw), raw, {keys, nonces, serverNowMs: Date.now()});
 */
export function authenticate(parsed: ParsedRequest, raw: RawRequest, ctx: AuthContext): void {
  const ts = parseSecondTime(parsed.timestamp);
  if (ts === undefined) throw apiErrors.timestampFormat();
  if (Math.abs(ctx.serverNowMs - ts) > TIMESTAMP_TOLERANCE_MS) throw apiErrors.timestampExpired();
  const secret = ctx.keys.get(parsed.accessKeyId);
  if (secret === undefined) throw apiErrors.accessKeyNotFound();
  if (parsed.nonce === '') throw apiErrors.incompleteSignature('The signature nonce is missing.');
  if (parsed.form === 'acs3') {
    const auth = parsed.authorization;
    if (auth.algorithm !== ACS3_ALGORITHM) {
      throw apiErrors.incompleteSignature(`Unsupported signature algorithm ${auth.algorithm}.`);
    }
    const payloadHash = raw.headers['x-acs-content-sha256'] ?? '';
    const stringToSign = acs3StringToSign(
      acs3CanonicalRequest({
        method: parsed.method,
        pathname: parsed.pathname,
        query: parsed.query,
        headers: raw.headers,
        signedHeaders: auth.signedHeaders,
        payloadHash,
      }),
    );
    const signedOk = safeEqual(acs3Signature(secret, stringToSign), auth.signature);
    const required = ['host', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'];
    const coversAll = required.every((h) => auth.signedHeaders.includes(h));
    if (!signedOk || !coversAll || payloadHash !== sha256Hex(raw.body)) throw apiErrors.signatureMismatch(stringToSign);
  } else {
    const stringToSign = v2StringToSign(parsed.method, parsed.signed);
    if (!safeEqual(v2Signature(secret, stringToSign), parsed.signature)) throw apiErrors.signatureMismatch(stringToSign);
  }
  if (!ctx.nonces.claim(parsed.accessKeyId, parsed.nonce, ctx.serverNowMs)) throw apiErrors.nonceUsed();
}
