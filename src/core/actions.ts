/**
 * Default TaskAction labels per mutating API. TaskAction is an internal label that Alibaba does not document
 * (the one documented example, `ModifyDBInstanceParameter`, is not an API name), so these lists are best
 * guesses: the API name itself plus the `…DBInstance…` forms the console and the emulator use. Never rely on
 * them alone: pass the TaskId when the API returns one, and let users override the list.
 *
 * @packageDocumentation
 */
import { InvalidOptionError } from './errors';

/**
 * The mutating R-KVStore APIs with a default TaskAction list.
 *
 * @example
 * ```ts
 * const api: MutatingApi = 'ModifyInstanceSpec';
 * ```
 */
export type MutatingApi =
  | 'ModifyInstanceSpec'
  | 'ModifyInstanceConfig'
  | 'ModifyInstanceParameter'
  | 'RestartInstance'
  | 'ModifyInstanceMajorVersion'
  | 'ModifyInstanceMinorVersion'
  | 'SwitchNetwork'
  | 'FlushInstance'
  | 'MigrateToOtherZone'
  | 'ModifyInstanceSSL'
  | 'SwitchInstanceHA'
  | 'AddShardingNode'
  | 'DeleteShardingNode'
  | 'ModifyInstanceBandwidth'
  | 'ModifyInstanceTDE';

/**
 * TaskAction labels a task started by each API may carry. Each list holds the emulator's label (see
 * `src/emulator/task-actions.ts`) and the API name; parameter changes also hold the documented
 * `ModifyDBInstanceParameter`.
 *
 * @example
 * ```ts
 * await waitForTask({ instanceId, since, taskAction: DEFAULT_TASK_ACTIONS.RestartInstance });
 * ```
 */
export const DEFAULT_TASK_ACTIONS: Readonly<Record<MutatingApi, readonly string[]>> = Object.freeze({
  ModifyInstanceSpec: Object.freeze(['ModifyDBInstanceClass', 'ModifyInstanceSpec']),
  ModifyInstanceConfig: Object.freeze(['ModifyDBInstanceConfig', 'ModifyDBInstanceParameter', 'ModifyInstanceConfig']),
  ModifyInstanceParameter: Object.freeze(['ModifyDBInstanceParameter', 'ModifyInstanceParameter']),
  RestartInstance: Object.freeze(['RestartDBInstance', 'RestartInstance']),
  ModifyInstanceMajorVersion: Object.freeze(['UpgradeDBInstanceMajorVersion', 'ModifyInstanceMajorVersion']),
  ModifyInstanceMinorVersion: Object.freeze(['UpgradeDBInstanceMinorVersion', 'ModifyInstanceMinorVersion']),
  SwitchNetwork: Object.freeze(['SwitchDBInstanceNetType', 'SwitchNetwork']),
  FlushInstance: Object.freeze(['FlushDBInstance', 'FlushInstance']),
  MigrateToOtherZone: Object.freeze(['MigrateDBInstanceToOtherZone', 'MigrateToOtherZone']),
  ModifyInstanceSSL: Object.freeze(['ModifyDBInstanceSSL', 'ModifyInstanceSSL']),
  SwitchInstanceHA: Object.freeze(['SwitchDBInstanceHA', 'SwitchInstanceHA']),
  AddShardingNode: Object.freeze(['AddDBInstanceShardingNode', 'AddShardingNode']),
  DeleteShardingNode: Object.freeze(['DeleteDBInstanceShardingNode', 'DeleteShardingNode']),
  ModifyInstanceBandwidth: Object.freeze(['ModifyDBInstanceBandwidth', 'ModifyInstanceBandwidth']),
  ModifyInstanceTDE: Object.freeze(['ModifyDBInstanceTDE', 'ModifyInstanceTDE']),
});

/**
 * The TaskAction list for an API: `overrides[api]` when given, else the default. Throws
 * {@link InvalidOptionError} (option `apiAction`) for an API without a default and without an override.
 *
 * @example
 * ```ts
 * taskActionsFor('RestartInstance');                                   // ['RestartDBInstance', 'RestartInstance']
 * taskActionsFor('RestartInstance', { RestartInstance: ['Reboot'] }); // ['Reboot']
 * ```
 */
export function taskActionsFor(api: string, overrides: Readonly<Record<string, readonly string[]>> = {}): string[] {
  const list = Object.hasOwn(overrides, api) ? overrides[api] : Object.hasOwn(DEFAULT_TASK_ACTIONS, api) ? DEFAULT_TASK_ACTIONS[api as MutatingApi] : undefined;
  if (list === undefined) {
    throw new InvalidOptionError(
      'apiAction',
      `no default TaskAction list for "${api}"; pass taskAction explicitly (known APIs: ${Object.keys(DEFAULT_TASK_ACTIONS).join(', ')})`,
    );
  }
  return [...list];
}
