/**
 * The real {@link TaskSource}: DescribeTasks and DescribeInstanceAttribute over the official SDK, with retries,
 * typed errors and a request count.
 *
 * @packageDocumentation
 */
import Client, { DescribeInstanceAttributeRequest } from '@alicloud/r-kvstore20150101';
import * as $dara from '@darabonba/typescript';
import { InvalidOptionError } from '../core/errors';
import { validateIdentifier } from '../core/validation';
import type { Task } from '../core/task';
import type { CallOptions, DescribeTasksPage, DescribeTasksQuery, TaskSource } from '../core/task-source';
import { createRedactor, type Redactor } from './api-error';
import { createSdkClient, resolveConnection, type ConnectionOptions } from './connection';
import { knownSecrets } from './credentials';
import { buildDescribeTasksRequest, DESCRIBE_TASKS_ACTION, parseDescribeTasksResponse, sendDescribeTasks } from './describe-tasks';
import { MalformedResponseError } from './malformed-response';
import { readAllTasks, type PageReadOptions } from './pages';
import { callWithRetry, resolveRetryOptions, type ResolvedRetryOptions } from './retry';

/**
 * Options of {@link KvstoreTasksClient}: connection options, or an SDK client you already configured
 * (then only `retry` and `maxPages` apply).
 *
 * @example
 * ```ts
 * const fromOptions: TasksClientOptions = { regionId: 'cn-hangzhou', retry: { retries: 6 } };
 * const fromSdk: TasksClientOptions = { sdkClient: existingClient };
 * ```
 */
export interface TasksClientOptions extends ConnectionOptions {
  /** An existing `@alicloud/r-kvstore20150101` client; excludes `regionId`, `endpoint`, `credentials` and the timeouts. */
  sdkClient?: Client;
  /** Cap on DescribeTasks pages per {@link KvstoreTasksClient.listTasks} read. Default 100. */
  maxPages?: PageReadOptions['maxPages'];
}

/**
 * API traffic so far: every HTTP attempt counts as a request; attempts after the first of a call are retries.
 *
 * @example
 * ```ts
 * console.log(JSON.stringify({ apiCalls: client.stats.requests, retries: client.stats.retries }));
 * ```
 */
export interface TasksClientStats {
  requests: number;
  retries: number;
}

const SDK_EXCLUSIVE = ['regionId', 'endpoint', 'credentials', 'connectTimeout', 'readTimeout'] as const;
const INSTANCE_ATTRIBUTE_ACTION = 'DescribeInstanceAttribute';

/**
 * Reads tasks and instance status from the R-KVStore API. Implements the waiter's {@link TaskSource}.
 * Every call validates its input before any request, retries transient failures (see {@link RetryOptions}),
 * fails with {@link KvstoreApiError}, and honours `options.signal` (rejecting with `signal.reason`; a request
 * already in flight may complete, but its result is dropped). The secret is kept in no enumerable field.
 *
 * @example
 * ```ts
 * process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
 * const client = new KvstoreTasksClient({ endpoint: '127.0.0.1:8080', credentials: { accessKeyId: 'id', accessKeySecret: 'secret' } });
 * for await (const task of client.listTasks({ instanceId: 'r-1', startTime: since, endTime: new Date() })) {
 *   console.log(task.taskId, task.taskAction, task.status);
 * }
 * console.log(client.stats.requests);
 * ```
 */
export class KvstoreTasksClient implements TaskSource {
  readonly #sdk: Client;
  readonly #retry: ResolvedRetryOptions;
  readonly #redact: Redactor;
  readonly #maxPages: number | undefined;
  #requests = 0;
  #retries = 0;

  /**
   * @throws {@link InvalidOptionError} for a bad option (before any network traffic).
   */
  constructor(options: TasksClientOptions = {}) {
    if (typeof options !== 'object' || options === null) throw new InvalidOptionError('options', 'expected an options object');
    if (options.sdkClient !== undefined) {
      const clash = SDK_EXCLUSIVE.find((name) => options[name] !== undefined);
      if (clash !== undefined) {
        throw new InvalidOptionError(clash, 'cannot be combined with sdkClient: configure it on the SDK client, or drop sdkClient');
      }
      if (!(options.sdkClient instanceof Client)) {
        throw new InvalidOptionError('sdkClient', 'must be a client of @alicloud/r-kvstore20150101');
      }
      this.#sdk = options.sdkClient;
      this.#retry = resolveRetryOptions(options.retry);
    } else {
      this.#retry = resolveConnection(options).retry;
      this.#sdk = createSdkClient(options);
    }
    if (options.maxPages !== undefined && !(Number.isInteger(options.maxPages) && options.maxPages >= 1)) {
      throw new InvalidOptionError('maxPages', 'must be a positive integer');
    }
    this.#maxPages = options.maxPages;
    this.#redact = createRedactor(knownSecrets(options.credentials));
  }

