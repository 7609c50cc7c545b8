import { timingSafeEqual } from 'node:crypto';
import type { WebhookRequest } from '@valuestream/backstage-plugin-value-stream-node';

/**
 * GitLab sends the configured secret token verbatim in `X-Gitlab-Token`;
 * compared in constant time.
 * @internal
 */
export function verifyGitlabToken(
  request: WebhookRequest,
  secret: string,
): boolean {
  const token = request.headers['x-gitlab-token'];
  if (!token || !secret) return false;
  const given = Buffer.from(token);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
