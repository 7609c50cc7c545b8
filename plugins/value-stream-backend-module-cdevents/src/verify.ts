import { timingSafeEqual } from 'node:crypto';
import type { WebhookRequest } from '@valuestream/backstage-plugin-value-stream-node';

function same(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The tool sends no signature, so it must present the shared token:
 * `Authorization: Bearer <secret>`, `X-Value-Stream-Token: <secret>`, or
 * `Authorization: Basic` with the secret as password (a URL with user-info,
 * `https://vs:<secret>@host/…`). Compared in constant time.
 * @internal
 */
export function verifySharedToken(
  request: WebhookRequest,
  secret: string,
): boolean {
  if (!secret) return false;
  const token = request.headers['x-value-stream-token'];
  if (token && same(token, secret)) return true;
  const auth = request.headers.authorization?.trim() ?? '';
  const [scheme, value = ''] = auth.split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'bearer') return same(value, secret);
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 && same(decoded.slice(colon + 1), secret);
  }
  return false;
}
