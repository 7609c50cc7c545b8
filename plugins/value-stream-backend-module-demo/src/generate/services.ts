/**
 * One example service of the demo and the names it has in each tool. The
 * catalog entity `component:default/<name>` carries the matching annotations
 * (`github.com/project-slug`, `jira/project-key`, `argocd/app-name`,
 * `pagerduty.com/service-id`), so the events resolve like a real install's.
 * @public
 */
export interface DemoService {
  /** Catalog entity name. */
  name: string;
  /** GitHub `owner/name`. */
  repository: string;
  /**
   * The service's folder in a monorepo (`services/ledger/`), shared by other services'
   * `repository`: its commits touch only files there (DESIGN §13). Absent: the whole repository.
   */
  path?: string;
  /** Added to its PR numbers, so services of one repository never share a number. */
  prNumberOffset?: number;
  /** Jira project key. */
  jiraKey: string;
  /** Argo CD application name (`data.service` of deployments). */
  argocdApp: string;
  /** PagerDuty service id (`data.service` of incidents). */
  pagerdutyService: string;
  /** Items created per week, on average. */
  itemsPerWeek: number;
  /** Median wait from PR opened to review, hours. */
  reviewMedianHours: number;
  /** Weekdays with a deployment train (1 = Monday … 5 = Friday). */
  deployDays: number[];
  /** Things the team works on, for titles. */
  topics: string[];
  /** The Code Review bottleneck: slow reviews, and PRs pile up in the last days. */
  reviewBottleneck?: boolean;
  /** A production deployment about three weeks ago is rolled back. */
  rollback?: boolean;
  /** An incident opened a few hours before now is still open. */
  openIncident?: boolean;
  /**
   * A 45-minute incident a few hours after the production deployment of a feature shipped
   * about 12 days before now, attributed to it: that feature's outcome shows it (DESIGN §14).
   */
  featureIncident?: boolean;
  /**
   * Commits of the last 30 days that name no work item, on a branch with no PR (DESIGN §16):
   * what its data-health card asks to fix. Defaults to 0.
   */
  unlinkedCommits?: number;
}

/**
 * The example catalog (`examples/` in the repository). Change it here to
 * demo other names.
 * @public
 */
export const DEMO_SERVICES: readonly DemoService[] = [
  {
    name: 'payments-api',
    repository: 'acme/payments-api',
    jiraKey: 'PAY',
    argocdApp: 'payments-api',
    pagerdutyService: 'PPAY001',
    itemsPerWeek: 13,
    reviewMedianHours: 30,
    deployDays: [1, 2, 3, 4, 5],
    topics: [
      'card capture',
      'refund flow',
      'payment intents API',
      '3-D Secure challenge',
      'idempotency keys',
      'settlement report',
      'currency conversion',
      'fraud score webhook',
      'payout scheduling',
    ],
    reviewBottleneck: true,
    featureIncident: true,
  },
  {
    name: 'checkout-web',
    repository: 'acme/checkout-web',
    jiraKey: 'CHK',
    argocdApp: 'checkout-web',
    pagerdutyService: 'PCHK001',
    itemsPerWeek: 12,
    reviewMedianHours: 4,
    deployDays: [1, 2, 3, 4, 5],
    topics: [
      'cart summary',
      'address form',
      'promo codes',
      'guest checkout',
      'order confirmation page',
      'shipping options',
      'saved cards UI',
      'basket analytics',
    ],
    rollback: true,
  },
  {
    name: 'ledger-service',
    repository: 'acme/ledger-service',
    jiraKey: 'LED',
    argocdApp: 'ledger-service',
    pagerdutyService: 'PLED001',
    itemsPerWeek: 11,
    reviewMedianHours: 5,
    deployDays: [1, 2, 3, 4],
    topics: [
      'double-entry postings',
      'balance snapshots',
      'reconciliation job',
      'journal export',
      'account freeze',
      'FX revaluation',
      'audit trail',
    ],
    openIncident: true,
  },
  {
    name: 'notifications-worker',
    repository: 'acme/notifications-worker',
    jiraKey: 'NOT',
    argocdApp: 'notifications-worker',
    pagerdutyService: 'PNOT001',
    unlinkedCommits: 45,
    itemsPerWeek: 11,
    reviewMedianHours: 3,
    deployDays: [2, 4],
    topics: [
      'email templates',
      'SMS fallback',
      'push delivery receipts',
      'digest scheduler',
      'unsubscribe links',
      'retry queue',
      'webhook fan-out',
    ],
  },
  // Two services of one monorepo (DESIGN §13): each owns the commits touching its folder.
  {
    name: 'platform-ledger',
    repository: 'acme/platform-mono',
    path: 'services/ledger/',
    jiraKey: 'PLG',
    argocdApp: 'platform-ledger',
    pagerdutyService: 'PPLG001',
    itemsPerWeek: 12,
    reviewMedianHours: 6,
    deployDays: [1, 2, 3, 4, 5],
    topics: [
      'posting rules',
      'ledger API pagination',
      'balance cache',
      'month-end close',
      'chart of accounts',
      'posting replay',
    ],
  },
  {
    name: 'platform-notifier',
    repository: 'acme/platform-mono',
    path: 'services/notifier/',
    prNumberOffset: 5000,
    jiraKey: 'PNF',
    argocdApp: 'platform-notifier',
    pagerdutyService: 'PPNF001',
    itemsPerWeek: 9,
    reviewMedianHours: 2,
    deployDays: [3],
    topics: [
      'template rendering',
      'quiet hours',
      'channel preferences',
      'bounce handling',
      'notification audit log',
      'rate limiter',
    ],
  },
];
