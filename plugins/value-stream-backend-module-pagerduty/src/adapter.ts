import type { SourceAdapter } from '@valuestream/backstage-plugin-value-stream-node';
import { pagerDutyToEvents } from './mapping';
import { verifyPagerDutySignature } from './verify';

/**
 * The PagerDuty source: `POST /api/value-stream/webhooks/pagerduty`, v3
 * webhooks signed with `X-PagerDuty-Signature`.
 * @public
 */
export const pagerDutySourceAdapter: SourceAdapter = {
  id: 'pagerduty',
  verify: verifyPagerDutySignature,
  toEvents: payload => pagerDutyToEvents(payload),
};
