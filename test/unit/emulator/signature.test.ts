import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import { OpenApiUtil } from '@alicloud/openapi-core';
import {
  acs3CanonicalRequest,
  acs3Signature,
  acs3StringToSign,
  parseAcs3Authorization,
  percentEncode,
  sha256Hex,
  v2Signature,
  v2StringToSign,
} from '../../../src/emulator/signature';

type SdkRequest = Parameters<typeof OpenApiUtil.getAuthorization>[0];

/** The signature the SDK computes for a request, via its own utility. */
function sdkAcs3(query: Record<string, string>, headers: Record<string, string>, secret: string): string {
  const auth = OpenApiUtil.getAuthorization(
    { method: 'POST', pathname: '/', query, headers } as unknown as SdkRequest,
    'ACS3-HMAC-SHA256',
    headers['x-acs-content-sha256'],
    'AKID',
    secret,
  );
  return parseAcs3Authorization(auth)!.signature;
}

function ours(query: Record<string, string>, headers: Record<string, string>, secret: string): string {
  const signedHeaders = Object.keys(headers).filter((h) => h.startsWith('x-acs-') || h === 'host' || h === 'content-type');
  return acs3Signature(
    secret,
    acs3StringToSign(acs3CanonicalRequest({ method: 'POST', pathname: '/', query, headers, signedHeaders, payloadHash: headers['x-acs-content-sha256'] })),
  );
}

const baseHeaders = {
  host: '127.0.0.1:8080',
  'x-acs-action': 'DescribeTasks',
  'x-acs-version': '2015-01-01',
  'x-acs-date': '2024-05-01T10:00:00Z',
  'x-acs-signature-nonce': 'abc123',
  'x-acs-content-sha256': sha256Hex(''),
};

describe('emulator/signature', () => {
  it('computes the same ACS3 signature as the SDK for awkward values', () => {
    const query = { InstanceId: 'r-bp1', Status: '0,1,2', Config: '{"a b":"x+y*(!)\'~"}', Name: 'ünï 名' };
    assert.equal(ours(query, baseHeaders, 'secret'), sdkAcs3(query, baseHeaders, 'secret'));
    assert.notEqual(ours(query, baseHeaders, 'other'), sdkAcs3(query, baseHeaders, 'secret'));
  });

  it('matches the SDK ACS3 signature for any query', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== '__proto__'), fc.string({ maxLength: 20 })), (query) => {
        assert.equal(ours(query, baseHeaders, 's3cr3t'), sdkAcs3(query, baseHeaders, 's3cr3t'));
      }),
      { numRuns: 200 },
    );
  });

  it('computes the same v2 signature as the SDK', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== '__proto__' && k !== 'Signature'), fc.string({ maxLength: 20 })), (dict) => {
        const params: Record<string, string> = { ...dict }; // a plain object: the SDK's flattening needs a prototype
        assert.equal(v2Signature('k', v2StringToSign('POST', params)), OpenApiUtil.getRPCSignature(params, 'POST', 'k'));
      }),
      { numRuns: 200 },
    );
  });

  it('leaves Signature out of the v2 string to sign', () => {
    assert.equal(v2StringToSign('POST', { A: '1', Signature: 'x' }), v2StringToSign('POST', { A: '1' }));
  });

  it('percent-encodes like Alibaba', () => {
    assert.equal(percentEncode("a b!'()*~"), 'a%20b%21%27%28%29%2A~');
  });

  it('parses an Authorization header and rejects other shapes', () => {
    assert.deepEqual(parseAcs3Authorization('ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;x-acs-date,Signature=AB12'), {
      algorithm: 'ACS3-HMAC-SHA256',
      accessKeyId: 'AK',
      signedHeaders: ['host', 'x-acs-date'],
      signature: 'ab12',
    });
    assert.equal(parseAcs3Authorization('Bearer xyz'), undefined);
  });
});
