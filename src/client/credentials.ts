/**
 * Credentials for the SDK client: explicit keys, a user's `@alicloud/credentials` instance, or the standard
 * chain. Whatever the source, the SDK sees one `Credential` whose failures surface as
 * {@link CredentialsUnavailableError}, a message that never repeats what a provider returned (a provider's
 * error text can echo a credentials document, secret included).
 *
 * @packageDocumentation
 */
import Credential, {
  CLIProfileCredentialsProvider,
  ECSRAMRoleCredentialsProvider,
  EnvironmentVariableCredentialsProvider,
  OIDCRoleArnCredentialsProvider,
  ProfileCredentialsProvider,
  URICredentialsProvider,
} from '@alicloud/credentials';
import { InvalidOptionError } from '../core/errors';

/**
 * An access key pair, optionally with an STS security token.
 *
 * @example
 * ```ts
 * const keys: AccessKeyCredentials = {
 *   accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID!,
 *   accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET!,
 * };
 * ```
 */
export interface AccessKeyCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** STS token, for temporary credentials. */
  securityToken?: string;
}

/**
 * What `credentials` may be: keys, or any `@alicloud/credentials` `Credential` (RAM role, OIDC, profile...).
 *
 * @example
 * ```ts
 * import Credential, { Config } from '@alicloud/credentials';
 * const fromRole: CredentialsOption = new Credential(new Config({ type: 'ecs_ram_role', roleName: 'deployer' }));
 * ```
 */
export type CredentialsOption = AccessKeyCredentials | Credential;

/** The one member of a `Credential` the SDK uses to sign. */
interface CredentialSource {
  getCredential(): Promise<{ accessKeyId?: string; accessKeySecret?: string; securityToken?: string; providerName?: string }>;
}

/** A `@alicloud/credentials` provider, as `Credential` accepts one. */
interface Provider {
  getCredentials(): Promise<{ accessKeyId: string; accessKeySecret: string; securityToken?: string; providerName?: string }>;
  getProviderName(): string;
}

/**
 * No usable credentials: nothing in the standard chain, or the given credential source failed.
 * Thrown inside the SDK before any request is signed; the client maps it to a
 * `KvstoreApiError` with code `CredentialsNotFound`.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof CredentialsUnavailableError) console.error(e.source); }
 * ```
 */
export class CredentialsUnavailableError extends Error {
  /** Where credentials were looked for: `standard chain` or `credentials option`. */
  readonly source: string;
  constructor(source: string) {
    super(`no usable Alibaba Cloud credentials from the ${source}`);
    this.name = 'CredentialsUnavailableError';
    this.source = source;
  }
}

const PROVIDER_NAME = 'alicloud-redis-waiter';

/**
 * Builds the `Credential` handed to the SDK.
 *
 * - Keys: used as given (STS when `securityToken` is set).
 * - A `Credential`: used through a guard that replaces its errors with {@link CredentialsUnavailableError}.
 * - Absent: the standard chain - environment variables (`ALIBABA_CLOUD_ACCESS_KEY_ID`,
 *   `ALIBABA_CLOUD_ACCESS_KEY_SECRET`, `ALIBABA_CLOUD_SECURITY_TOKEN`), OIDC, `~/.aliyun/config.json`,
 *   `~/.alibabacloud/credentials`, the ECS RAM role (unless `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true`), and
 *   `ALIBABA_CLOUD_CREDENTIALS_URI` only when that variable is set (the library's own default chain would
 *   otherwise try `https://undefined/`).
 *
 * @throws {@link InvalidOptionError} for keys that are not non-empty strings.
 * @example
 * ```ts
 * const credential = buildCredential({ accessKeyId: 'LTAI...', accessKeySecret: secret });
 * ```
 */
