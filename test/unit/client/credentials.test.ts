import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Credential, { Config } from '@alicloud/credentials';
import { buildCredential, CredentialsUnavailableError, knownSecrets } from '../../../src/client/credentials';

const CHAIN_ENV = [
  'ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_SECURITY_TOKEN', 'ALIBABA_CLOUD_CREDENTIALS_URI',
  'ALIBABA_CLOUD_ECS_METADATA_DISABLED', 'ALIBABA_CLOUD_ROLE_ARN', 'ALIBABA_CLOUD_OIDC_PROVIDER_ARN', 'ALIBABA_CLOUD_OIDC_TOKEN_FILE',
  'ALIBABA_CLOUD_PROFILE', 'ALIBABA_CLOUD_CREDENTIALS_FILE', 'HOME',
];

describe('credentials', () => {
  let saved: Record<string, string | undefined>;
  let home: string;
  beforeEach(() => {
    saved = Object.fromEntries(CHAIN_ENV.map((k) => [k, process.env[k]]));
    for (const k of CHAIN_ENV) delete process.env[k];
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'kvwait-home-'));
    process.env['HOME'] = home;
    process.env['ALIBABA_CLOUD_ECS_METADATA_DISABLED'] = 'true';
  });
  afterEach(() => {
    for (const k of CHAIN_ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('uses explicit keys as given, STS when a token is set', async () => {
    const model = await buildCredential({ accessKeyId: 'id', accessKeySecret: 'sec', securityToken: 'tok' }).getCredential();
    assert.deepEqual([model.accessKeyId, model.accessKeySecret, model.securityToken], ['id', 'sec', 'tok']);
  });

  it('reads the standard chain from the environment', async () => {
    process.env['ALIBABA_CLOUD_ACCESS_KEY_ID'] = 'env-id';
    process.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'] = 'env-secret';
    const model = await buildCredential(undefined).getCredential();
    assert.deepEqual([model.accessKeyId, model.accessKeySecret], ['env-id', 'env-secret']);
  });

  it('reads the standard chain from ~/.alibabacloud/credentials', async () => {
    fs.mkdirSync(path.join(home, '.alibabacloud'));
    fs.writeFileSync(path.join(home, '.alibabacloud', 'credentials'),
      '[default]\ntype = access_key\naccess_key_id = file-id\naccess_key_secret = file-secret\n');
    const model = await buildCredential(undefined).getCredential();
    assert.deepEqual([model.accessKeyId, model.accessKeySecret], ['file-id', 'file-secret']);
  });

  it('fails with CredentialsUnavailableError, not the providers\' text, when nothing is configured', async () => {
    await assert.rejects(buildCredential(undefined).getCredential(), (e: unknown) =>
      e instanceof CredentialsUnavailableError && e.source === 'standard chain' && !/ENOENT|environment/.test(e.message));
  });

  it('guards a user Credential: its failure text (which may hold a secret) is replaced', async () => {
    const leaky = { getCredential: async () => { throw new Error('result: {"AccessKeySecret":"leaked"}'); } } as unknown as Credential;
    await assert.rejects(buildCredential(leaky).getCredential(), (e: unknown) =>
      e instanceof CredentialsUnavailableError && e.source === 'credentials option' && !e.message.includes('leaked'));
  });

  it('passes a working user Credential through', async () => {
    const user = new Credential(new Config({ type: 'access_key', accessKeyId: 'u-id', accessKeySecret: 'u-sec' }));
    const model = await buildCredential(user).getCredential();
    assert.deepEqual([model.accessKeyId, model.accessKeySecret], ['u-id', 'u-sec']);
  });

  it('lists the secrets of explicit keys only', () => {
    assert.deepEqual(knownSecrets({ accessKeyId: 'id', accessKeySecret: 's', securityToken: 't' }), ['s', 't']);
    assert.deepEqual(knownSecrets(undefined), []);
  });
});
