/**
 * Everything one provider method call needs: the connection (resource inputs over stack settings), the API
 * client, the deployment log, the resource's own deadline, and the waiter options derived from them.
 * Clients are built here, inside the call, never captured by the serialized provider.
 *
 * @packageDocumentation
 */
import type { ConnectionOptions } from '../client/connection';
import { createTasksClient, type KvstoreTasksClient } from '../client/tasks-client';
import type { WaitForTaskOptions } from '../core/wait-options';
import { type DeploymentLog, engineAddressFromArgv, openDeploymentLog } from './engine-log';
import { statusReporter } from './progress-lines';
import type { CommonInputs } from './resource-inputs';
import type { StackSettings } from './stack-settings';

/**
 * One provider call's context.
 *
 * @example
 * ```ts
 * const task = await waitForTask({ ...call.waitOptions(), taskAction: 'ModifyDBInstanceClass' });
 * call.log.info(taskSummary(task, call.elapsedMs()));
 * ```
 */
export interface ProviderCall {
  readonly inputs: CommonInputs;
  readonly connection: ConnectionOptions;
  readonly tasks: KvstoreTasksClient;
  readonly log: DeploymentLog;
  /** Milliseconds since the call started. */
  elapsedMs(): number;
  /** Waiter options for this instance: the time left of the resource's deadline, grace, pause policy, progress, client. */
  waitOptions(): WaitForTaskOptions;
}

/**
 * The connection of a call: the resource's `region`/`endpoint` inputs, else the stack's `alicloud:region`;
 * credentials from the stack config keys when set, else the standard chain.
 *
 * @example
 * ```ts
 * connectionFor({ endpoint: '127.0.0.1:8080' }, { region: 'cn-hangzhou' }); // { regionId: 'cn-hangzhou', endpoint: '127.0.0.1:8080' }
 * ```
 */
export function connectionFor(inputs: Pick<CommonInputs, 'region' | 'endpoint'>, settings: StackSettings): ConnectionOptions {
  const connection: ConnectionOptions = {};
  const regionId = inputs.region ?? settings.region;
  if (regionId !== undefined) connection.regionId = regionId;
  if (inputs.endpoint !== undefined) connection.endpoint = inputs.endpoint;
  if (settings.credentials !== undefined) connection.credentials = settings.credentials;
  return connection;
}

/**
 * Runs `body` with a fresh call context and always closes its log (flushing the engine connection).
 *
 * @example
 * ```ts
 * const outs = await withProviderCall(inputs, settings, async (call) => runOperation(op, call));
 * ```
 */
export async function withProviderCall<T>(inputs: CommonInputs, settings: StackSettings, body: (call: ProviderCall) => Promise<T>): Promise<T> {
  const startedAt = Date.now();
  const connection = connectionFor(inputs, settings);
  const tasks = createTasksClient(connection);
  const log = openDeploymentLog({ urn: inputs.urn, engineAddress: engineAddressFromArgv(process.argv.slice(2)) });
  const elapsedMs = (): number => Date.now() - startedAt;
  const call: ProviderCall = {
    inputs,
    connection,
    tasks,
    log,
    elapsedMs,
    waitOptions: () => ({
      instanceId: inputs.instanceId,
      client: tasks,
      timeout: Math.max(1, inputs.timeout - elapsedMs()),
      onPaused: inputs.failOnPaused ? 'fail' : 'wait',
      onProgress: statusReporter(log, inputs.instanceId),
      ...(inputs.notFoundGrace === undefined ? {} : { notFoundGrace: inputs.notFoundGrace }),
    }),
  };
  try {
    return await body(call);
  } finally {
    await log.close();
  }
}
