/**
 * Connection settings a dynamic provider takes from the stack configuration, with the keys @pulumi/alicloud
 * uses. Read in the provider process at `configure` time and kept in memory only: never captured by the
 * serialized provider, never written to outputs.
 *
 * @packageDocumentation
 */
import type { AccessKeyCredentials } from '../client/credentials';

/**
 * What the dynamic provider host hands to `configure`: the whole stack configuration, secrets decrypted,
 * keyed by their full names (`alicloud:secretKey`).
 *
 * @example
 * ```ts
 * const config: StackConfigReader = { get: (key) => ({ 'alicloud:region': 'cn-hangzhou' })[key] };
 * ```
 */
export interface StackConfigReader {
  get(key: string): string | undefined;
}

/**
 * Region and keys from the stack configuration. `credentials` is absent unless both keys are set: then the
 * standard Alibaba Cloud credential chain applies (environment variables, profiles, RAM role).
 *
 * @example
 * ```ts
 * const settings: StackSettings = { region: 'cn-hangzhou' };
 * ```
 */
export interface StackSettings {
  region?: string;
  credentials?: AccessKeyCredentials;
}

/**
 * The stack configuration keys read, exactly as `pulumi config set` writes them for @pulumi/alicloud.
 *
 * @example
 * ```ts
 * // pulumi config set --secret alicloud:secretKey ...
 * STACK_CONFIG_KEYS.secretKey; // 'alicloud:secretKey'
 * ```
 */
export const STACK_CONFIG_KEYS = Object.freeze({
  accessKey: 'alicloud:accessKey',
  secretKey: 'alicloud:secretKey',
  securityToken: 'alicloud:securityToken',
  region: 'alicloud:region',
});

function readKey(config: StackConfigReader, key: string): string | undefined {
  let value: unknown;
  try {
    value = config.get(key);
  } catch {
    // The host builds its Config from the Configure request; without one there is no stack config to read.
    return undefined;
  }
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Reads {@link STACK_CONFIG_KEYS} from the configuration the host passes to `configure`.
 *
 * @example
 * ```ts
 * const provider = { async configure(req) { settings = readStackSettings(req.config); } };
 * ```
 */
export function readStackSettings(config: StackConfigReader): StackSettings {
  const region = readKey(config, STACK_CONFIG_KEYS.region);
  const accessKeyId = readKey(config, STACK_CONFIG_KEYS.accessKey);
  const accessKeySecret = readKey(config, STACK_CONFIG_KEYS.secretKey);
  const securityToken = readKey(config, STACK_CONFIG_KEYS.securityToken);
  const settings: StackSettings = {};
  if (region !== undefined) settings.region = region;
  if (accessKeyId !== undefined && accessKeySecret !== undefined) {
    settings.credentials = { accessKeyId, accessKeySecret, ...(securityToken === undefined ? {} : { securityToken }) };
  }
  return settings;
}
