import type { SourceAdapter } from '@valuestream/backstage-plugin-value-stream-node';
import { gitlabToEvents } from './mapping';
import { verifyGitlabToken } from './verify';

/**
 * The GitLab source: `POST /api/value-stream/webhooks/gitlab` with
 * `X-Gitlab-Token`, and the events-service topic `gitlab` of
 * `@backstage/plugin-events-backend-module-gitlab`.
 * @public
 */
export const gitlabSourceAdapter: SourceAdapter = {
  id: 'gitlab',
  verify: verifyGitlabToken,
  toEvents: gitlabToEvents,
  eventTopics: ['gitlab'],
};
