import { strict as assert } from 'node:assert';
import Client from '@alicloud/r-kvstore20150101';
import { InvalidOptionError } from '../../../src/core/errors';
import { createSdkClient, parseEndpoint, resolveConnection } from '../../../src/client/connection';

/** Runs `fn` with ALIBABA_CLOUD_REGION_ID set to `value` (or unset), restoring it after. */
function withRegionEnv<T>(value: string | undefined, fn: () => T): T {
  const saved = process.env['ALIBABA_CLOUD_REGION_ID'];
  if (value === undefined) delete process.env['ALIBABA_CLOUD_REGION_ID'];
  else process.env['ALIBABA_CLOUD_REGION_ID'] = value;
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env['ALIBABA_CLOUD_REGION_ID'];
    else process.env['ALIBABA_CLOUD_REGION_ID'] = saved;
  }
}

describe('connection', () => {
  describe('parseEndpoint', () => {
    it('reads host:port, using HTTP for loopback and HTTPS otherwise', () => {
      assert.deepEqual(parseEndpoint('127.0.0.1:8080'), { host: '127.0.0.1:8080', protocol: 'http' });
      assert.deepEqual(parseEndpoint('localhost:1'), { host: 'localhost:1', protocol: 'http' });
      assert.deepEqual(parseEndpoint('[::1]:9000'), { host: '[::1]:9000', protocol: 'http' });
      assert.deepEqual(parseEndpoint('r-kvstore.aliyuncs.com'), { host: 'r-kvstore.aliyuncs.com', protocol: 'https' });
      assert.deepEqual(parseEndpoint('10.0.0.5:443'), { host: '10.0.0.5:443', protocol: 'https' });
    });

    it('reads http(s) URLs, keeping the scheme', () => {
      assert.deepEqual(parseEndpoint('http://127.0.0.1:41234'), { host: '127.0.0.1:41234', protocol: 'http' });
      assert.deepEqual(parseEndpoint('https://r-kvstore.cn-shenzhen.aliyuncs.com/'), { host: 'r-kvstore.cn-shenzhen.aliyuncs.com', protocol: 'https' });
      assert.deepEqual(parseEndpoint('http://kv.example.com:8080'), { host: 'kv.example.com:8080', protocol: 'http' });
    });

    it('rejects everything else with an InvalidOptionError on "endpoint"', () => {
      const bad = [
        '', ' 127.0.0.1:80', '127.0.0.1:0', '127.0.0.1:65536', '127.0.0.1:', 'host:port', 'ftp://h', 'http://', 'http://u:p@h',
        'http://h/path', 'http://h/?q=1', 'http://h/#f', 'h/path', 'bad_host', '-h.com', 'http://h:99999',
      ];
      for (const text of bad) {
        assert.throws(() => parseEndpoint(text), (e: unknown) => e instanceof InvalidOptionError && e.option === 'endpoint', text);
      }
      assert.throws(() => parseEndpoint(8080 as unknown as string), /non-empty string/);
    });
  });

  describe('resolveConnection', () => {
    it('applies defaults: 10 s connect, 15 s read, default retries', () => {
      const c = resolveConnection({ regionId: 'cn-hangzhou' });
      assert.deepEqual([c.regionId, c.endpoint, c.connectTimeout, c.readTimeout, c.retry.retries], ['cn-hangzhou', null, 10_000, 15_000, 4]);
    });

    it('takes the region from ALIBABA_CLOUD_REGION_ID when not given', () => {
      assert.equal(withRegionEnv('ap-southeast-1', () => resolveConnection({}).regionId), 'ap-southeast-1');
      assert.equal(withRegionEnv('ap-southeast-1', () => resolveConnection({ regionId: 'cn-beijing' }).regionId), 'cn-beijing');
    });

    it('needs a region or an endpoint', () => {
      withRegionEnv(undefined, () => {
        assert.throws(() => resolveConnection({}), /Invalid option "regionId": set regionId/);
        assert.equal(resolveConnection({ endpoint: '127.0.0.1:1' }).regionId, null);
      });
    });

    it('rejects malformed regions, timeouts and retry options by name', () => {
      const cases: Array<[object, string]> = [
        [{ regionId: 'Hangzhou' }, 'regionId'],
        [{ regionId: '' }, 'regionId'],
        [{ regionId: 'cn-hangzhou', connectTimeout: 0 }, 'connectTimeout'],
        [{ regionId: 'cn-hangzhou', readTimeout: 1.5 }, 'readTimeout'],
        [{ regionId: 'cn-hangzhou', readTimeout: 3_600_000 }, 'readTimeout'],
        [{ regionId: 'cn-hangzhou', retry: { retries: -2 } }, 'retry.retries'],
      ];
      for (const [options, option] of cases) {
        assert.throws(() => resolveConnection(options), (e: unknown) => e instanceof InvalidOptionError && e.option === option, option);
      }
      withRegionEnv('not a region', () => assert.throws(() => resolveConnection({}), /from ALIBABA_CLOUD_REGION_ID/));
    });
  });

  describe('createSdkClient', () => {
    it('returns the official client pointed at the endpoint, protocol and timeouts', () => {
      const sdk = createSdkClient({ endpoint: '127.0.0.1:4567', credentials: { accessKeyId: 'id', accessKeySecret: 'sec' }, readTimeout: 2000 });
      assert.ok(sdk instanceof Client);
      const internals = sdk as unknown as Record<string, unknown>;
      assert.deepEqual([internals['_endpoint'], internals['_protocol'], internals['_connectTimeout'], internals['_readTimeout']],
        ['127.0.0.1:4567', 'http', 10_000, 2000]);
    });

    it('lets the SDK pick the regional endpoint', () => {
      const sdk = createSdkClient({ regionId: 'eu-central-1', credentials: { accessKeyId: 'id', accessKeySecret: 'sec' } });
      assert.equal((sdk as unknown as Record<string, unknown>)['_endpoint'], 'r-kvstore.eu-central-1.aliyuncs.com');
    });

    it('rejects empty keys with the field to fix', () => {
      assert.throws(() => createSdkClient({ regionId: 'cn-hangzhou', credentials: { accessKeyId: 'id', accessKeySecret: '' } }),
        (e: unknown) => e instanceof InvalidOptionError && e.option === 'credentials.accessKeySecret');
      assert.throws(() => createSdkClient({ regionId: 'cn-hangzhou', credentials: { accessKeyId: 'id', accessKeySecret: 's', securityToken: '' } }),
        (e: unknown) => e instanceof InvalidOptionError && e.option === 'credentials.securityToken');
    });

    it('keeps the secret out of anything JSON.stringify can reach', () => {
      const secret = 'Zq8-unique-secret-value';
      const sdk = createSdkClient({ regionId: 'cn-hangzhou', credentials: { accessKeyId: 'id', accessKeySecret: secret } });
      assert.ok(!JSON.stringify(sdk).includes(secret));
    });
  });
});
