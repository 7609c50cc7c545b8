import {
  safeEqual,
  type WebhookRequest,
} from '@valuestream/backstage-plugin-value-stream-node';

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
  return Boolean(token && secret) && safeEqual(token!, secret);
}
