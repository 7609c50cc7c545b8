import { DEFAULT_STAGES } from '@valuestream/backstage-plugin-value-stream-common';
import { computeItemStats } from '../metrics/itemStats';
import { d, HOUR, journey } from '../metrics/__testUtils__/journeys';
import { diffAlerts, evaluateRules } from './evaluate';
import { DEFAULT_RULE_THRESHOLDS, withDefaultThresholds } from './thresholds';
import type { AlertCandidate, RuleInput } from './types';

const now = d(100);
// One item blocked for 2 days in Code Review (open), one slow done item
// (mostly waiting) and one quick done item.
const journeys = [
  journey({
    key: 'PAY-1',
    visits: [
      ['Backlog', d(90)],
      ['In Progress', d(91)],
      ['Code Review', d(97)],
    ],
    blocked: [[d(98), null]],
  }),
  journey({
    key: 'PAY-2',
    visits: [
      ['Backlog', d(80)],
      ['In Progress', d(80)],
      ['Code Review', d(80) + HOUR],
      ['Done', d(99)],
    ],
  }),
  journey({
    key: 'PAY-3',
    visits: [
      ['Backlog', d(80)],
      ['In Progress', d(90)],
      ['Done', d(90) + HOUR],
    ],
  }),
];
const input: RuleInput = {
  now,
  stages: DEFAULT_STAGES,
  journeys,
  itemStats: journeys.map(j => computeItemStats(j, now)),
};

describe('evaluateRules', () => {
  it('runs every enabled rule', () => {
    const alerts = evaluateRules(input, DEFAULT_RULE_THRESHOLDS);
    expect(alerts.map(a => [a.rule, a.subject])).toEqual([
      // PAY-2: 19 days, mean (19 d + 1 h) / 2: not 2 × the mean
      ['low_flow_efficiency', 'entity'], // PAY-2 alone: 1 h of 19 days active
      ['item_blocked', 'PAY-1'],
    ]);
  });

  it('skips disabled rules', () => {
    const thresholds = withDefaultThresholds({
      enabled: { item_blocked: false },
    });
    expect(evaluateRules(input, thresholds).map(a => a.rule)).toEqual([
      'low_flow_efficiency',
    ]);
  });

  it('gives the same alerts for the same history (backfill = live)', () => {
    const reversed: RuleInput = {
      ...input,
      journeys: [...journeys].reverse(),
      itemStats: [...input.itemStats].reverse(),
    };
    const sort = (list: AlertCandidate[]) =>
      [...list].sort((a, b) =>
        `${a.rule}${a.subject}`.localeCompare(`${b.rule}${b.subject}`),
      );
    expect(sort(evaluateRules(reversed, DEFAULT_RULE_THRESHOLDS))).toEqual(
      sort(evaluateRules(input, DEFAULT_RULE_THRESHOLDS)),
    );
  });
});

describe('diffAlerts', () => {
  const candidate = (
    rule: AlertCandidate['rule'],
    subject: string,
    message = '',
  ): AlertCandidate => ({
    rule,
    subject,
    severity: 'warning',
    message,
    since: now,
  });

  it('opens new, resolves cleared and keeps still-firing alerts, one per rule and subject', () => {
    const open = [
      { id: '1', rule: 'item_stuck', subject: 'PAY-1' },
      { id: '2', rule: 'wip_spike', subject: 'Code Review' },
    ];
    const stuck = candidate('item_stuck', 'PAY-1', 'now 3 days');
    const blocked = candidate('item_blocked', 'PAY-1', 'first');
    const diff = diffAlerts(open, [
      stuck,
      blocked,
      candidate('item_blocked', 'PAY-1', 'second'),
    ]);
    expect(diff).toEqual({
      toOpen: [blocked],
      toResolve: [open[1]],
      stillOpen: [{ alert: open[0], candidate: stuck }],
    });
  });

  it('resolves everything when nothing fires', () => {
    const open = [{ rule: 'item_blocked', subject: 'PAY-1' }];
    expect(diffAlerts(open, [])).toEqual({
      toOpen: [],
      toResolve: open,
      stillOpen: [],
    });
  });
});
