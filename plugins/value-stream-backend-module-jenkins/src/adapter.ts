import type { SourceAdapter } from '@valuestream/backstage-plugin-value-stream-node';
import { jenkinsToEvents } from './mapping';
import { verifySharedToken } from './verify';

/**
 * The Jenkins source: Notification plugin messages on
 * `POST /api/value-stream/webhooks/jenkins`, authorised by the shared token.
 * @public
 */
export const jenkinsSourceAdapter: SourceAdapter = {
  id: 'jenkins',
  verify: verifySharedToken,
  toEvents: payload => jenkinsToEvents(payload),
};