export function buildCredential(option: CredentialsOption | undefined): Credential {
  if (option === undefined) return guarded(standardChain(), 'standard chain');
  if (isCredentialSource(option)) return guarded(option, 'credentials option');
  const keys = validateKeys(option);
  return new Credential(null, {
    getProviderName: () => PROVIDER_NAME,
    getCredentials: async () => ({ ...keys, providerName: PROVIDER_NAME }),
  } satisfies Provider);
}

/**
 * The secrets of explicit keys, for scrubbing error text; empty for other sources.
 *
 * @example
 * ```ts
 * knownSecrets({ accessKeyId: 'id', accessKeySecret: 's3cret' }); // ['s3cret']
 * ```
 */
export function knownSecrets(option: CredentialsOption | undefined): string[] {
  if (option === undefined || isCredentialSource(option)) return [];
  return [option.accessKeySecret, option.securityToken].filter((s): s is string => typeof s === 'string' && s.length > 0);
}

function isCredentialSource(option: object): option is Credential {
  return typeof (option as Partial<CredentialSource>).getCredential === 'function';
}

function validateKeys(option: unknown): AccessKeyCredentials {
  if (typeof option !== 'object' || option === null) {
    throw new InvalidOptionError('credentials', 'expected { accessKeyId, accessKeySecret, securityToken? } or an @alicloud/credentials Credential');
  }
  const { accessKeyId, accessKeySecret, securityToken } = option as Record<string, unknown>;
  for (const [name, value] of [['accessKeyId', accessKeyId], ['accessKeySecret', accessKeySecret]] as const) {
    if (typeof value !== 'string' || value.trim() === '') {
      throw new InvalidOptionError(`credentials.${name}`, 'must be a non-empty string');
    }
  }
  if (securityToken !== undefined && (typeof securityToken !== 'string' || securityToken.trim() === '')) {
    throw new InvalidOptionError('credentials.securityToken', 'must be a non-empty string when given');
  }
  return { accessKeyId: accessKeyId as string, accessKeySecret: accessKeySecret as string, ...(securityToken === undefined ? {} : { securityToken: securityToken as string }) };
}

/** Wraps a credential source so that the SDK sees only {@link CredentialsUnavailableError} on failure. */
function guarded(source: CredentialSource, label: string): Credential {
  return new Credential(null, {
    getProviderName: () => PROVIDER_NAME,
    getCredentials: async () => {
      let model: Awaited<ReturnType<CredentialSource['getCredential']>>;
      try {
        model = await source.getCredential();
      } catch {
        throw new CredentialsUnavailableError(label);
      }
      if (!model.accessKeyId || !model.accessKeySecret) throw new CredentialsUnavailableError(label);
      return {
        accessKeyId: model.accessKeyId,
        accessKeySecret: model.accessKeySecret,
        securityToken: model.securityToken,
        providerName: model.providerName ?? PROVIDER_NAME,
      };
    },
  } satisfies Provider);
}

/** The standard chain, in the library's order; each provider that cannot apply here is left out. */
function standardChain(): CredentialSource {
  const builders: Array<() => Provider> = [
    () => EnvironmentVariableCredentialsProvider.builder().build(),
    () => OIDCRoleArnCredentialsProvider.builder().build(),
    () => CLIProfileCredentialsProvider.builder().build(),
    () => ProfileCredentialsProvider.builder().build(),
    () => ECSRAMRoleCredentialsProvider.builder().build(),
  ];
  const uri = process.env['ALIBABA_CLOUD_CREDENTIALS_URI'];
  if (uri !== undefined && uri !== '') builders.push(() => URICredentialsProvider.builder().withCredentialsURI(uri).build());
  let chosen: Provider | null = null;
  return {
    async getCredential() {
      if (chosen !== null) return chosen.getCredentials();
      for (const build of builders) {
        let provider: Provider;
        try {
          provider = build();
          const credentials = await provider.getCredentials();
          chosen = provider;
          return credentials;
        } catch {
          // This provider does not apply or has nothing; try the next one.
        }
      }
      throw new CredentialsUnavailableError('standard chain');
    },
  };
}
