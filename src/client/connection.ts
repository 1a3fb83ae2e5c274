/**
 * Connection options and the official SDK client built from them. The same options configure
 * `KvstoreTasksClient` and the client users send their mutations through, so both talk to the same endpoint
 * with the same credentials and timeouts.
 *
 * @packageDocumentation
 */
import { $OpenApiUtil } from '@alicloud/openapi-core';
import Client from '@alicloud/r-kvstore20150101';
import { InvalidOptionError } from '../core/errors';
import { buildCredential, type CredentialsOption } from './credentials';
import { resolveRetryOptions, type ResolvedRetryOptions, type RetryOptions } from './retry';

/**
 * Where and how to reach the R-KVStore API. Every duration is in milliseconds.
 *
 * @example
 * ```ts
 * const options: ConnectionOptions = { regionId: 'cn-hangzhou' }; // credentials from the standard chain
 * const local: ConnectionOptions = {
 *   endpoint: '127.0.0.1:8080', credentials: { accessKeyId: 'test', accessKeySecret: 'test-secret' },
 * };
 * ```
 */
export interface ConnectionOptions {
  /** Region, e.g. `cn-hangzhou`; picks the default endpoint. Default: `ALIBABA_CLOUD_REGION_ID`. */
  regionId?: string;
  /**
   * `host[:port]` or `http(s)://host[:port]`. A bare host uses HTTPS, except a loopback host
   * (`localhost`, `127.x.x.x`, `[::1]`), which uses HTTP (a local emulator has no TLS).
   * Default: the SDK's endpoint for `regionId` (`r-kvstore.aliyuncs.com` family).
   */
  endpoint?: string;
  /** Keys or a `@alicloud/credentials` `Credential`. Default: the standard credential chain. */
  credentials?: CredentialsOption;
  /** TCP connect timeout; the SDK also uses it as the socket idle timeout. Default 10000. */
  connectTimeout?: number;
  /** Time allowed for the response. Default 15000. */
  readTimeout?: number;
  /** Retries of each API call. */
  retry?: RetryOptions;
}

/**
 * Default connect timeout: 10 s.
 *
 * @example
 * ```ts
 * createSdkClient({ regionId: 'cn-hangzhou', connectTimeout: DEFAULT_CONNECT_TIMEOUT_MS * 2 });
 * ```
 */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/**
 * Default read timeout: 15 s.
 *
 * @example
 * ```ts
 * createSdkClient({ regionId: 'cn-hangzhou', readTimeout: DEFAULT_READ_TIMEOUT_MS * 2 });
 * ```
 */
export const DEFAULT_READ_TIMEOUT_MS = 15_000;

const MAX_TIMEOUT_MS = 10 * 60_000;

/**
 * An endpoint split into what the SDK's `Config` wants.
 *
 * @example
 * ```ts
 * const e: ParsedEndpoint = { host: '127.0.0.1:8080', protocol: 'http' };
 * ```
 */
export interface ParsedEndpoint {
  /** `host[:port]`, for `Config.endpoint`. */
  host: string;
  protocol: 'http' | 'https';
}

/**
 * Connection options, validated, with defaults filled in. Holds no secret.
 *
 * @example
 * ```ts
 * const c: ResolvedConnection = resolveConnection({ endpoint: '127.0.0.1:8080' });
 * ```
 */
export interface ResolvedConnection {
  /** `null` when only an endpoint was given. */
  regionId: string | null;
  /** `null` for the SDK's default endpoint of `regionId`. */
  endpoint: ParsedEndpoint | null;
  connectTimeout: number;
  readTimeout: number;
  retry: ResolvedRetryOptions;
}

const HOST_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const BARE_ENDPOINT = new RegExp(`^(\\[[0-9A-Fa-f:.]+\\]|${HOST_LABEL}(?:\\.${HOST_LABEL})*)(?::(\\d{1,5}))?$`);
const REGION_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;

/**
 * Parses and validates an endpoint.
 *
 * @throws {@link InvalidOptionError} (option `endpoint`) for anything but `host[:port]` or
 *   `http(s)://host[:port]` with an optional trailing `/`: paths, queries, user info, other schemes, bad ports.
 * @example
 * ```ts
 * parseEndpoint('127.0.0.1:8080');                 // { host: '127.0.0.1:8080', protocol: 'http' }
 * parseEndpoint('r-kvstore.aliyuncs.com');         // { host: 'r-kvstore.aliyuncs.com', protocol: 'https' }
 * parseEndpoint('http://kvstore.example.com:80/'); // { host: 'kvstore.example.com', protocol: 'http' }
 * ```
 */
