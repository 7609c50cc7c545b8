import { createHmac } from 'node:crypto';
import { verifyPagerDutySignature } from './verify';

const secret = 'pd-signing-secret';
const rawBody = Buffer.from('{"event":{"id":"01BZYIL05THJDFF2Y08X9SVMTU"}}');
const sign = (key: string) =>
  `v1=${createHmac('sha256', key).update(rawBody).digest('hex')}`;

describe('verifyPagerDutySignature', () => {
  it('accepts a single valid signature', () => {
    expect(
      verifyPagerDutySignature(
        { rawBody, headers: { 'x-pagerduty-signature': sign(secret) } },
        secret,
      ),
    ).toBe(true);
  });

  it('accepts any match among several signatures (secret rotation)', () => {
    const header = `${sign('old-secret')}, ${sign(secret)}`;
    expect(
      verifyPagerDutySignature(
        { rawBody, headers: { 'x-pagerduty-signature': header } },
        secret,
      ),
    ).toBe(true);
  });

  it('rejects wrong, missing and different-length signatures', () => {
    expect(
      verifyPagerDutySignature(
        { rawBody, headers: { 'x-pagerduty-signature': sign('other') } },
        secret,
      ),
    ).toBe(false);
    expect(verifyPagerDutySignature({ rawBody, headers: {} }, secret)).toBe(
      false,
    );
    expect(
      verifyPagerDutySignature(
        { rawBody, headers: { 'x-pagerduty-signature': 'v1=abc' } },
        secret,
      ),
    ).toBe(false);
    expect(
      verifyPagerDutySignature(
        {
          rawBody,
          headers: {
            'x-pagerduty-signature': sign(secret).replace('v1=', 'v2='),
          },
        },
        secret,
      ),
    ).toBe(false);
  });
});
