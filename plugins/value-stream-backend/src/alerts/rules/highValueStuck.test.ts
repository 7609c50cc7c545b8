import { DEFAULT_STAGES } from '@valuestream/backstage-plugin-value-stream-common';
import { d, HOUR, journey } from '../../metrics/__testUtils__/journeys';
import { DEFAULT_RULE_THRESHOLDS, withDefaultThresholds } from '../thresholds';
import type { RuleInput } from '../types';
import { highValueStuck, highValueStuckRecheck } from './highValueStuck';

const now = d(100);

/** A done item whose Code Review visit lasted `hours`. */
const reviewed = (key: string, hours: number) => {
  const endsAt = d(92) + 10 * HOUR;
  return journey({
    key,
    visits: [
      ['Backlog', d(5)],
      ['In Progress', d(6)],
      ['Code Review', endsAt - hours * HOUR],
      ['Build', endsAt],
      ['Done', endsAt + HOUR],
    ],
  });
};

/** An open item in Code Review for `hours`, with a value. */
const inReview = (key: string, hours: number, value: number | null) => ({
  ...journey({
    key,
    visits: [
      ['Backlog', d(5)],
      ['In Progress', d(6)],
      ['Code Review', now - hours * HOUR],
    ],
  }),
  value,
});

const input = (journeys: RuleInput['journeys']): RuleInput => ({
  now,
  stages: DEFAULT_STAGES,
  journeys,
  itemStats: [],
});

// Visits of 1..5 h: p85 at rank 0.85 × 4 = 3.4 → 4 + 0.4 × (5 − 4) = 4.4 h.
const history = [1, 2, 3, 4, 5].map(n => reviewed(`OLD-${n}`, n));
const items = [
  inReview('PAY-1', 4.5, 80), // over p85, value ≥ 70: fires
  inReview('PAY-2', 4.3, 80), // under p85
  inReview('PAY-3', 10, 60), // below the threshold
  inReview('PAY-4', 10, null), // no value: never high
  inReview('PAY-5', 5, 70), // exactly the threshold: fires
];

describe('high_value_stuck', () => {
  it('fires, critical, for open items of value ≥ 70 past the p85 of their stage', () => {
    const alerts = highValueStuck(
      input([...history, ...items]),
      DEFAULT_RULE_THRESHOLDS,
    );
    expect(alerts.map(a => [a.subject, a.severity, a.stage])).toEqual([
      ['PAY-1', 'critical', 'Code Review'],
      ['PAY-5', 'critical', 'Code Review'],
    ]);
    expect(alerts[0].message).toBe(
      'PAY-1 (value 80) has been in Code Review for 4.5 h; 85% of items leave it within 4.4 h',
    );
    expect(alerts[0].since).toBe(now - 4.5 * HOUR + 4.4 * HOUR);
  });

  it('follows the configured threshold', () => {
    const alerts = highValueStuck(
      input([...history, ...items]),
      withDefaultThresholds({ highValue: { threshold: 50 } }),
    );
    expect(alerts.map(a => a.subject)).toEqual(['PAY-1', 'PAY-3', 'PAY-5']);
  });

  it('needs at least 5 visits of the stage', () => {
    expect(
      highValueStuck(
        input([...history.slice(1), ...items]),
        DEFAULT_RULE_THRESHOLDS,
      ),
    ).toEqual([]);
  });

  it('can be turned off', () => {
    expect(
      highValueStuck(
        input([...history, ...items]),
        withDefaultThresholds({ enabled: { high_value_stuck: false } }),
      ),
    ).toEqual([]);
  });

  it('asks to be rechecked when each high-value item crosses the p85', () => {
    const moments: number[] = [];
    highValueStuckRecheck(
      input([...history, inReview('PAY-2', 4.3, 80)]),
      DEFAULT_RULE_THRESHOLDS,
      m => moments.push(m),
    );
    expect(moments).toEqual([now - 4.3 * HOUR + 4.4 * HOUR]);
  });
});
