import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookRequest } from './extensionPoints';

/**
 * Compares a presented value with the expected one in constant time.
 * @public
 */
export function safeEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Hex HMAC-SHA256 of the raw request body, as GitHub, Jira and PagerDuty sign webhooks.
 * @public
 */
export function hmacSha256Hex(secret: string, body: Buffer): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * For tools that cannot sign (Argo CD, Jenkins, plain CloudEvents senders): the shared
 * token as `Authorization: Bearer <secret>`, `X-Value-Stream-Token: <secret>`, or
 * `Authorization: Basic` with the secret as password (a URL with user-info,
 * `https://vs:<secret>@host/…`). Compared in constant time.
 * @public
 */
export function verifySharedToken(
  request: WebhookRequest,
  secret: string,
): boolean {
  if (!secret) return false;
  const token = request.headers['x-value-stream-token'];
  if (token && safeEqual(token, secret)) return true;
  const auth = request.headers.authorization?.trim() ?? '';
  const [scheme, value = ''] = auth.split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'bearer') return safeEqual(value, secret);
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 && safeEqual(decoded.slice(colon + 1), secret);
  }
  return false;
}
