import {
  hmacSha256Hex,
  safeEqual,
  type WebhookRequest,
} from '@valuestream/backstage-plugin-value-stream-node';

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
  const expected = `v1=${hmacSha256Hex(secret, request.rawBody)}`;
  // Every listed signature is compared (no early exit), so timing reveals nothing.
  return header
    .split(',')
    .map(signature => safeEqual(signature.trim(), expected))
    .reduce((a, b) => a || b, false);
}
