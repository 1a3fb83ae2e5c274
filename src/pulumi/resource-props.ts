/**
 * Program-side helpers shared by the resource classes: type tokens, the runtime location the serialized
 * provider records, the common arguments, and the property bag handed to `pulumi.dynamic.Resource`.
 *
 * @packageDocumentation
 */
import * as pulumi from '@pulumi/pulumi';
import type { RuntimeLocation } from './serializable-provider';

/**
 * Module of every type token: `pulumi-nodejs:dynamic/redis-waiter:<Type>`.
 *
 * @example
 * ```ts
 * typeToken('TaskWaiter'); // 'pulumi-nodejs:dynamic/redis-waiter:TaskWaiter'
 * ```
 */
export const TYPE_MODULE = 'redis-waiter';

/**
 * The full type token of one of this package's resources, as the engine and the URN show it.
 *
 * @example
 * ```ts
 * typeToken('InstanceSpec'); // 'pulumi-nodejs:dynamic/redis-waiter:InstanceSpec'
 * ```
 */
export function typeToken(typeName: string): string {
  return `pulumi-nodejs:dynamic/${TYPE_MODULE}:${typeName}`;
}

/**
 * Where the serialized provider finds the runtime: the package name (works where the package is installed in
 * the project's node_modules) and, as a fallback, the absolute path of this build (works for a program inside
 * this repository, or an Automation API program whose work dir lacks the package).
 *
 * @example
 * ```ts
 * runtimeLocation().specifier; // 'alicloud-redis-waiter/pulumi'
 * ```
 */
export function runtimeLocation(): RuntimeLocation {
  return { specifier: 'alicloud-redis-waiter/pulumi', path: require.resolve('./index') };
}

/**
 * Arguments every resource takes. Durations are milliseconds.
 *
 * @example
 * ```ts
 * const common: CommonArgs = { instanceId: redis.id, region: 'cn-hangzhou', timeout: 30 * 60_000 };
 * ```
 */
export interface CommonArgs {
  /** The Redis instance, e.g. `r-bp1zxszhcgatnx****` (or `alicloud.kvstore.Instance#id`). */
  instanceId: pulumi.Input<string>;
  /** Region id. Default: the stack's `alicloud:region`, else `ALIBABA_CLOUD_REGION_ID`. */
  region?: pulumi.Input<string>;
  /** API endpoint override: `host:port` or an `http(s)://` URL (e.g. the local emulator). */
  endpoint?: pulumi.Input<string>;
  /** The resource's own deadline in ms (default 60 min): `customTimeouts` never reach dynamic providers. */
  timeout?: pulumi.Input<number>;
  /** How long, in ms, a new task may take to appear before the wait fails. Default 3 min. */
  notFoundGrace?: pulumi.Input<number>;
  /** Fail at once when the task pauses (status 7), instead of waiting for it to resume. Default `false`. */
  failOnPaused?: pulumi.Input<boolean>;
}

/**
 * Output names every resource has: the task it waited for.
 *
 * @example
 * ```ts
 * TASK_OUTPUT_NAMES.includes('finishTime'); // true
 * ```
 */
export const TASK_OUTPUT_NAMES = ['taskId', 'taskAction', 'status', 'progress', 'beginTime', 'finishTime', 'currentStep', 'steps'] as const;

/**
 * The property bag for `pulumi.dynamic.Resource`: the arguments, the `resourceUrn` input (the resource's own URN,
 * computed here because the provider is never told it), and an `undefined` slot for every output name that is
 * not also an input, so the SDK exposes it.
 *
 * @example
 * ```ts
 * super(provider, name, resourceProps(name, 'TaskWaiter', args, [...TASK_OUTPUT_NAMES], opts), opts, TYPE_MODULE, 'TaskWaiter');
 * ```
 */
export function resourceProps(
  name: string,
  typeName: string,
  args: object,
  outputNames: readonly string[],
  opts: pulumi.CustomResourceOptions | undefined,
): Record<string, unknown> {
  const props: Record<string, unknown> = { ...args, resourceUrn: pulumi.createUrn(name, typeToken(typeName), opts?.parent) };
  for (const output of outputNames) if (!(output in props)) props[output] = undefined;
  return props;
}
