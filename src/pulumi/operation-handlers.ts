/**
 * What `InstanceSpec`, `InstanceParameters` and `InstanceRestart` do in the provider process: their mutation,
 * how each tells that the instance already is as wanted, and what `read` reports.
 *
 * @packageDocumentation
 */
import { ModifyInstanceConfigRequest, ModifyInstanceSpecRequest, RestartInstanceRequest } from '@alicloud/r-kvstore20150101';
import { taskActionsFor } from '../core/actions';
import { TaskStatus } from '../core/task';
import { readLiveInstance } from './live-instance';
import { type Operation, runOperation } from './operation-flow';
import type { ProviderCall } from './provider-call';
import {
  type ParametersInputs,
  type RestartInputs,
  type SpecInputs,
  parseParametersInputs,
  parseRestartInputs,
  parseSpecInputs,
} from './resource-inputs';
import type { ResourceHandler } from './resource-handler';
import { findNewestTask, readRecordedTask } from './task-lookup';
import { recordedTask, taskOutputs } from './task-outputs';

type Props = Record<string, unknown>;

function specOperation(inputs: SpecInputs, call: ProviderCall): Operation {
  return {
    apiAction: 'ModifyInstanceSpec',
    taskActions: inputs.taskActions ?? taskActionsFor('ModifyInstanceSpec'),
    async inspect() {
      const live = await readLiveInstance(call.tasks.sdk, call.connection, inputs.instanceId);
      return { satisfied: live.instanceClass === inputs.instanceClass, task: null, live: { instanceClass: live.instanceClass } };
    },
    mutate: () =>
      call.tasks.sdk.modifyInstanceSpec(
        new ModifyInstanceSpecRequest({ instanceId: inputs.instanceId, instanceClass: inputs.instanceClass, orderType: inputs.orderType }),
      ),
    unchanged: `instance ${inputs.instanceId} already has class ${inputs.instanceClass}; no ModifyInstanceSpec sent`,
  };
}

/** The managed parameters' live values, and those that differ from the wanted ones. */
function compareParameters(wanted: Record<string, string>, live: Record<string, string>): { managed: Record<string, string>; changed: Record<string, string> } {
  const managed: Record<string, string> = {};
  const changed: Record<string, string> = {};
  for (const [name, value] of Object.entries(wanted)) {
    if (live[name] !== undefined) managed[name] = live[name];
    if (live[name] !== value) changed[name] = value;
  }
  return { managed, changed };
}

function parametersOperation(inputs: ParametersInputs, call: ProviderCall): Operation {
  let changed: Record<string, string> = inputs.parameters;
  return {
    apiAction: 'ModifyInstanceConfig',
    taskActions: inputs.taskActions ?? taskActionsFor('ModifyInstanceConfig'),
    async inspect() {
      const live = await readLiveInstance(call.tasks.sdk, call.connection, inputs.instanceId);
      const comparison = compareParameters(inputs.parameters, live.parameters);
      changed = comparison.changed;
      return { satisfied: Object.keys(changed).length === 0, task: null, live: { parameters: comparison.managed } };
    },
    mutate: () =>
      call.tasks.sdk.modifyInstanceConfig(new ModifyInstanceConfigRequest({ instanceId: inputs.instanceId, config: JSON.stringify(changed) })),
    unchanged: `instance ${inputs.instanceId} already has ${Object.keys(inputs.parameters).join(', ')} as wanted; no ModifyInstanceConfig sent`,
  };
}

function restartOperation(inputs: RestartInputs, olds: Props, call: ProviderCall): Operation {
  const taskActions = inputs.taskActions ?? taskActionsFor('RestartInstance');
  // Only a completed restart answered the previous triggers; an unfinished one (resumed, or failed) may itself
  // be the answer or must be redone, so it does not bound the search.
  const previous = olds['status'] === TaskStatus.Complete ? recordedTask(olds) : null;
  return {
    apiAction: 'RestartInstance',
    taskActions,
    async inspect() {
      const newest = await findNewestTask(call.tasks, inputs.instanceId, taskActions, inputs.lookback, previous);
      const done = newest !== null && newest.status === TaskStatus.Complete;
      return { satisfied: done, task: done ? newest : null, live: {} };
    },
    mutate: () =>
      call.tasks.sdk.restartInstance(new RestartInstanceRequest({ instanceId: inputs.instanceId, upgradeMinorVersion: inputs.upgradeMinorVersion })),
    unchanged: `instance ${inputs.instanceId} needs no restart`,
  };
}

/**
 * The `InstanceSpec` handler: ModifyInstanceSpec when the live class differs; read reports the live class.
 *
 * @example
 * ```ts
 * const outs = await specHandler.create(parseSpecInputs(props).value, call);
 * ```
 */
export const specHandler: ResourceHandler<SpecInputs> = {
  parse: parseSpecInputs,
  create: (inputs, call) => runOperation(specOperation(inputs, call), call),
  update: (inputs, _olds, call) => runOperation(specOperation(inputs, call), call),
  read: async (inputs, _olds, call) => ({ instanceClass: (await readLiveInstance(call.tasks.sdk, call.connection, inputs.instanceId)).instanceClass }),
};

/**
 * The `InstanceParameters` handler: ModifyInstanceConfig with only the parameters whose live value differs;
 * read reports the live values of the managed parameters.
 *
 * @example
 * ```ts
 * const outs = await parametersHandler.update(parseParametersInputs(news).value, olds, call);
 * ```
 */
export const parametersHandler: ResourceHandler<ParametersInputs> = {
  parse: parseParametersInputs,
  create: (inputs, call) => runOperation(parametersOperation(inputs, call), call),
  update: (inputs, _olds, call) => runOperation(parametersOperation(inputs, call), call),
  read: async (inputs, _olds, call) => {
    const live = await readLiveInstance(call.tasks.sdk, call.connection, inputs.instanceId);
    return { parameters: compareParameters(inputs.parameters, live.parameters).managed };
  },
};

/**
 * The `InstanceRestart` handler: RestartInstance unless a restart newer than the recorded one completed within
 * `lookback`; read reports the recorded restart task's current state.
 *
 * @example
 * ```ts
 * const outs = await restartHandler.update(parseRestartInputs(news).value, olds, call);
 * ```
 */
export const restartHandler: ResourceHandler<RestartInputs> = {
  parse: parseRestartInputs,
  create: (inputs, call) => runOperation(restartOperation(inputs, {}, call), call),
  update: (inputs, olds, call) => runOperation(restartOperation(inputs, olds, call), call),
  read: async (inputs, olds, call) => {
    const task = await readRecordedTask(call.tasks, inputs.instanceId, olds);
    return task === null ? {} : taskOutputs(task);
  },
};
