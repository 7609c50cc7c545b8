import { DEFAULT_STAGES } from '@valuestream/backstage-plugin-value-stream-common';
import { d, h, HOUR, journey } from '../../metrics/__testUtils__/journeys';
import { DEFAULT_RULE_THRESHOLDS, withDefaultThresholds } from '../thresholds';
import type { RuleInput } from '../types';
import { itemStuck, meanAndSampleSd } from './itemStuck';

const now = d(100);

/** A done item whose Code Review visit lasted `hours`, ending at `endsAt`. */
const reviewed = (key: string, hours: number, endsAt = d(92) + 10 * HOUR) =>
  journey({
    key,
    visits: [
      ['Backlog', d(5)],
      ['In Progress', d(6)],
      ['Code Review', endsAt - hours * HOUR],
      ['Build', endsAt],
      ['Done', endsAt + HOUR],
    ],
  });

/** An open item in Code Review since `enteredAt`. */
const inReview = (key: string, enteredAt: number) =>
  journey({
    key,
    visits: [
      ['Backlog', d(5)],
      ['In Progress', d(6)],
      ['Code Review', enteredAt],
    ],
  });

const input = (journeys: RuleInput['journeys'], at = now): RuleInput => ({
  now: at,
  stages: DEFAULT_STAGES,
  journeys,
  itemStats: [],
});

// Visits of 1..5 h: mean 3 h, sample σ = √(10/4) = 1.5811 h, limit = 6.1623 h
const history = [1, 2, 3, 4, 5].map(n => reviewed(`OLD-${n}`, n));
const limitHours = 3 + 2 * Math.sqrt(2.5);

describe('meanAndSampleSd', () => {
  it('uses n − 1', () => {
    const { mean, sd } = meanAndSampleSd([1, 2, 3, 4, 5]);
    expect(mean).toBe(3);
    expect(sd).toBeCloseTo(Math.sqrt(2.5), 12);
  });
});

describe('item_stuck', () => {
  it('fires when the current visit is longer than mean + 2σ', () => {
    const alerts = itemStuck(
      input([
        ...history,
        inReview('PAY-1', now - 7 * HOUR),
        inReview('PAY-2', now - 6 * HOUR),
      ]),
      DEFAULT_RULE_THRESHOLDS,
    );
    expect(alerts).toEqual([
      {
        rule: 'item_stuck',
        subject: 'PAY-1',
        severity: 'warning',
        stage: 'Code Review',
        workItemKey: 'PAY-1',
        message:
          'PAY-1 has been in Code Review for 7 h; items usually leave it within 6.2 h',
        since: expect.closeTo(now - 7 * HOUR + limitHours * HOUR, 3),
      },
    ]);
  });

  it('is critical past twice the limit', () => {
    const [alert] = itemStuck(
      input([...history, inReview('PAY-1', now - 72 * HOUR)]),
      DEFAULT_RULE_THRESHOLDS,
    );
    expect(alert.severity).toBe('critical');
    expect(alert.message).toBe(
      'PAY-1 has been in Code Review for 3 days; items usually leave it within 6.2 h',
    );
  });

  it('needs 5 visits that ended in the last 90 days', () => {
    const fourRecentOneOld = [
      ...[1, 2, 3, 4].map(n => reviewed(`OLD-${n}`, n)),
      reviewed('ANCIENT', 5, d(10)), // ended exactly 90 days before now: out
    ];
    expect(
      itemStuck(
        input([...fourRecentOneOld, inReview('PAY-1', now - 100 * HOUR)]),
        DEFAULT_RULE_THRESHOLDS,
      ),
    ).toEqual([]);
    // one millisecond later it is in
    const justIn = [
      ...fourRecentOneOld.slice(0, 4),
      reviewed('RECENT', 5, d(10) + 1),
    ];
    expect(
      itemStuck(
        input([...justIn, inReview('PAY-1', now - 100 * HOUR)]),
        DEFAULT_RULE_THRESHOLDS,
      ),
    ).toHaveLength(1);
  });

  it('with σ = 0 fires as soon as the visit is longer than the mean', () => {
    const same = [1, 2, 3, 4, 5].map(n => reviewed(`OLD-${n}`, 2));
    const alerts = itemStuck(
      input([
        ...same,
        inReview('AT', now - 2 * HOUR),
        inReview('PAST', now - 2 * HOUR - 1000),
      ]),
      DEFAULT_RULE_THRESHOLDS,
    );
    expect(alerts.map(a => [a.subject, a.since])).toEqual([
      ['PAST', now - 1000],
    ]);
  });

  it('counts every visit of an item that re-enters the stage, and times only the current visit', () => {
    // R: two 1 h reviews on day 95, then back in review since d(99)
    const reentering = journey({
      key: 'R',
      visits: [
        ['Backlog', d(95)],
        ['In Progress', h(95 * 24)],
        ['Code Review', h(95 * 24 + 1)],
        ['In Progress', h(95 * 24 + 2)],
        ['Code Review', h(95 * 24 + 3)],
        ['In Progress', h(95 * 24 + 4)],
        ['Code Review', d(99)],
      ],
    });
    const others = [1, 2, 3].map(n => reviewed(`OLD-${n}`, 1));
    // 5 samples of 1 h: limit 1 h; R's current visit is 24 h old
    const alerts = itemStuck(
      input([...others, reentering]),
      DEFAULT_RULE_THRESHOLDS,
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ subject: 'R', since: d(99) + HOUR });
    expect(alerts[0].message).toBe(
      'R has been in Code Review for 1 day; items usually leave it within 1 h',
    );
    // without its earlier visits there are only 3 samples
    expect(
      itemStuck(
        input([...others, inReview('R', d(99))]),
        DEFAULT_RULE_THRESHOLDS,
      ),
    ).toEqual([]);
  });

  it('leaves zero-length visits out of the sample', () => {
    const zero = [1, 2, 3, 4, 5].map(n => reviewed(`Z-${n}`, 0));
    expect(
      itemStuck(
        input([...zero, inReview('PAY-1', now - HOUR)]),
        DEFAULT_RULE_THRESHOLDS,
      ),
    ).toEqual([]);
  });

  it('applies per-stage overrides', () => {
    const three = [1, 2, 3].map(n => reviewed(`OLD-${n}`, n)); // mean 2 h
    const journeys = [...three, inReview('PAY-1', now - 2.5 * HOUR)];
    const lenient = withDefaultThresholds({
      stages: { 'Code Review': { minSamples: 3, sigma: 0 } },
    });
    expect(itemStuck(input(journeys), lenient).map(a => a.subject)).toEqual([
      'PAY-1',
    ]);
    const otherStage = withDefaultThresholds({
      stages: { Test: { minSamples: 3, sigma: 0 } },
    });
    expect(itemStuck(input(journeys), otherStage)).toEqual([]);
    const off = withDefaultThresholds({
      stages: {
        'Code Review': {
          minSamples: 3,
          sigma: 0,
          enabled: { item_stuck: false },
        },
      },
    });
    expect(itemStuck(input(journeys), off)).toEqual([]);
  });

  it('ignores Backlog', () => {
    const backlogHistory = [1, 2, 3, 4, 5].map(n =>
      journey({
        key: `B-${n}`,
        visits: [
          ['Backlog', d(90)],
          ['In Progress', d(90) + n * HOUR],
        ],
      }),
    );
    const waiting = journey({ key: 'WAIT', visits: [['Backlog', d(10)]] });
    expect(
      itemStuck(input([...backlogHistory, waiting]), DEFAULT_RULE_THRESHOLDS),
    ).toEqual([]);
  });
});
