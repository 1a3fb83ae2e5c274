/**
 * The provider object handed to `pulumi.dynamic.Resource`, and therefore serialized into the stack's state.
 *
 * It is a thin shim: every method loads this package's provider runtime in the provider process with a
 * runtime `require` and forwards the call. So the serialized text holds only these few lines, the resource
 * kind and where to find the package: no credential, no client object, no copy of the library. Keep it that
 * way: anything a method here references from outside its own body is copied into the state by value.
 *
 * @packageDocumentation
 */
import type * as pulumi from '@pulumi/pulumi';
import type { ProviderRuntime } from './provider-runtime';

/**
 * The resources this package implements.
 *
 * @example
 * ```ts
 * const kind: ResourceKind = 'instanceSpec';
 * ```
 */
export type ResourceKind = 'taskWaiter' | 'instanceSpec' | 'instanceParameters' | 'instanceRestart';

/**
 * Where the provider process finds the runtime: first the package `specifier`, resolved from the provider
 * process's working directory (the Pulumi project, where the package is installed); when that does not
 * resolve (e.g. a program inside this repository), the absolute `path` the program loaded it from.
 *
 * @example
 * ```ts
 * const location: RuntimeLocation = { specifier: 'alicloud-redis-waiter/pulumi', path: require.resolve('./index') };
 * ```
 */
export interface RuntimeLocation {
  specifier: string;
  path: string;
}

/**
 * Builds the provider for one resource kind. Every method resolves the runtime at call time.
 *
 * @example
 * ```ts
 * class TaskWaiter extends pulumi.dynamic.Resource {
 *   constructor(name: string, args: TaskWaiterArgs, opts?: pulumi.CustomResourceOptions) {
 *     super(createSerializableProvider('taskWaiter', location), name, { ...args }, opts, 'redis-waiter', 'TaskWaiter');
 *   }
 * }
 * ```
 */
export function createSerializableProvider(kind: ResourceKind, location: RuntimeLocation): pulumi.dynamic.ResourceProvider {
  const runtime = (): ProviderRuntime => {
    let target: string;
    try {
      target = require.resolve(location.specifier);
    } catch {
      target = location.path;
    }
    return require(target).providerRuntime;
  };
  return {
    async configure(request) {
      runtime().configure(request.config);
    },
    async check(olds, news) {
      return runtime().check(kind, olds, news);
    },
    async diff(id, olds, news) {
      return runtime().diff(kind, id, olds, news);
    },
    async create(inputs) {
      return runtime().create(kind, inputs);
    },
    async read(id, props) {
      return runtime().read(kind, id, props);
    },
    async update(id, olds, news) {
      return runtime().update(kind, id, olds, news);
    },
    async delete(id, props) {
      return runtime().delete(kind, id, props);
    },
  };
}
