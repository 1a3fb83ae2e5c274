/**
 * One R-KVStore RPC call through the SDK's generic `callApi`, for actions the typed client lacks (DescribeTasks):
 * POST `/` with the parameters in the query, signed with the access key, JSON back. Used by the DescribeTasks
 * client and by the emulator test helpers, so both send exactly the same request.
 *
 * @packageDocumentation
 */
import { $OpenApiUtil, OpenApiUtil } from '@alicloud/openapi-core';
import type Client from '@alicloud/r-kvstore20150101';
import * as $dara from '@darabonba/typescript';

/**
 * The R-KVStore API version.
 *
 * @example
 * ```ts
 * console.log(KVSTORE_API_VERSION); // '2015-01-01'
 * ```
 */
export const KVSTORE_API_VERSION = '2015-01-01';

/**
 * What `callApi` resolves to (the SDK types it loosely): HTTP status, response headers and the parsed JSON body.
 *
 * @example
 * ```ts
 * const { statusCode, body }: RpcResponse = await callRpc(sdk, 'DescribeTasks', request);
 * ```
 */
export interface RpcResponse {
  statusCode?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * Sends one RPC call (one attempt, no retry; errors are the SDK's). `params` go into the query string, flattened
 * by the SDK's `OpenApiUtil.query`.
 *
 * @param version - the API version to send; tests pass another to see the server refuse it.
 * @example
 * ```ts
 * const { body } = await callRpc(sdk, 'DescribeTasks', { InstanceId: 'r-1', StartTime: '2024-05-01T10:00Z', EndTime: '2024-05-01T11:00Z', Status: '1' });
 * ```
 */
export async function callRpc(sdk: Client, action: string, params: Record<string, unknown>, version = KVSTORE_API_VERSION): Promise<RpcResponse> {
  return sdk.callApi(
    new $OpenApiUtil.Params({
      action,
      version,
      protocol: 'HTTPS',
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    }),
    new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query(params) }),
    new $dara.RuntimeOptions({}),
  );
}
