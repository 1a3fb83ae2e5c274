/**
 * Reading the TaskId hint out of a mutating call's response. Pure.
 *
 * @packageDocumentation
 */

/**
 * The TaskId a mutating call returned, as a string: from `response.body.taskId` (the SDK's response models),
 * `response.body.TaskId` or `response.TaskId` (a bare wire body). Strings and finite numbers count (`modifyInstanceParameter` returns a
 * number); anything else gives `null`. Nothing documents that it equals the DescribeTasks TaskId: it is a hint.
 *
 * @example
 * ```ts
 * taskIdFromResponse({ statusCode: 200, body: { RequestId: 'x', TaskId: 32302 } }); // '32302'
 * taskIdFromResponse({ body: { requestId: 'x', taskId: '32303' } });                  // '32303' (SDK model)
 * taskIdFromResponse({ body: { RequestId: 'x', OrderId: '1' } });                    // null
 * ```
 */
export function taskIdFromResponse(response: unknown): string | null {
  if (typeof response !== 'object' || response === null) return null;
  const { body } = response as { body?: unknown };
  const holder = typeof body === 'object' && body !== null ? body : response;
  // The official SDK's response models use camelCase (`body.taskId`); raw bodies use the wire name `TaskId`.
  const { TaskId, taskId } = holder as { TaskId?: unknown; taskId?: unknown };
  const id = TaskId ?? taskId;
  if (typeof id === 'string' && id.trim() !== '') return id.trim();
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return null;
}
