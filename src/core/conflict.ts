/**
 * Recognising a mutation refused because another task is still running on the instance. Pure.
 *
 * @packageDocumentation
 */

/**
 * Error codes R-KVStore answers a mutation with while another task runs on the instance.
 *
 * @example
 * ```ts
 * CONFLICT_CODES.includes('Task.Conflict'); // true
 * ```
 */
export const CONFLICT_CODES: readonly string[] = Object.freeze(['Task.Conflict', 'IncorrectDBInstanceState']);

/**
 * The Alibaba error codes an error carries: `code` (SDK `ClientError`, `KvstoreApiError`) and `data.Code`
 * (the parsed error body the SDK keeps), without duplicates or blanks.
 *
 * @example
 * ```ts
 * errorCodes({ code: 'Task.Conflict' });            // ['Task.Conflict']
 * errorCodes({ data: { Code: 'Throttling.User' } }); // ['Throttling.User']
 * errorCodes(new Error('x'));                         // []
 * ```
 */
export function errorCodes(error: unknown): string[] {
  if (typeof error !== 'object' || error === null) return [];
  const { code, data } = error as { code?: unknown; data?: unknown };
  const dataCode = typeof data === 'object' && data !== null ? (data as { Code?: unknown }).Code : undefined;
  return [...new Set([code, dataCode].filter((c): c is string => typeof c === 'string' && c !== ''))];
}

/**
 * Whether a mutation was refused because another task is still running (`Task.Conflict`,
 * `IncorrectDBInstanceState`): worth waiting for that task and sending the mutation once more.
 *
 * @example
 * ```ts
 * try { await kvstore.restartInstance(req); }
 * catch (e) { if (isTaskConflictError(e)) console.log('another task is running'); }
 * ```
 */
export function isTaskConflictError(error: unknown): boolean {
  return errorCodes(error).some((c) => CONFLICT_CODES.includes(c));
}
