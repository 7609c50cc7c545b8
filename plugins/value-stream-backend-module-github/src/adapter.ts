import type { SourceAdapter } from '@valuestream/backstage-plugin-value-stream-node';
import { githubToEvents } from './mapping';
import { verifyGithubSignature } from './verify';

/**
 * The GitHub source: `POST /api/value-stream/webhooks/github`, signed with
 * `X-Hub-Signature-256`, and the events-service topic `github` of
 * `@backstage/plugin-events-backend-module-github`.
 * @public
 */
export const githubSourceAdapter: SourceAdapter = {
  id: 'github',
  verify: verifyGithubSignature,
  toEvents: githubToEvents,
  eventTopics: ['github'],
};
