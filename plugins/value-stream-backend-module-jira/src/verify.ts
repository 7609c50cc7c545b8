import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookRequest } from '@valuestream/backstage-plugin-value-stream-node';

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
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret)
      .update(request.rawBody)
      .digest('hex')}`,
  );
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
