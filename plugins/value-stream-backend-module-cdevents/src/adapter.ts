import type { SourceAdapter } from '@valuestream/backstage-plugin-value-stream-node';
import { cdeventsToEvents } from './mapping';
import { verifySharedToken } from './verify';

/**
 * The CDEvents source: CloudEvents on `POST /api/value-stream/webhooks/cdevents`,
 * authorised by the shared token. (`POST /events` takes CDEvents with Backstage
 * credentials instead.)
 * @public
 */
export const cdeventsSourceAdapter: SourceAdapter = {
  id: 'cdevents',
  verify: verifySharedToken,
  toEvents: cdeventsToEvents,
};
