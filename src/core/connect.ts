/**
 * The one place the core reaches for the real API client: it builds a {@link TaskSource} from connection
 * options when the caller passed no `client`. Loaded lazily, so code that always passes a client (unit tests,
 * custom sources) never loads the SDK.
 *
 * @packageDocumentation
 */
import type { ConnectionOptions } from '../client';
import type { TaskSource } from './task-source';

/**
 * Connection options accepted at the top level of the waiter's options: `regionId`, `endpoint` and
 * `credentials` (without `credentials`, the standard Alibaba Cloud credential chain).
 *
 * @example
 * ```ts
 * const conn: ConnectionFields = { regionId: 'cn-hangzhou', endpoint: '127.0.0.1:8080' };
 * ```
 */
export type ConnectionFields = Partial<Pick<ConnectionOptions, 'regionId' | 'endpoint' | 'credentials'>>;

/**
 * Returns `options.client` when given, else a client built from the connection fields.
 *
 * @example
 * ```ts
 * const source = await resolveTaskSource({ regionId: 'cn-hangzhou' });
 * const page = await source.describeTasks({ instanceId, startTime, endTime });
 * ```
 */
export async function resolveTaskSource(options: ConnectionFields & { client?: TaskSource }): Promise<TaskSource> {
  if (options.client !== undefined) return options.client;
  const { createTasksClient } = await import('../client');
  return createTasksClient({ regionId: options.regionId, endpoint: options.endpoint, credentials: options.credentials });
}
