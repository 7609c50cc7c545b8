import { createHmac } from 'node:crypto';
import { verifyGithubSignature } from './verify';

const secret = "It's a Secret to Everybody";
const rawBody = Buffer.from('Hello, World!');

describe('verifyGithubSignature', () => {
  // GitHub's documented test vector ("Validating webhook deliveries")
  const documented =
    'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

  it('accepts GitHub’s documented signature', () => {
    expect(
      verifyGithubSignature(
        { rawBody, headers: { 'x-hub-signature-256': documented } },
        secret,
      ),
    ).toBe(true);
  });

  it('accepts a signature computed over the raw bytes', () => {
    const body = Buffer.from('{"zen":"ünïcode"}');
    const sig = `sha256=${createHmac('sha256', 'abc')
      .update(body)
      .digest('hex')}`;
    expect(
      verifyGithubSignature(
        { rawBody: body, headers: { 'x-hub-signature-256': sig } },
        'abc',
      ),
    ).toBe(true);
  });

  it('rejects a wrong secret, a missing header and a different length', () => {
    const headers = { 'x-hub-signature-256': documented };
    expect(verifyGithubSignature({ rawBody, headers }, 'another secret')).toBe(
      false,
    );
    expect(
      verifyGithubSignature(
        { rawBody: Buffer.from('Hello, World?'), headers },
        secret,
      ),
    ).toBe(false);
    expect(verifyGithubSignature({ rawBody, headers: {} }, secret)).toBe(false);
    expect(
      verifyGithubSignature(
        {
          rawBody,
          headers: { 'x-hub-signature-256': documented.slice(0, -2) },
        },
        secret,
      ),
    ).toBe(false);
    expect(
      verifyGithubSignature(
        {
          rawBody,
          headers: {
            'x-hub-signature-256': documented.replace('sha256=', 'sha1='),
          },
        },
        secret,
      ),
    ).toBe(false);
  });
});
