/**
 * Turns one DescribeTasks item, as the wire carries it, into a {@link Task}. Pure and total: it never throws.
 * A field that is present but unreadable becomes `null` (or `[]` for steps), its wire name is listed in
 * `Task.malformed`, and the item is kept as received in `Task.raw`.
 *
 * @packageDocumentation
 */
import { parseApiTime } from './time-format';
import { ALL_TASK_STATUSES, type RawTaskItem, type StepProgress, type Task, type TaskStatus, type TaskStep } from './task';

/** A field's parsed value, or a flag that the wire value was present but unreadable. */
type Field<T> = { value: T; malformed: boolean };

const ok = <T>(value: T): Field<T> => ({ value, malformed: false });
const bad = <T>(value: T): Field<T> => ({ value, malformed: true });

/**
 * Parses one DescribeTasks item. Accepts numbers sent as strings (`"12.5"`), `StepsInfo` as a JSON string,
 * a double-escaped JSON string (as in the documented sample) or an already-parsed array.
 * An item that is not an object yields an empty task with `malformed: ['Item']`.
 *
 * @example
 * ```ts
 * const task = parseTask({ TaskId: '32302', TaskAction: 'ModifyDBInstanceParameter', Status: '1',
 *   Progress: '40', StepProgressInfo: '1/3', StepsInfo: '[{"name":"init_redis","progress":40,"remain":90}]' });
 * task.status;       // TaskStatus.Running
 * task.stepProgress; // { done: 1, total: 3 }
 * task.steps[0];     // { name: 'init_redis', progress: 40, remainSeconds: 90 }
 * ```
 */
export function parseTask(item: unknown): Task {
  if (!isRecord(item)) {
    return {
      taskId: '',
      taskAction: '',
      status: null,
      progress: null,
      remainSeconds: null,
      beginTime: null,
      finishTime: null,
      currentStep: null,
      stepProgress: null,
      steps: [],
      malformed: ['Item'],
      raw: {},
    };
  }
  const raw: RawTaskItem = item;
  const malformed: string[] = [];
  const read = <T>(name: keyof RawTaskItem & string, parse: (value: unknown) => Field<T>): T => {
    const field = parse(raw[name]);
    if (field.malformed) malformed.push(name);
    return field.value;
  };
  return {
    taskId: read('TaskId', parseId),
    taskAction: read('TaskAction', parseLabel),
    status: read('Status', parseStatus),
    progress: read('Progress', parseNonNegativeNumber),
    remainSeconds: read('Remain', parseNonNegativeNumber),
    beginTime: read('BeginTime', parseTime),
    finishTime: read('FinishTime', parseTime),
    currentStep: read('CurrentStepName', parseOptionalText),
    stepProgress: read('StepProgressInfo', parseStepProgress),
    steps: read('StepsInfo', parseSteps),
    malformed,
    raw,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function parseId(value: unknown): Field<string> {
  if (isAbsent(value)) return ok('');
  if (typeof value === 'string') return ok(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return ok(String(value));
  return bad('');
}

function parseLabel(value: unknown): Field<string> {
  if (isAbsent(value)) return ok('');
  return typeof value === 'string' ? ok(value) : bad('');
}

function parseOptionalText(value: unknown): Field<string | null> {
  if (isAbsent(value)) return ok(null);
  return typeof value === 'string' ? ok(value) : bad(null);
}

function parseStatus(value: unknown): Field<TaskStatus | null> {
  if (isAbsent(value)) return ok(null);
  const code = toNumber(value);
  const status = ALL_TASK_STATUSES.find((s) => s === code);
  return status === undefined ? bad(null) : ok(status);
}

/** A finite number, or a string holding one (`"12.3"`); anything else is `null`. */
function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

function parseNonNegativeNumber(value: unknown): Field<number | null> {
  if (isAbsent(value)) return ok(null);
  const n = toNumber(value);
  return n === null || n < 0 ? bad(null) : ok(n);
}

function parseTime(value: unknown): Field<Date | null> {
  if (isAbsent(value)) return ok(null);
  const time = typeof value === 'string' ? parseApiTime(value.trim()) : null;
  return time === null ? bad(null) : ok(time);
}

function parseStepProgress(value: unknown): Field<StepProgress | null> {
  if (isAbsent(value)) return ok(null);
  const m = typeof value === 'string' ? /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value) : null;
  if (m === null) return bad(null);
  const done = Number(m[1]);
  const total = Number(m[2]);
  return done <= total ? ok({ done, total }) : bad(null);
}

/**
 * StepsInfo: `[{remain, name, progress}]`. Structural problems (not a list, an entry without a string name)
 * give `[]`; a step whose progress or remain is unreadable keeps its name, gets `null` there, and flags the field.
 */
function parseSteps(value: unknown): Field<TaskStep[]> {
  if (isAbsent(value)) return ok([]);
  const list = decodeStepsJson(value);
  if (list === null) return bad([]);
  const steps: TaskStep[] = [];
  let malformed = false;
  for (const entry of list) {
    if (!isRecord(entry) || typeof entry['name'] !== 'string') return bad([]);
    const progress = parseNonNegativeNumber(entry['progress']);
    const remain = parseNonNegativeNumber(entry['remain']);
    malformed ||= progress.malformed || remain.malformed;
    steps.push({ name: entry['name'], progress: progress.value, remainSeconds: remain.value });
  }
  return { value: steps, malformed };
}

/**
 * Decodes StepsInfo to an array: an array as is; a JSON string; a JSON string that encodes another JSON string;
 * or the documented double-escaped form (`[{\"remain\":0,...}]`), which is the body of a JSON string literal.
 */
function decodeStepsJson(value: unknown): unknown[] | null {
  let current: unknown = value;
  for (let depth = 0; depth < 3; depth++) {
    if (Array.isArray(current)) return current;
    if (typeof current !== 'string') return null;
    const text = current.trim();
    const parsed = tryJson(text) ?? (text.includes('\\"') ? tryJson(`"${text}"`) : undefined);
    if (parsed === undefined) return null;
    current = parsed;
  }
  return Array.isArray(current) ? current : null;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
