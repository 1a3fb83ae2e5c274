/**
 * The DescribeTasks client: a typed, retrying {@link TaskSource} over the official R-KVStore SDK, plus the
 * connection, credential and error pieces it is built from.
 *
 * @packageDocumentation
 */
export { KvstoreApiError } from './errors';
export { createTasksClient, KvstoreTasksClient, type TasksClientOptions, type TasksClientStats } from './tasks-client';
export {
  createSdkClient,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_READ_TIMEOUT_MS,
  parseEndpoint,
  resolveConnection,
  type ConnectionOptions,
  type ParsedEndpoint,
  type ResolvedConnection,
} from './connection';
export { CredentialsUnavailableError, type AccessKeyCredentials, type CredentialsOption } from './credentials';
export { DEFAULT_RETRY_OPTIONS, type RetryOptions } from './retry';
export { classifyFailure, type FailureClassification, type FailureKind } from './classify';
export { MalformedResponseError } from './malformed-response';
export {
  buildDescribeTasksRequest,
  DESCRIBE_TASKS_ACTION,
  parseDescribeTasksResponse,
  sendDescribeTasks,
  type DescribeTasksRequest,
  type DescribeTasksResponseBody,
} from './describe-tasks';
export { DEFAULT_MAX_PAGES, readAllTasks, type PageReadOptions } from './pages';
export { KVSTORE_API_VERSION } from './rpc-call';
