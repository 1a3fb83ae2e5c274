/**
 * What each resource's diff reports. Pure. `olds` are the previous outputs (which repeat the inputs and, after
 * a refresh, carry the live values); `news` the new inputs. Only inputs that need API work count: a change to
 * `timeout`, `region`, `endpoint`, `resourceUrn` or the serialized provider alone is no change.
 *
 * @packageDocumentation
 */
import type * as pulumi from '@pulumi/pulumi';
import { containsUnknown } from './resource-inputs';
import type { ResourceKind } from './serializable-provider';
import { recordsUnfinishedTask } from './task-outputs';

type Props = Record<string, unknown>;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Props)[k])]));
  }
  return value ?? null;
}

/**
 * Deep equality of JSON values; key order does not matter and `undefined` equals `null`.
 *
 * @example
 * ```ts
 * sameValue({ a: 1, b: [2] }, { b: [2], a: 1 }); // true
 * sameValue(undefined, null);                    // true
 * ```
 */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function changedKeys(olds: Props, news: Props, keys: readonly string[]): string[] {
  return keys.filter((k) => containsUnknown(news[k]) || !sameValue(olds[k], news[k]));
}

function changedParameters(olds: Props, news: Props): boolean {
  const wanted = news['parameters'];
  if (containsUnknown(wanted)) return true;
  if (typeof wanted !== 'object' || wanted === null) return false;
  const live = (typeof olds['parameters'] === 'object' && olds['parameters'] !== null ? olds['parameters'] : {}) as Props;
  return Object.entries(wanted).some(([name, value]) => live[name] !== String(value));
}

/**
 * `TaskWaiter`'s `taskId` and `taskAction` inputs share their names with the outputs describing the matched
 * task, so `olds` hold the matched task's values: the wanted id must be the matched one, and the matched action
 * one of the wanted ones.
 */
function changedWaiterMatch(olds: Props, news: Props): boolean {
  const { taskId, taskAction } = news;
  if (containsUnknown(taskId) || containsUnknown(taskAction)) return true;
  if (typeof taskId === 'string' && taskId !== olds['taskId']) return true;
  const wanted = typeof taskAction === 'string' ? [taskAction] : Array.isArray(taskAction) ? taskAction : null;
  return wanted !== null && typeof olds['taskAction'] === 'string' && !wanted.includes(olds['taskAction']);
}

/** Inputs whose change makes each kind wait (or mutate and wait) again. */
const WATCHED: Readonly<Record<ResourceKind, readonly string[]>> = {
  taskWaiter: ['triggers', 'since'],
  instanceSpec: ['instanceClass'],
  instanceParameters: [],
  instanceRestart: ['triggers'],
};

/**
 * The diff of one resource:
 * - `instanceId` changed: replace (the new resource acts on the new instance; deleting the old one is a no-op);
 * - a watched input changed (`triggers` or `since` for `TaskWaiter`, or a `taskId`/`taskAction` the recorded task
 *   no longer matches; `instanceClass` against the live class for
 *   `InstanceSpec`, any managed parameter against its live value for `InstanceParameters`, `triggers` for
 *   `InstanceRestart`): update;
 * - the previous run left a task unfinished (failed, timed out, interrupted): update, to wait or retry;
 * - otherwise no change.
 *
 * @example
 * ```ts
 * diffResource('instanceSpec', { instanceId: 'r-1', instanceClass: 'a' }, { instanceId: 'r-1', instanceClass: 'b' });
 * // { changes: true, replaces: [], deleteBeforeReplace: false }
 * ```
 */
export function diffResource(kind: ResourceKind, olds: Props, news: Props): pulumi.dynamic.DiffResult {
  const replaces = changedKeys(olds, news, ['instanceId']);
  const changes =
    replaces.length > 0 ||
    changedKeys(olds, news, WATCHED[kind]).length > 0 ||
    (kind === 'instanceParameters' && changedParameters(olds, news)) ||
    (kind === 'taskWaiter' && changedWaiterMatch(olds, news)) ||
    recordsUnfinishedTask(olds);
  return { changes, replaces, deleteBeforeReplace: false };
}
