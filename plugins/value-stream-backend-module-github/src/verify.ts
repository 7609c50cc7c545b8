import {
  hmacSha256Hex,
  safeEqual,
  type WebhookRequest,
} from '@valuestream/backstage-plugin-value-stream-node';

/**
 * Checks `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>` in
 * constant time.
 * @internal
 */
export function verifyGithubSignature(
  request: WebhookRequest,
  secret: string,
): boolean {
  const header = request.headers['x-hub-signature-256'];
  if (!header || !secret) return false;
  return safeEqual(
    header.trim(),
    `sha256=${hmacSha256Hex(secret, request.rawBody)}`,
  );
}
