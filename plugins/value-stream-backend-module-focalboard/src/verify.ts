import {
  hmacSha256Hex,
  safeEqual,
  verifySharedToken,
  type WebhookRequest,
} from '@valuestream/backstage-plugin-value-stream-node';

/**
 * Focalboard posts its webhooks unsigned (server/services/webhook/webhook.go: a plain
 * `http.Post` of the block). Accepted: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of
 * the raw body>` added by a signing proxy, or the shared secret as a token
 * (`Authorization: Basic` from a webhook URL `https://vs:<secret>@…`, which Go's HTTP
 * client sends; `Bearer`; `X-Value-Stream-Token`). Constant time.
 */
export function verifyFocalboardWebhook(
  request: WebhookRequest,
  secret: string,
): boolean {
  if (!secret) return false;
  const signature = request.headers['x-hub-signature-256']?.trim();
  if (signature)
    return safeEqual(
      signature,
      `sha256=${hmacSha256Hex(secret, request.rawBody)}`,
    );
  return verifySharedToken(request, secret);
}
