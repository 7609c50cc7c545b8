import { createHmac } from 'node:crypto';
import { verifyJiraSignature } from './verify';

const secret = 'jira-webhook-secret';
const rawBody = Buffer.from('{"webhookEvent":"jira:issue_created"}');
const valid = `sha256=${createHmac('sha256', secret)
  .update(rawBody)
  .digest('hex')}`;

describe('verifyJiraSignature', () => {
  it('accepts the HMAC of the raw body', () => {
    expect(
      verifyJiraSignature(
        { rawBody, headers: { 'x-hub-signature': valid } },
        secret,
      ),
    ).toBe(true);
  });

  it('rejects a wrong secret, a missing header and a different length', () => {
    expect(
      verifyJiraSignature(
        { rawBody, headers: { 'x-hub-signature': valid } },
        'other',
      ),
    ).toBe(false);
    expect(verifyJiraSignature({ rawBody, headers: {} }, secret)).toBe(false);
    expect(
      verifyJiraSignature(
        { rawBody, headers: { 'x-hub-signature': valid.slice(0, 20) } },
        secret,
      ),
    ).toBe(false);
    expect(
      verifyJiraSignature(
        { rawBody: Buffer.from('{}'), headers: { 'x-hub-signature': valid } },
        secret,
      ),
    ).toBe(false);
  });
});
