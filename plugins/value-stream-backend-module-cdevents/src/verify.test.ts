import { verifySharedToken } from './verify';

const secret = 'a3f9c2e1-shared-token';
const rawBody = Buffer.from('{}');
const check = (headers: Record<string, string>) =>
  verifySharedToken({ rawBody, headers }, secret);

describe('verifySharedToken', () => {
  it('accepts the token as Bearer, X-Value-Stream-Token or Basic password', () => {
    expect(check({ authorization: `Bearer ${secret}` })).toBe(true);
    expect(check({ 'x-value-stream-token': secret })).toBe(true);
    const basic = Buffer.from(`cdevents:${secret}`).toString('base64');
    expect(check({ authorization: `Basic ${basic}` })).toBe(true);
  });

  it('rejects a wrong, missing or different-length token', () => {
    expect(check({ authorization: 'Bearer a3f9c2e1-shared-tokeN' })).toBe(
      false,
    );
    expect(check({ authorization: 'Bearer a3f9' })).toBe(false);
    expect(check({ 'x-value-stream-token': `${secret}x` })).toBe(false);
    expect(
      check({
        authorization: `Basic ${Buffer.from(secret).toString('base64')}`,
      }),
    ).toBe(false);
    expect(check({ authorization: secret })).toBe(false);
    expect(check({})).toBe(false);
    expect(
      verifySharedToken(
        { rawBody, headers: { 'x-value-stream-token': '' } },
        '',
      ),
    ).toBe(false);
  });
});
