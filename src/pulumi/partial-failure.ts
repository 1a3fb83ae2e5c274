/**
 * Partial failures: a wait that failed after its task was known is reported to the engine with the resource's
 * id and outputs (the host turns an error carrying `id` into `ErrorResourceInitFailed`). The resource then stays
 * in the state with the task recorded, and the next `pulumi up` resumes or retries it instead of starting over.
 *
 * @packageDocumentation
 */
import { RedisWaiterError, TaskAbortedError, TaskFailedError, TaskTimeoutError } from '../core/errors';
import type { Task } from '../core/task';
import { taskOutputs } from './task-outputs';

/**
 * A create or update that failed once its task was known. `message` is the cause's message; `id` and
 * `properties` are what the engine records.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof ResourcePartialFailureError) console.error(e.id, e.properties.taskId); }
 * ```
 */
export class ResourcePartialFailureError extends RedisWaiterError {
  /** The resource id the engine records. */
  readonly id: string;
  /** The outputs the engine records: the inputs plus the task as last seen. */
  readonly properties: Record<string, unknown>;
  /** Reasons shown by the engine. */
  readonly reasons: string[];
  constructor(id: string, properties: Record<string, unknown>, cause: Error) {
    super(cause.message, { cause });
    this.id = id;
    this.properties = properties;
    this.reasons = [cause.message];
  }
}

/**
 * The task a waiter error carries: the failed task, or the last one seen before a timeout or abort.
 *
 * @example
 * ```ts
 * taskOfError(new TaskTimeoutError(60_000, snapshot, 'timed out')); // snapshot.task
 * ```
 */
export function taskOfError(error: unknown): Task | null {
  if (error instanceof TaskFailedError) return error.task;
  if (error instanceof TaskTimeoutError || error instanceof TaskAbortedError) return error.lastSnapshot.task;
  return null;
}

/**
 * Runs `body`; when it fails with an error that carries a task, rethrows a {@link ResourcePartialFailureError}
 * recording `echo` plus that task. Other errors pass through unchanged.
 *
 * @example
 * ```ts
 * const outs = await recordingPartialFailure(inputs.instanceId, echo, () => handler.create(inputs, call));
 * ```
 */
export async function recordingPartialFailure<T>(id: string, echo: Record<string, unknown>, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    const task = taskOfError(error);
    if (task === null || !(error instanceof Error)) throw error;
    throw new ResourcePartialFailureError(id, { ...echo, ...taskOutputs(task) }, error);
  }
}
