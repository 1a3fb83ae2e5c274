/**
 * Isolation of the credential chain for tests: no key in the environment, an empty temporary HOME (no
 * `~/.alibabacloud/credentials`, no `~/.aliyun/config.json`) and the ECS metadata probe disabled.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Every variable the credential chain (or HOME-based profile lookup) reads. */
const CHAIN_ENV = [
  'ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_SECURITY_TOKEN', 'ALIBABA_CLOUD_CREDENTIALS_URI',
  'ALIBABA_CLOUD_ROLE_ARN', 'ALIBABA_CLOUD_OIDC_PROVIDER_ARN', 'ALIBABA_CLOUD_OIDC_TOKEN_FILE', 'ALIBABA_CLOUD_PROFILE',
  'ALIBABA_CLOUD_CREDENTIALS_FILE', 'ALIBABA_CLOUD_ECS_METADATA', 'ALIBABA_CLOUD_ECS_METADATA_DISABLED', 'HOME',
];

/**
 * Clears the chain's variables, points HOME at a fresh empty directory and disables the metadata probe.
 * `restore()` puts every variable back and deletes the directory.
 *
 * @example
 * ```ts
 * let env: IsolatedCredentialEnv;
 * beforeEach(() => (env = isolateCredentialEnv('kvwait-home-')));
 * afterEach(() => env.restore());
 * ```
 */
export function isolateCredentialEnv(prefix: string): IsolatedCredentialEnv {
  const saved = Object.fromEntries(CHAIN_ENV.map((k) => [k, process.env[k]]));
  for (const k of CHAIN_ENV) delete process.env[k];
  const home = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.env['HOME'] = home;
  process.env['ALIBABA_CLOUD_ECS_METADATA_DISABLED'] = 'true';
  return {
    home,
    restore: () => {
      for (const k of CHAIN_ENV) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/**
 * An isolated environment: its temporary HOME and how to undo it.
 *
 * @example
 * ```ts
 * fs.writeFileSync(path.join(env.home, '.alibabacloud', 'credentials'), ini);
 * ```
 */
export interface IsolatedCredentialEnv {
  home: string;
  restore(): void;
}
