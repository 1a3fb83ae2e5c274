/**
 * The narrow interface the waiter needs from an API client. The real implementation is
 * `KvstoreTasksClient` (src/client); unit tests pass a stub.
 *
 * @packageDocumentation
 */
import type { Task, TaskStatus } from './task';

/**
 * A DescribeTasks query. Times are `Date`s; the client formats them as minute-precision UTC.
 *
 * @example
 * ```ts
 * const q: DescribeTasksQuery = { instanceId: 'r-bp1...', startTime: since, endTime: new Date(), statuses: [0, 1] };
 * ```
 */
export interface DescribeTasksQuery {
  instanceId: string;
  startTime: Date;
  endTime: Date;
  /** Statuses to return; defaults to every status. */
  statuses?: readonly TaskStatus[];
  /** 30, 50 or 100 (default 100 for the iterator, 30 for a single page as the API does). */
  pageSize?: 30 | 50 | 100;
  /** 1-based page number. */
  pageNumber?: number;
}

/**
 * One page of DescribeTasks.
 *
 * @example
 * ```ts
 * const page = await client.describeTasks(q);
 * console.log(page.totalRecordCount, page.tasks.map((t) => t.taskId));
 * ```
 */
export interface DescribeTasksPage {
  requestId: string;
  pageNumber: number;
  pageSize: number;
  totalRecordCount: number;
  tasks: Task[];
  /**
   * The server's clock when it answered, from the HTTP `Date` header (whole seconds, truncated); `null` or absent
   * when the response had no readable one (or the source is not HTTP).
   */
  serverTime?: Date | null;
}

/**
 * Per-call options shared by every client method.
 *
 * @example
 * ```ts
 * await client.describeTasks(q, { signal: AbortSignal.timeout(10_000) });
 * await client.describeTasks(q, { onServerTime: (serverTime) => console.log('server clock', serverTime.getTime() - Date.now(), 'ms ahead') });
 * ```
 */
export interface CallOptions {
  /** Aborts the call and any retry back-off. */
  signal?: AbortSignal;
  /**
   * Called with the server's clock (the `Date` header, whole seconds) as each DescribeTasks response arrives,
   * page by page, so the caller can read its own clock at that moment. Not called when a response has no
   * readable `Date`, nor by sources that know no server time. Synchronous; what it throws propagates.
   */
  onServerTime?: (serverTime: Date) => void;
}

/**
 * What the waiter reads from the API.
 *
 * @example
 * ```ts
 * for await (const task of source.listTasks({ instanceId, startTime, endTime })) console.log(task.taskId);
 * ```
 */
export interface TaskSource {
  /** One DescribeTasks page. */
  describeTasks(query: DescribeTasksQuery, options?: CallOptions): Promise<DescribeTasksPage>;
  /** Every task in the window, across pages (PageSize 100), de-duplicated by TaskId. */
  listTasks(query: Omit<DescribeTasksQuery, 'pageNumber' | 'pageSize'>, options?: CallOptions): AsyncIterable<Task>;
  /** `InstanceStatus` from DescribeInstanceAttribute (e.g. `Normal`, `Changing`). */
  describeInstanceStatus(instanceId: string, options?: CallOptions): Promise<string>;
}
