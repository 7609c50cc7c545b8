import { createHmac } from 'node:crypto';
import { verifyFocalboardWebhook } from './verify';

const secret = 'focalboard-secret';
const rawBody = Buffer.from('{"id":"c1","type":"card"}');
const signature = `sha256=${createHmac('sha256', secret)
  .update(rawBody)
  .digest('hex')}`;
const basic = (password: string) =>
  `Basic ${Buffer.from(`vs:${password}`).toString('base64')}`;

describe('verifyFocalboardWebhook', () => {
  it('accepts the HMAC of a signing proxy, and only for this body and secret', () => {
    expect(
      verifyFocalboardWebhook(
        { rawBody, headers: { 'x-hub-signature-256': signature } },
        secret,
      ),
    ).toBe(true);
    expect(
      verifyFocalboardWebhook(
        {
          rawBody: Buffer.from('{}'),
          headers: { 'x-hub-signature-256': signature },
        },
        secret,
      ),
    ).toBe(false);
    expect(
      verifyFocalboardWebhook(
        { rawBody, headers: { 'x-hub-signature-256': signature } },
        'other',
      ),
    ).toBe(false);
  });

  it('accepts the secret as the password of the webhook URL (Go sends it as Basic auth)', () => {
    expect(
      verifyFocalboardWebhook(
        { rawBody, headers: { authorization: basic(secret) } },
        secret,
      ),
    ).toBe(true);
    expect(
      verifyFocalboardWebhook(
        { rawBody, headers: { authorization: basic('guess') } },
        secret,
      ),
    ).toBe(false);
  });

  it('refuses an unsigned request, a wrong signature next to a right token, and an empty secret', () => {
    expect(verifyFocalboardWebhook({ rawBody, headers: {} }, secret)).toBe(
      false,
    );
    expect(
      verifyFocalboardWebhook(
        {
          rawBody,
          headers: {
            'x-hub-signature-256': 'sha256=00',
            authorization: basic(secret),
          },
        },
        secret,
      ),
    ).toBe(false);
    expect(
      verifyFocalboardWebhook(
        { rawBody, headers: { authorization: basic('') } },
        '',
      ),
    ).toBe(false);
  });
});
