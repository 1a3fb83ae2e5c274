/**
 * Test helpers for the emulator suites: a real R-KVStore SDK client pointed at an emulator, the generic
 * DescribeTasks call, and raw requests signed with the SDK's own signing utilities.
 */
import { request } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import Client, * as $Kvstore from '@alicloud/r-kvstore20150101';
import { $OpenApiUtil, OpenApiUtil } from '@alicloud/openapi-core';
import { callRpc } from '../../src/client/rpc-call';
import { formatApiMinute } from '../../src/core/time-format';
import type { Emulator } from '../../src/emulator';

process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';

export { $Kvstore };

/**
 * A real SDK client for the emulator; `overrides` may change keys, signature algorithm, timeouts.
 *
 * @example
 * const client = sdkClient(emu, {signatureAlgorithm: 'v2'});
 * await client.describeInstanceAttribute(new $Kvstore.DescribeInstanceAttributeRequest({instanceId: 'r-bp1emu000000001'}));
 */
export function sdkClient(emu: Emulator, overrides: Partial<$OpenApiUtil.Config> = {}): Client {
  return new Client(
    new $OpenApiUtil.Config({
      accessKeyId: emu.accessKeyId,
      accessKeySecret: emu.accessKeySecret,
      endpoint: emu.endpoint,
      protocol: 'http',
      connectTimeout: 5000,
      readTimeout: 5000,
      ...overrides,
    }),
  );
}

/**
 * The generic RPC call the project uses for actions the typed client lacks (the client's own {@link callRpc}).
 *
 * @example
 * await callAction(sdkClient(emu), 'DescribeTasks', {}, '2014-01-01'); // rejects: 400 InvalidVersion
 */
export async function callAction(
  client: Client,
  action: string,
  params: Record<string, unknown>,
  version?: string,
): Promise<{ statusCode: number; body: any; headers: Record<string, string> }> {
  return (await callRpc(client, action, params, version)) as { statusCode: number; body: any; headers: Record<string, string> };
}

/**
 * `yyyy-MM-ddTHH:mmZ` of epoch ms (floored to the minute), as the client formats DescribeTasks windows.
 *
 * @example
 * minute(Date.UTC(2024, 4, 1, 10, 0, 59)); // '2024-05-01T10:00Z'
 */
export function minute(ms: number): string {
  return formatApiMinute(new Date(ms));
}

/**
 * DescribeTasks through the generic call, with a window of [now - backMs, now + aheadMs] by default.
 *
 * @example
 * const body = await describeTasks(sdkClient(emu), 'r-bp1emu000000001', {Status: '2'}, {backMs: 24 * 3_600_000});
 * body.TotalRecordCount;
 */
export async function describeTasks(
  client: Client,
  instanceId: string,
  extra: Record<string, unknown> = {},
  window: { backMs?: number; aheadMs?: number } = {},
): Promise<any> {
  const now = Date.now();
  const { body } = await callAction(client, 'DescribeTasks', {
    InstanceId: instanceId,
    StartTime: minute(now - (window.backMs ?? 3_600_000)),
    EndTime: minute(now + (window.aheadMs ?? 120_000)),
    Status: '0,1,2,4,7,8',
    ...extra,
  });
  return body;
}

/**
 * What a raw ACS3 request is made of; anything omitted is a fresh valid value.
 *
 * @example
 * const spec: RawAcs3 = {action: 'DescribeTasks', nonce: 'fixed-nonce', secret: 'wrong'};
 */
export interface RawAcs3 {
  action?: string;
  version?: string;
  params?: Record<string, string>;
  date?: string;
  nonce?: string;
  accessKeyId?: string;
  secret?: string;
  /** Query actually sent, when it should differ from the signed `params`. */
  sentParams?: Record<string, string>;
}

/**
 * Send a POST signed with the SDK's `OpenApiUtil.getAuthorization`; resolves to status and parsed body.
 *
 * @example
 * const {status, body} = await rawAcs3(emu, {secret: 'wrong'});
 * // status 400, body.Code 'SignatureDoesNotMatch'
 */
export async function rawAcs3(emu: Emulator, spec: RawAcs3 = {}): Promise<{ status: number; body: any }> {
  const query = spec.params ?? { InstanceId: 'r-bp1emu000000001' };
  const payloadHash = createHash('sha256').update('').digest('hex');
  const headers: Record<string, string> = {
    host: emu.endpoint,
    'x-acs-action': spec.action ?? 'DescribeInstanceAttribute',
    'x-acs-version': spec.version ?? '2015-01-01',
    'x-acs-date': spec.date ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': spec.nonce ?? randomUUID(),
    'x-acs-content-sha256': payloadHash,
  };
  headers.authorization = OpenApiUtil.getAuthorization(
    { method: 'POST', pathname: '/', query, headers } as unknown as Parameters<typeof OpenApiUtil.getAuthorization>[0],
    'ACS3-HMAC-SHA256',
    payloadHash,
    spec.accessKeyId ?? emu.accessKeyId,
    spec.secret ?? emu.accessKeySecret,
  );
  const qs = new URLSearchParams(spec.sentParams ?? query).toString();
  const { status, text } = await post(`${emu.url}/?${qs}`, headers);
  return { status, body: text === '' ? undefined : JSON.parse(text) };
}

/**
 * POST to a control route; resolves to status and parsed body.
 *
 * @example
 * await controlPost(emu, 'setFaults', ['DescribeTasks', {throttleRate: 1}]); // {status: 200, body: {result: null}}
 */
export async function controlPost(emu: Emulator, method: string, args?: unknown[] | string): Promise<{ status: number; body: any }> {
  const { status, text } = await post(`${emu.url}/__control/${method}`, {}, args === undefined ? '' : typeof args === 'string' ? args : JSON.stringify(args));
  return { status, body: JSON.parse(text) };
}

/** One POST on a fresh connection; resolves to the status and the body text. */
function post(url: string, headers: Record<string, string>, body = ''): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