  /**
   * The SDK client this client uses: send mutations through it so they reach the same endpoint with the same
   * credentials and timeouts.
   *
   * @example
   * ```ts
   * await client.sdk.restartInstance(new RestartInstanceRequest({ instanceId }));
   * ```
   */
  get sdk(): Client {
    return this.#sdk;
  }

  /**
   * A snapshot of the API traffic so far.
   *
   * @example
   * ```ts
   * const before = client.stats.requests;
   * await client.describeInstanceStatus('r-1');
   * console.log(client.stats.requests - before); // 1 without retries
   * ```
   */
  get stats(): TasksClientStats {
    return { requests: this.#requests, retries: this.#retries };
  }

  /**
   * One DescribeTasks page. Statuses default to every status; page size to the API's 30. The page carries the
   * server's clock from the response's `Date` header (`serverTime`, `null` without one), also passed to
   * `options.onServerTime`.
   *
   * @example
   * ```ts
   * const page = await client.describeTasks({ instanceId: 'r-1', startTime: since, endTime: new Date(), pageSize: 100 });
   * console.log(page.totalRecordCount, page.tasks.length, page.serverTime?.toISOString());
   * ```
   */
  async describeTasks(query: DescribeTasksQuery, options: CallOptions = {}): Promise<DescribeTasksPage> {
    const request = buildDescribeTasksRequest(query);
    const page = await this.#call(DESCRIBE_TASKS_ACTION, options, async () => {
      const { body, serverTime } = await sendDescribeTasks(this.#sdk, request);
      return { ...parseDescribeTasksResponse(body, request), serverTime };
    });
    if (page.serverTime !== null) options.onServerTime?.(page.serverTime);
    return page;
  }

  /**
   * Every task in the window across pages (PageSize 100), de-duplicated by TaskId. The query is validated at
   * once, before the first page is requested.
   *
   * @example
   * ```ts
   * const tasks = [];
   * for await (const task of client.listTasks({ instanceId: 'r-1', startTime: since, endTime: new Date() })) tasks.push(task);
   * ```
   */
  listTasks(query: Omit<DescribeTasksQuery, 'pageNumber' | 'pageSize'>, options: CallOptions = {}): AsyncIterable<Task> {
    const pageSize = 100;
    buildDescribeTasksRequest({ ...query, pageSize });
    return readAllTasks((pageNumber) => this.describeTasks({ ...query, pageSize, pageNumber }, options), {
      pageSize,
      maxPages: this.#maxPages,
    });
  }

  /**
   * `InstanceStatus` from DescribeInstanceAttribute, e.g. `Normal` or `Changing`.
   *
   * @example
   * ```ts
   * if ((await client.describeInstanceStatus('r-1')) === 'Normal') console.log('ready');
   * ```
   */
  async describeInstanceStatus(instanceId: string, options: CallOptions = {}): Promise<string> {
    validateIdentifier('instanceId', instanceId);
    return this.#call(INSTANCE_ATTRIBUTE_ACTION, options, async () => {
      const response = await this.#sdk.describeInstanceAttributeWithOptions(
        new DescribeInstanceAttributeRequest({ instanceId }),
        new $dara.RuntimeOptions({}),
      );
      const body = response.body;
      const attributes = body?.instances?.DBInstanceAttribute;
      const status = Array.isArray(attributes) ? attributes[0]?.instanceStatus : undefined;
      if (typeof status !== 'string' || status === '') {
        const requestId = typeof body?.requestId === 'string' ? body.requestId : null;
        throw new MalformedResponseError(INSTANCE_ATTRIBUTE_ACTION, `no Instances.DBInstanceAttribute[0].InstanceStatus for ${instanceId}`, requestId);
      }
      return status;
    });
  }

  #call<T>(action: string, options: CallOptions, attempt: () => Promise<T>): Promise<T> {
    if (typeof options !== 'object' || options === null) throw new InvalidOptionError('options', 'expected { signal?, onServerTime? }');
    if (options.onServerTime !== undefined && typeof options.onServerTime !== 'function') {
      throw new InvalidOptionError('onServerTime', 'must be a function (serverTime: Date) => void');
    }
    return callWithRetry(attempt, {
      action,
      retry: this.#retry,
      redact: this.#redact,
      signal: options.signal,
      onAttempt: (n) => {
        this.#requests += 1;
        if (n > 1) this.#retries += 1;
      },
    });
  }
}

/**
 * Builds a {@link KvstoreTasksClient}.
 *
 * @throws {@link InvalidOptionError} for a bad option.
 * @example
 * ```ts
 * const client = createTasksClient({ regionId: 'cn-hangzhou' }); // standard credential chain
 * const page = await client.describeTasks({ instanceId: 'r-1', startTime: since, endTime: new Date() });
 * ```
 */
export function createTasksClient(options: TasksClientOptions = {}): KvstoreTasksClient {
  return new KvstoreTasksClient(options);
}
