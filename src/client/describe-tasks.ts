/**
 * DescribeTasks over the SDK's generic call (`@alicloud/r-kvstore20150101` 6.x has no `describeTasks`), with
 * this package's own wire models: building the request from a {@link DescribeTasksQuery}, sending it, and
 * reading the response defensively into a {@link DescribeTasksPage}.
 *
 * @packageDocumentation
 */
import type Client from '@alicloud/r-kvstore20150101';
import { InvalidOptionError } from '../core/errors';
import { parseTask } from '../core/parse-task';
import { ALL_TASK_STATUSES } from '../core/task';
import type { DescribeTasksPage, DescribeTasksQuery } from '../core/task-source';
import { formatApiMinute, formatStatusList } from '../core/time-format';
import { validateIdentifier } from '../core/validation';
import { MalformedResponseError } from './malformed-response';
import { callRpc } from './rpc-call';
import { serverTimeOf } from './server-time';

/**
 * The API action name.
 *
 * @example
 * ```ts
 * if (error.action === DESCRIBE_TASKS_ACTION) console.error('reading tasks failed');
 * ```
 */
export const DESCRIBE_TASKS_ACTION = 'DescribeTasks';

/**
 * DescribeTasks request parameters, as sent (query string).
 *
 * @example
 * ```ts
 * const request: DescribeTasksRequest = {
 *   InstanceId: 'r-bp1zxszhcgatnx****', StartTime: '2020-11-20T01:00Z', EndTime: '2020-11-26T01:00Z',
 *   Status: '0,1,2,4,7,8', PageSize: 100, PageNumber: 1,
 * };
 * ```
 */
export interface DescribeTasksRequest {
  InstanceId: string;
  /** UTC, `yyyy-MM-ddTHH:mmZ`. */
  StartTime: string;
  /** UTC, `yyyy-MM-ddTHH:mmZ`. */
  EndTime: string;
  /** Comma list of status codes. */
  Status: string;
  /** 30, 50 or 100. */
  PageSize?: number;
  /** 1-based. */
  PageNumber?: number;
}

/**
 * DescribeTasks response body, as received. Every field is untrusted.
 *
 * @example
 * ```ts
 * const body: DescribeTasksResponseBody = { RequestId: '608F...', PageNumber: 1, PageSize: 30, TotalRecordCount: 0, Items: [] };
 * ```
 */
export interface DescribeTasksResponseBody {
  RequestId?: unknown;
  PageNumber?: unknown;
  PageSize?: unknown;
  TotalRecordCount?: unknown;
  /** A flat array of items (documented); `{ Item: [...] }` is accepted too. */
  Items?: unknown;
}

const PAGE_SIZES = [30, 50, 100] as const;
const MAX_PAGE_NUMBER = 2_147_483_647;

/**
 * Validates a query and builds the wire request: times as minute-precision UTC, statuses as a comma list
 * (every status when not given). The API's own default page size (30) applies when `pageSize` is absent.
 *
 * @throws {@link InvalidOptionError} for an empty `instanceId` (or one with whitespace), an invalid `Date`, `startTime` after `endTime`,
 *   an unknown status, a page size other than 30/50/100, or a page number that is not a positive integer.
 * @example
 * ```ts
 * buildDescribeTasksRequest({ instanceId: 'r-1', startTime: new Date('2024-01-01T10:00:30Z'),
 *   endTime: new Date('2024-01-01T10:05:00Z'), statuses: [TaskStatus.Running], pageSize: 100 });
 * // { InstanceId: 'r-1', StartTime: '2024-01-01T10:00Z', EndTime: '2024-01-01T10:05Z', Status: '1', PageSize: 100 }
 * ```
 */
