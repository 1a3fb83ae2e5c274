/**
 * Resume tokens: a small JSON-safe record of a wait, enough to continue it in a later process.
 *
 * @packageDocumentation
 */
import { InvalidOptionError } from './errors';

/**
 * Everything needed to pick a wait up again on the same task. JSON-safe (times are ISO strings).
 *
 * @example
 * ```ts
 * try { await waitForTask(opts); }
 * catch (e) {
 *   if (e instanceof TaskTimeoutError) fs.writeFileSync('wait.json', JSON.stringify(e.resumeToken));
 * }
 * // later, maybe in another process:
 * await waitForTask({ resumeToken: JSON.parse(fs.readFileSync('wait.json', 'utf8')), timeout: 30 * 60_000 });
 * ```
 */
export interface ResumeToken {
  instanceId: string;
  /** The matched task's id, once known. */
  taskId: string | null;
  /** The action(s) being matched. */
  taskAction: string[] | null;
  /**
   * ISO time: when the mutation was sent, on the waiting machine's clock (never moved onto the server's: the
   * resumed wait estimates the server's clock afresh from its own responses).
   */
  since: string;
  /** ISO time: the original deadline. */
  deadline: string;
}

/**
 * Builds a resume token from the state of a wait.
 *
 * @example
 * ```ts
 * const token = createResumeToken({
 *   instanceId: 'r-bp1...', taskId: '32302', taskActions: ['ModifyInstanceSpec'],
 *   since: new Date('2024-05-01T10:00:00Z'), deadline: Date.parse('2024-05-01T11:00:00Z'),
 * });
 * token.deadline; // '2024-05-01T11:00:00.000Z'
 * ```
 */
export function createResumeToken(fields: {
  instanceId: string;
  taskId: string | null;
  taskActions: readonly string[] | null;
  since: Date;
  deadline: number;
}): ResumeToken {
  return {
    instanceId: fields.instanceId,
    taskId: fields.taskId,
    taskAction: fields.taskActions === null ? null : [...fields.taskActions],
    since: fields.since.toISOString(),
    deadline: new Date(fields.deadline).toISOString(),
  };
}

/**
 * Serializes a token to a JSON string (for a file, an env var or a CLI flag).
 *
 * @example
 * ```ts
 * fs.writeFileSync('wait.json', encodeResumeToken(err.resumeToken));
 * ```
 */
export function encodeResumeToken(token: ResumeToken): string {
  return JSON.stringify(token);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

function invalidToken(reason: string): InvalidOptionError {
  return new InvalidOptionError('resumeToken', `${reason}; pass the resumeToken object (or its JSON) exactly as a snapshot or error carried it`);
}

function tokenTime(record: Record<string, unknown>, key: 'since' | 'deadline'): string {
  const value = record[key];
  if (typeof value !== 'string' || !ISO_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw invalidToken(`"${key}" must be an ISO UTC time such as 2024-05-01T10:00:00.000Z`);
  }
  return value;
}

/**
 * Checks that a value (an object, or its JSON string) is a well-formed resume token and returns a clean copy.
 * Throws {@link InvalidOptionError} (option `resumeToken`) saying which field is wrong.
 *
 * @example
 * ```ts
 * const token = validateResumeToken(fs.readFileSync('wait.json', 'utf8'));
 * await waitForTask({ resumeToken: token });
 * ```
 */
export function validateResumeToken(value: unknown): ResumeToken {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw invalidToken('it is a string but not valid JSON');
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidToken('it must be an object');
  const record = parsed as Record<string, unknown>;
  const { instanceId, taskId, taskAction } = record;
  if (typeof instanceId !== 'string' || instanceId.trim() === '') throw invalidToken('"instanceId" must be a non-empty string');
  if (taskId !== null && (typeof taskId !== 'string' || taskId.trim() === '')) throw invalidToken('"taskId" must be null or a non-empty string');
  if (
    taskAction !== null &&
    (!Array.isArray(taskAction) || taskAction.length === 0 || !taskAction.every((a) => typeof a === 'string' && a.trim() !== ''))
  ) {
    throw invalidToken('"taskAction" must be null or a non-empty list of non-empty strings');
  }
  if (taskId === null && taskAction === null) throw invalidToken('it needs a "taskId" or a "taskAction"');
  return {
    instanceId,
    taskId,
    taskAction: taskAction === null ? null : [...(taskAction as string[])],
    since: tokenTime(record, 'since'),
    deadline: tokenTime(record, 'deadline'),
  };
}

/**
 * The wait a token describes, with explicit options merged in.
 *
 * @example
 * ```ts
 * const { taskId, deadline }: ResumedWait = restoreResumedWait(token, {}, Date.now());
 * ```
 */
export interface ResumedWait {
  instanceId: string;
  taskId: string | null;
  taskActions: string[] | null;
  since: Date;
  /** Epoch ms. */
  deadline: number;
}

function sameActions(a: readonly string[], b: readonly string[]): boolean {
  const setA = new Set(a);
  const setB = new Set(b);
  return setA.size === setB.size && [...setA].every((x) => setB.has(x));
}

/**
 * Restores a wait from a validated token. Explicit options may repeat the token's values but never contradict
 * them (that would be a different wait): a contradiction throws {@link InvalidOptionError} naming the option.
 * The deadline is the token's own, unless `timeout` is given: then it is `now + timeout`, a fresh budget.
 *
 * @example
 * ```ts
 * const wait = restoreResumedWait(token, { timeout: 30 * 60_000 }, Date.now());
 * wait.deadline; // now + 30 min
 * ```
 */
export function restoreResumedWait(
  token: ResumeToken,
  explicit: { instanceId?: string; taskId?: string; taskActions?: readonly string[]; since?: Date; timeout?: number },
  now: number,
): ResumedWait {
  const conflict = (option: string, tokenValue: string): InvalidOptionError =>
    new InvalidOptionError(option, `it contradicts resumeToken (which has ${tokenValue}); drop "${option}" or the token`);
  if (explicit.instanceId !== undefined && explicit.instanceId !== token.instanceId) {
    throw conflict('instanceId', `"${token.instanceId}"`);
  }
  if (explicit.taskId !== undefined && token.taskId !== null && explicit.taskId !== token.taskId) {
    throw conflict('taskId', `"${token.taskId}"`);
  }
  if (explicit.taskActions !== undefined && token.taskAction !== null && !sameActions(explicit.taskActions, token.taskAction)) {
    throw conflict('taskAction', JSON.stringify(token.taskAction));
  }
  if (explicit.since !== undefined && explicit.since.getTime() !== Date.parse(token.since)) {
    throw conflict('since', token.since);
  }
  return {
    instanceId: token.instanceId,
    taskId: token.taskId ?? explicit.taskId ?? null,
    taskActions: token.taskAction ?? (explicit.taskActions ? [...explicit.taskActions] : null),
    since: new Date(token.since),
    deadline: explicit.timeout !== undefined ? now + explicit.timeout : Date.parse(token.deadline),
  };
}
