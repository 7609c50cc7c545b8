import {
  hmacSha256Hex,
  safeEqual,
  verifySharedToken,
} from './webhookVerification';

describe('webhook verification', () => {
  it('computes GitHub’s documented test vector', () => {
    expect(
      hmacSha256Hex("It's a Secret to Everybody", Buffer.from('Hello, World!')),
    ).toBe('757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17');
  });

  it('compares equal, different and different-length values', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abd', 'abc')).toBe(false);
    expect(safeEqual('ab', 'abc')).toBe(false);
    expect(safeEqual('', 'abc')).toBe(false);
  });

  it('accepts the shared token as bearer, header or basic password only', () => {
    const req = (headers: Record<string, string>) => ({
      rawBody: Buffer.alloc(0),
      headers,
    });
    expect(
      verifySharedToken(req({ authorization: 'Bearer s3cret' }), 's3cret'),
    ).toBe(true);
    expect(
      verifySharedToken(req({ 'x-value-stream-token': 's3cret' }), 's3cret'),
    ).toBe(true);
    const basic = Buffer.from('vs:s3cret').toString('base64');
    expect(
      verifySharedToken(req({ authorization: `Basic ${basic}` }), 's3cret'),
    ).toBe(true);
    expect(
      verifySharedToken(req({ authorization: 'Bearer wrong' }), 's3cret'),
    ).toBe(false);
    expect(verifySharedToken(req({}), 's3cret')).toBe(false);
    expect(verifySharedToken(req({ authorization: 'Bearer ' }), '')).toBe(
      false,
    );
    // one character off, shorter, longer, Basic without a user, the bare token
    const check = (headers: Record<string, string>) =>
      verifySharedToken(req(headers), 'a3f9c2e1-shared-token');
    expect(check({ authorization: 'Bearer a3f9c2e1-shared-tokeN' })).toBe(
      false,
    );
    expect(check({ authorization: 'Bearer a3f9' })).toBe(false);
    expect(check({ 'x-value-stream-token': 'a3f9c2e1-shared-tokenx' })).toBe(
      false,
    );
    const noUser = Buffer.from('a3f9c2e1-shared-token').toString('base64');
    expect(check({ authorization: `Basic ${noUser}` })).toBe(false);
    expect(check({ authorization: 'a3f9c2e1-shared-token' })).toBe(false);
    expect(verifySharedToken(req({ 'x-value-stream-token': '' }), '')).toBe(
      false,
    );
  });
});