export function buildDescribeTasksRequest(query: DescribeTasksQuery): DescribeTasksRequest {
  if (typeof query !== 'object' || query === null) throw new InvalidOptionError('query', 'expected { instanceId, startTime, endTime, ... }');
  const request: DescribeTasksRequest = {
    InstanceId: validateIdentifier('instanceId', query.instanceId),
    StartTime: formatApiMinute(query.startTime, 'startTime'),
    EndTime: formatApiMinute(query.endTime, 'endTime'),
    Status: formatStatusList(query.statuses ?? ALL_TASK_STATUSES, 'statuses'),
  };
  if (query.startTime.getTime() > query.endTime.getTime()) {
    throw new InvalidOptionError('startTime', `${query.startTime.toISOString()} is after endTime ${query.endTime.toISOString()}`);
  }
  if (query.pageSize !== undefined) {
    if (!PAGE_SIZES.includes(query.pageSize)) throw new InvalidOptionError('pageSize', `must be one of ${PAGE_SIZES.join(', ')}`);
    request.PageSize = query.pageSize;
  }
  if (query.pageNumber !== undefined) {
    const n = query.pageNumber;
    if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_NUMBER) {
      throw new InvalidOptionError('pageNumber', `must be an integer from 1 to ${MAX_PAGE_NUMBER}`);
    }
    request.PageNumber = n;
  }
  return request;
}

/**
 * Sends DescribeTasks through the SDK's generic call and returns the response body (unparsed) and the server's
 * clock from its `Date` header (`null` when missing or unreadable). One attempt, no retry; errors are the SDK's.
 *
 * @example
 * ```ts
 * const request = buildDescribeTasksRequest(query);
 * const { body, serverTime } = await sendDescribeTasks(sdk, request);
 * const page = { ...parseDescribeTasksResponse(body, request), serverTime };
 * ```
 */
export async function sendDescribeTasks(sdk: Client, request: DescribeTasksRequest): Promise<{ body: unknown; serverTime: Date | null }> {
  const response = await callRpc(sdk, DESCRIBE_TASKS_ACTION, { ...request });
  return { body: response.body, serverTime: serverTimeOf(response.headers) };
}

/**
 * Reads a DescribeTasks body into a page. Missing `Items` means no tasks; `PageNumber`/`PageSize` default to the
 * request's; a missing or unreadable `TotalRecordCount` becomes the count known so far
 * (`(PageNumber - 1) * PageSize + Items.length`). Items are parsed with {@link parseTask}, which never throws.
 *
 * @throws {@link MalformedResponseError} when the body is not an object or `Items` is neither an array nor
 *   `{ Item: [...] }`.
 * @example
 * ```ts
 * const page = parseDescribeTasksResponse({ RequestId: 'R', TotalRecordCount: 1, Items: [{ TaskId: '1', Status: '2' }] },
 *   { InstanceId: 'r-1', StartTime: '2024-01-01T10:00Z', EndTime: '2024-01-01T10:05Z', Status: '2' });
 * page.tasks[0].status; // TaskStatus.Complete
 * ```
 */
export function parseDescribeTasksResponse(body: unknown, request: DescribeTasksRequest): DescribeTasksPage {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new MalformedResponseError(DESCRIBE_TASKS_ACTION, `the body is ${body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body}, expected an object`);
  }
  const wire = body as DescribeTasksResponseBody;
  const requestId = typeof wire.RequestId === 'string' ? wire.RequestId : '';
  const items = readItems(wire.Items, requestId);
  const pageNumber = readCount(wire.PageNumber, 1) ?? request.PageNumber ?? 1;
  const pageSize = readCount(wire.PageSize, 1) ?? request.PageSize ?? PAGE_SIZES[0];
  const totalRecordCount = readCount(wire.TotalRecordCount, 0) ?? (pageNumber - 1) * pageSize + items.length;
  return { requestId, pageNumber, pageSize, totalRecordCount, tasks: items.map(parseTask) };
}

function readItems(items: unknown, requestId: string): unknown[] {
  if (items === undefined || items === null) return [];
  if (Array.isArray(items)) return items;
  if (typeof items === 'object' && Array.isArray((items as { Item?: unknown }).Item)) return (items as { Item: unknown[] }).Item;
  throw new MalformedResponseError(DESCRIBE_TASKS_ACTION, `Items is ${typeof items}, expected an array`, requestId === '' ? null : requestId);
}

/** A whole number >= `min`, also from a numeric string; otherwise `null`. */
function readCount(value: unknown, min: number): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= min ? n : null;
}
