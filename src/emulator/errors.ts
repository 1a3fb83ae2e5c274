/**
 * API errors the emulator answers with, shaped like Alibaba Cloud's: HTTP status plus a JSON body
 * `{RequestId, HostId, Code, Message, Recommend}`.
 */

/**
 * An error answered to an API caller. Thrown by validation and actions, turned into a response by the server.
 *
 * @example
 * throw new ApiError(404, 'InvalidInstanceId.NotFound', 'The specified instance is not found.');
 */
export class ApiError extends Error {
  /**
   * @param statusCode HTTP status to answer with.
   * @param code Alibaba error code, e.g. `InvalidInstanceId.NotFound`.
   * @param message Human-readable message (never contains a secret).
   * @param headers Extra response headers, e.g. `x-acs-retry-after`.
   *
   * @example
   * throw new ApiError(404, 'InvalidInstanceId.NotFound', 'The specified instance is not found.');
   */
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The JSON body of an Alibaba error answer.
 *
 * @example
 * const body: ErrorBody = errorBody(apiErrors.instanceNotFound(), requestId, 'r-kvstore.aliyuncs.com');
 * body.Code; // 'InvalidInstanceId.NotFound'
 */
export interface ErrorBody {
  RequestId: string;
  HostId: string;
  Code: string;
  Message: string;
  Recommend: string;
}

/**
 * Build the error body Alibaba sends for `error`.
 *
 * @example
 * errorBody(new ApiError(400, 'Throttling.User', 'Request was denied due to user flow control.'), 'ABC-1', 'r-kvstore.aliyuncs.com');
 */
export function errorBody(error: ApiError, requestId: string, hostId: string): ErrorBody {
  return {
    RequestId: requestId,
    HostId: hostId,
    Code: error.code,
    Message: error.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=R-kvstore&requestId=${requestId}`,
  };
}

/**
 * Constructors for the error answers the emulator gives, with the real codes, statuses and messages.
 *
 * @example
 * throw apiErrors.missing('InstanceId'); // 400 MissingInstanceId
 */
export const apiErrors = {
  missingAccessKeyId: () => new ApiError(400, 'MissingAccessKeyId', 'AccessKeyId is mandatory for this action.'),
  incompleteSignature: (why: string) =>
    new ApiError(400, 'IncompleteSignature', `The request signature does not conform to Aliyun standards. ${why}`),
  accessKeyNotFound: () => new ApiError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.'),
  signatureMismatch: (stringToSign: string) =>
    new ApiError(
      400,
      'SignatureDoesNotMatch',
      `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
    ),
  timestampFormat: () =>
    new ApiError(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.'),
  timestampExpired: () => new ApiError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.'),
  nonceUsed: () => new ApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.'),
  invalidVersion: () => new ApiError(400, 'InvalidVersion', 'Specified parameter Version is not valid.'),
  actionNotFound: () =>
    new ApiError(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.'),
  missing: (param: string) => new ApiError(400, `Missing${param}`, `${param} is mandatory for this action.`),
  invalid: (param: string, why: string) =>
    new ApiError(400, 'InvalidParameter', `Specified parameter ${param} is not valid: ${why}`),
  invalidFormat: (param: string, format: string) =>
    new ApiError(400, `Invalid${param}.Format`, `Specified parameter ${param} is not valid: expected ${format} in UTC.`),
  instanceNotFound: () => new ApiError(404, 'InvalidInstanceId.NotFound', 'The specified instance is not found.'),
  taskNotFound: () => new ApiError(404, 'InvalidTaskId.NotFound', 'The specified task is not found.'),
  taskConflict: () =>
    new ApiError(400, 'Task.Conflict', 'The instance has a running task. Try again after the task is complete.'),
  incorrectState: () =>
    new ApiError(403, 'IncorrectDBInstanceState', 'Current DB instance state does not support this operation.'),
  throttled: (retryAfterMs?: number) =>
    new ApiError(
      400,
      'Throttling.User',
      'Request was denied due to user flow control.',
      retryAfterMs === undefined ? {} : { 'x-acs-retry-after': String(retryAfterMs) },
    ),
  serviceUnavailable: () =>
    new ApiError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.'),
  internalError: () =>
    new ApiError(
      500,
      'InternalError',
      'The request processing has failed due to some unknown error, exception or failure.',
    ),
};
