import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Credential, { Config } from '@alicloud/credentials';
import { buildCredential, CredentialsUnavailableError, knownSecrets } from '../../../src/client/credentials';
import { isolateCredentialEnv, type IsolatedCredentialEnv } from './credential-env';

describe('credentials', () => {
  let env: IsolatedCredentialEnv;
  beforeEach(() => {
    env = isolateCredentialEnv('kvwait-home-');
  });
  afterEach(() => env.restore());

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
    fs.mkdirSync(path.join(env.home, '.alibabacloud'));
    fs.writeFileSync(path.join(env.home, '.alibabacloud', 'credentials'),
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
