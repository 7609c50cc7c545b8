import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookRequest } from '@valuestream/backstage-plugin-value-stream-node';

/**
 * PagerDuty v3 signs with `X-PagerDuty-Signature: v1=<hex HMAC-SHA256>`; during
 * secret rotation the header lists several comma-separated signatures, any of
 * which may match. Each is compared in constant time.
 * @internal
 */
export function verifyPagerDutySignature(
  request: WebhookRequest,
  secret: string,
): boolean {
  const header = request.headers['x-pagerduty-signature'];
  if (!header || !secret) return false;
  const expected = Buffer.from(
    `v1=${createHmac('sha256', secret).update(request.rawBody).digest('hex')}`,
  );
  let match = false;
  for (const signature of header.split(',')) {
    const given = Buffer.from(signature.trim());
    // no early exit: every listed signature is compared
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      match = true;
    }
  }
  return match;
}
