import type { CloudEventsSourceAdapter } from '@valuestream/backstage-plugin-value-stream-node';
import { verifySharedToken } from './verify';

/**
 * The CDEvents source: CloudEvents on `POST /api/value-stream/webhooks/cdevents`,
 * authorised by the shared token. The backend parses them with the CloudEvents parser
 * `POST /events` uses (which takes CDEvents with Backstage credentials instead) and maps
 * them with `cdeventToCanonical` from `-node`.
 * @public
 */
export const cdeventsSourceAdapter: CloudEventsSourceAdapter = {
  id: 'cdevents',
  cloudEvents: true,
  verify: verifySharedToken,
};
