import type { Alert } from '@valuestream/backstage-plugin-value-stream-common';
import type { ChatAlert } from './types';

/** Alerts for the chat tests. @internal */
export const ITEM_ALERT: ChatAlert = {
  entityRef: 'component:default/payments',
  link: 'https://backstage.example.com/catalog/default/component/payments/value-stream',
  alert: {
    id: 'a1',
    rule: 'item_blocked',
    severity: 'critical',
    stage: 'Code Review',
    workItemKey: 'PAY-1',
    message: 'PAY-1 has been blocked for 2 days in Code Review',
    detectedAt: '2026-01-05T09:00:00Z',
  },
};

/** A stage alert (no work item). @internal */
export const STAGE_ALERT: ChatAlert = {
  ...ITEM_ALERT,
  alert: {
    id: 'a2',
    rule: 'wip_spike',
    severity: 'warning',
    stage: 'In Progress',
    message: 'WIP in In Progress is 9, over 1.5 × its 30-day average of 4',
    detectedAt: '2026-01-05T09:00:00Z',
  } satisfies Alert,
};

/** A key chosen to inject links, mentions and markup. @internal */
export const EVIL_KEY =
  '<https://evil.example|Reset> <!channel> @channel [x](https://evil.example) *b* `c`';

/** The item alert with {@link EVIL_KEY} as its key. @internal */
export const EVIL_ALERT: ChatAlert = {
  ...ITEM_ALERT,
  alert: {
    ...ITEM_ALERT.alert,
    workItemKey: EVIL_KEY,
    message: `${EVIL_KEY} has been blocked for 2 days in Code Review`,
  },
};
