/**
 * The live state of an instance that the operation resources manage and report: its class and its Redis
 * parameters, read with DescribeInstanceAttribute (whose `Config` holds the same parameter JSON
 * DescribeInstanceConfig returns), with the client's retries and typed errors.
 *
 * @packageDocumentation
 */
import type Client from '@alicloud/r-kvstore20150101';
import { DescribeInstanceAttributeRequest } from '@alicloud/r-kvstore20150101';
import { createRedactor } from '../client/api-error';
import type { ConnectionOptions } from '../client/connection';
import { knownSecrets } from '../client/credentials';
import { MalformedResponseError } from '../client/malformed-response';
import { callWithRetry, resolveRetryOptions } from '../client/retry';

/**
 * What the operation resources read back from the instance.
 *
 * @example
 * ```ts
 * const live: LiveInstance = { instanceClass: 'redis.master.small.default', parameters: { appendonly: 'yes' }, instanceStatus: 'Normal' };
 * ```
 */
export interface LiveInstance {
  instanceClass: string;
  /** Every Redis parameter the API reports, values as strings. */
  parameters: Record<string, string>;
  instanceStatus: string;
}

const ACTION = 'DescribeInstanceAttribute';

/**
 * Parses the `Config` JSON of DescribeInstanceAttribute / DescribeInstanceConfig into string values; `{}` when
 * absent.
 *
 * @throws {@link MalformedResponseError} when it is not a JSON object.
 * @example
 * ```ts
 * parseInstanceConfig('{"timeout":0,"appendonly":"yes"}', null); // { timeout: '0', appendonly: 'yes' }
 * ```
 */
export function parseInstanceConfig(config: string | undefined, requestId: string | null): Record<string, string> {
  if (config === undefined || config === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(config);
  } catch {
    throw new MalformedResponseError(ACTION, 'Config is not valid JSON', requestId);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new MalformedResponseError(ACTION, 'Config is not a JSON object', requestId);
  }
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

/**
 * Reads the live class, parameters and status of an instance through `sdk` (built from `connection`, whose
 * secrets are scrubbed from any error).
 *
 * @throws {@link KvstoreApiError} when the API refuses (e.g. `InvalidInstanceId.NotFound`) or keeps failing.
 * @example
 * ```ts
 * const live = await readLiveInstance(tasksClient.sdk, connection, 'r-bp1...');
 * if (live.instanceClass !== wanted) await sdk.modifyInstanceSpec(request);
 * ```
 */
export async function readLiveInstance(sdk: Client, connection: ConnectionOptions, instanceId: string, signal?: AbortSignal): Promise<LiveInstance> {
  return callWithRetry(
    async () => {
      const body = (await sdk.describeInstanceAttribute(new DescribeInstanceAttributeRequest({ instanceId }))).body;
      const requestId = body?.requestId ?? null;
      const attributes = body?.instances?.DBInstanceAttribute?.[0];
      if (attributes?.instanceClass === undefined || attributes.instanceStatus === undefined) {
        throw new MalformedResponseError(ACTION, `no Instances.DBInstanceAttribute[0] with InstanceClass and InstanceStatus for ${instanceId}`, requestId);
      }
      return {
        instanceClass: attributes.instanceClass,
        parameters: parseInstanceConfig(attributes.config, requestId),
        instanceStatus: attributes.instanceStatus,
      };
    },
    { action: ACTION, retry: resolveRetryOptions(connection.retry), redact: createRedactor(knownSecrets(connection.credentials)), signal },
  );
}
