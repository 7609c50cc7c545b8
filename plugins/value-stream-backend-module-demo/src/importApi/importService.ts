import type { DemoService } from '../generate';

/**
 * The example service whose history arrives through the importers instead of the demo
 * feed: the demo's loopback GitHub holds its repository (`examples/entities.yaml`,
 * `checkout-service`). Not in `DEMO_SERVICES`, so the feed never sends its events.
 */
export const IMPORT_DEMO_SERVICE: DemoService = {
  name: 'checkout-service',
  repository: 'acme/checkout-service',
  jiraKey: 'CHS',
  argocdApp: 'checkout-service',
  pagerdutyService: 'PCHS001',
  itemsPerWeek: 10,
  reviewMedianHours: 6,
  deployDays: [1, 2, 3, 4, 5],
  topics: [
    'order totals',
    'tax calculation',
    'stock reservation',
    'payment handoff',
    'order events',
    'checkout sessions',
    'delivery slots',
  ],
};

/** The host of the demo's GitHub (a GitHub Enterprise host, so github.com stays untouched). */
export const DEMO_GITHUB_HOST = 'demo-github.localhost';
