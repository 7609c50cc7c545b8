import {
  hmacSha256Hex,
  safeEqual,
  type WebhookRequest,
} from '@valuestream/backstage-plugin-value-stream-node';

/**
 * Jira Cloud webhooks created with a secret carry
 * `X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>`; compared in
 * constant time.
 * @internal
 */
export function verifyJiraSignature(
  request: WebhookRequest,
  secret: string,
): boolean {
  const header = request.headers['x-hub-signature'];
  if (!header || !secret) return false;
  return safeEqual(
    header.trim(),
    `sha256=${hmacSha256Hex(secret, request.rawBody)}`,
  );
}