export function parseEndpoint(text: string): ParsedEndpoint {
  const fail = (reason: string): never => {
    throw new InvalidOptionError('endpoint', `${reason}; expected host[:port] or http(s)://host[:port], e.g. 127.0.0.1:8080`);
  };
  if (typeof text !== 'string' || text === '') return fail('must be a non-empty string');
  if (text.includes('://')) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return fail(`${JSON.stringify(text)} is not a valid URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail(`scheme ${url.protocol} is not supported`);
    if (url.username !== '' || url.password !== '') return fail('must not contain user info');
    if (url.pathname !== '/' || url.search !== '' || url.hash !== '') return fail('must not contain a path, query or fragment');
    if (!BARE_ENDPOINT.test(url.host)) return fail(`host ${JSON.stringify(url.host)} is not valid`);
    return { host: url.host, protocol: url.protocol === 'http:' ? 'http' : 'https' };
  }
  const m = BARE_ENDPOINT.exec(text);
  if (m === null) return fail(`${JSON.stringify(text)} is not a valid host[:port]`);
  if (m[2] !== undefined && !(Number(m[2]) >= 1 && Number(m[2]) <= 65535)) return fail(`port ${m[2]} is outside 1-65535`);
  return { host: text, protocol: isLoopbackHost(m[1] ?? '') ? 'http' : 'https' };
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Validates connection options and fills in defaults (`regionId` from `ALIBABA_CLOUD_REGION_ID`).
 * Credentials are checked by {@link createSdkClient}; they are not part of the result.
 *
 * @throws {@link InvalidOptionError} naming the option to fix; in particular when neither `regionId`
 *   (nor `ALIBABA_CLOUD_REGION_ID`) nor `endpoint` is set.
 * @example
 * ```ts
 * resolveConnection({ regionId: 'cn-hangzhou' }).readTimeout; // 15000
 * ```
 */
export function resolveConnection(options: ConnectionOptions = {}): ResolvedConnection {
  if (typeof options !== 'object' || options === null) throw new InvalidOptionError('connection', 'expected an options object');
  const endpoint = options.endpoint === undefined ? null : parseEndpoint(options.endpoint);
  const envRegion = process.env['ALIBABA_CLOUD_REGION_ID'];
  const regionId = options.regionId ?? (envRegion === undefined || envRegion === '' ? null : envRegion);
  if (regionId !== null && (typeof regionId !== 'string' || !REGION_ID.test(regionId))) {
    const from = options.regionId === undefined ? ' (from ALIBABA_CLOUD_REGION_ID)' : '';
    throw new InvalidOptionError('regionId', `${JSON.stringify(regionId)}${from} is not a region id such as cn-hangzhou`);
  }
  if (regionId === null && endpoint === null) {
    throw new InvalidOptionError('regionId', 'set regionId (e.g. cn-hangzhou) or ALIBABA_CLOUD_REGION_ID, or an endpoint');
  }
  return {
    regionId,
    endpoint,
    connectTimeout: timeout(options.connectTimeout, 'connectTimeout', DEFAULT_CONNECT_TIMEOUT_MS),
    readTimeout: timeout(options.readTimeout, 'readTimeout', DEFAULT_READ_TIMEOUT_MS),
    retry: resolveRetryOptions(options.retry),
  };
}

function timeout(value: unknown, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > MAX_TIMEOUT_MS) {
    throw new InvalidOptionError(option, `must be a whole number of milliseconds in 1-${MAX_TIMEOUT_MS}`);
  }
  return value;
}

/**
 * Builds the official `@alicloud/r-kvstore20150101` client from connection options: endpoint and protocol,
 * both timeouts, and credentials (the standard chain when absent). The SDK's own retries stay off; retries
 * belong to `KvstoreTasksClient`. Use it for mutations so they go where the waiter looks.
 *
 * @throws {@link InvalidOptionError} for a bad option, before any network traffic.
 * @example
 * ```ts
 * import { RestartInstanceRequest } from '@alicloud/r-kvstore20150101';
 * const sdk = createSdkClient({ regionId: 'cn-hangzhou' });
 * await sdk.restartInstance(new RestartInstanceRequest({ instanceId: 'r-bp1...' }));
 * ```
 */
export function createSdkClient(options: ConnectionOptions = {}): Client {
  const resolved = resolveConnection(options);
  return new Client(
    new $OpenApiUtil.Config({
      credential: buildCredential(options.credentials),
      ...(resolved.regionId === null ? {} : { regionId: resolved.regionId }),
      ...(resolved.endpoint === null ? {} : { endpoint: resolved.endpoint.host, protocol: resolved.endpoint.protocol }),
      connectTimeout: resolved.connectTimeout,
      readTimeout: resolved.readTimeout,
    }),
  );
}
