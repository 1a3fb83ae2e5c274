/**
 * The provider runtime: what the serialized provider shim forwards every call to, in the provider process.
 * It keeps the stack settings received in `configure` in memory (never in state), validates inputs, builds the
 * API clients per call, echoes inputs into outputs, and records partial failures.
 *
 * @packageDocumentation
 */
import type * as pulumi from '@pulumi/pulumi';
import { resolveConnection } from '../client/connection';
import { InvalidOptionError } from '../core/errors';
import { diffResource } from './diff-rules';
import { parametersHandler, restartHandler, specHandler } from './operation-handlers';
import { recordingPartialFailure } from './partial-failure';
import { connectionFor, withProviderCall } from './provider-call';
import { type CheckFailure, type CommonInputs, containsUnknown, validInputs } from './resource-inputs';
import type { ResourceHandler } from './resource-handler';
import type { ResourceKind } from './serializable-provider';
import { type StackConfigReader, type StackSettings, readStackSettings } from './stack-settings';
import { waiterHandler } from './waiter-handler';

type Props = Record<string, unknown>;

/**
 * The calls the serialized provider forwards, with the resource kind first.
 *
 * @example
 * ```ts
 * const runtime: ProviderRuntime = require('alicloud-redis-waiter/pulumi').providerRuntime;
 * const { id, outs } = await runtime.create('instanceSpec', inputs);
 * ```
 */
export interface ProviderRuntime {
  configure(config: StackConfigReader): void;
  check(kind: ResourceKind, olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult>;
  diff(kind: ResourceKind, id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult>;
  create(kind: ResourceKind, inputs: Props): Promise<pulumi.dynamic.CreateResult>;
  read(kind: ResourceKind, id: string, props: Props): Promise<pulumi.dynamic.ReadResult>;
  update(kind: ResourceKind, id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult>;
  delete(kind: ResourceKind, id: string, props: Props): Promise<void>;
}

const HANDLERS: Readonly<Record<ResourceKind, ResourceHandler<CommonInputs>>> = {
  taskWaiter: waiterHandler as unknown as ResourceHandler<CommonInputs>,
  instanceSpec: specHandler as unknown as ResourceHandler<CommonInputs>,
  instanceParameters: parametersHandler as unknown as ResourceHandler<CommonInputs>,
  instanceRestart: restartHandler as unknown as ResourceHandler<CommonInputs>,
};

/** The props without the serialized provider, which the host adds back itself. */
function echo(props: Props): Props {
  const { __provider: _provider, ...rest } = props;
  return rest;
}

/** Connection problems `check` can see before any call: a bad endpoint or region, or neither of them. */
function connectionFailures(props: Props, inputs: CommonInputs, settings: StackSettings): CheckFailure[] {
  if (containsUnknown(props['region']) || containsUnknown(props['endpoint'])) return [];
  try {
    resolveConnection(connectionFor(inputs, settings));
    return [];
  } catch (error) {
    if (!(error instanceof InvalidOptionError)) throw error;
    const property = error.option === 'regionId' ? 'region' : error.option;
    return [{ property, reason: `${error.reason} (set the "region" input or the stack config alicloud:region)` }];
  }
}

/**
 * Creates a runtime. The package exports one ({@link providerRuntime}); tests may create their own.
 *
 * @example
 * ```ts
 * const runtime = createProviderRuntime();
 * runtime.configure({ get: () => undefined });
 * ```
 */
export function createProviderRuntime(): ProviderRuntime {
  let settings: StackSettings = {};
  return {
    configure(config) {
      settings = readStackSettings(config);
    },
    async check(kind, _olds, news) {
      const parsed = HANDLERS[kind].parse(news);
      const failed = new Set(parsed.failures.map((f) => f.property));
      const connection = connectionFailures(news, parsed.value, settings).filter((f) => !failed.has(f.property));
      return { inputs: news, failures: [...parsed.failures, ...connection] };
    },
    async diff(kind, _id, olds, news) {
      return diffResource(kind, olds, news);
    },
    async create(kind, props) {
      const handler = HANDLERS[kind];
      const inputs = validInputs(handler.parse(props));
      // A partial failure's properties keep `__provider`: the host adds it back only to successful results, and
      // without it in the recorded outputs a later `pulumi destroy` cannot load the provider.
      const outs = await withProviderCall(inputs, settings, (call) =>
        recordingPartialFailure(inputs.instanceId, props, () => handler.create(inputs, call)),
      );
      return { id: inputs.instanceId, outs: { ...echo(props), ...outs } };
    },
    async update(kind, id, olds, news) {
      const handler = HANDLERS[kind];
      const inputs = validInputs(handler.parse(news));
      const outs = await withProviderCall(inputs, settings, (call) =>
        recordingPartialFailure(id, { ...echo(olds), ...news }, () => handler.update(inputs, olds, call)),
      );
      return { outs: { ...echo(olds), ...echo(news), ...outs } };
    },
    async read(kind, id, props) {
      const handler = HANDLERS[kind];
      // An imported pending create may come with its id only: the id is the instance id.
      const inputs = validInputs(handler.parse({ instanceId: id, ...props }));
      const outs = await withProviderCall(inputs, settings, (call) => handler.read(inputs, props, call));
      return { id, props: { ...echo(props), ...outs } };
    },
    async delete() {
      // Deleting a waiter or an operation resource leaves the instance as it is (documented).
    },
  };
}

/**
 * The runtime the serialized provider of every resource in this package loads.
 *
 * @example
 * ```ts
 * // What the serialized provider does in the provider process:
 * require('alicloud-redis-waiter/pulumi').providerRuntime.create('taskWaiter', inputs);
 * ```
 */
export const providerRuntime: ProviderRuntime = createProviderRuntime();
