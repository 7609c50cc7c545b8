import type { SourceAdapter } from '@valuestream/backstage-plugin-value-stream-node';
import { jiraToEvents, JiraMappingOptions } from './mapping';
import { verifyJiraSignature } from './verify';

/**
 * The Jira source: `POST /api/value-stream/webhooks/jira`, signed with
 * `X-Hub-Signature` (Jira Cloud webhook secret).
 * @public
 */
export function createJiraSourceAdapter(
  options: JiraMappingOptions = {},
): SourceAdapter {
  return {
    id: 'jira',
    verify: verifyJiraSignature,
    toEvents: payload => jiraToEvents(payload, options),
  };
}
