import { DEFAULT_STAGES } from '@valuestream/backstage-plugin-value-stream-common';
import type { ItemStats } from '../../journeys/types';
import { d } from '../../metrics/__testUtils__/journeys';
import { doneStats } from '../../metrics/__testUtils__/stats';
import { DEFAULT_RULE_THRESHOLDS, withDefaultThresholds } from '../thresholds';
import type { RuleInput } from '../types';
import { cycleTimeOutlier } from './cycleTimeOutlier';

const now = d(100);
const input = (itemStats: ItemStats[]): RuleInput => ({
  now,
  stages: DEFAULT_STAGES,
  journeys: [],
  itemStats,
});

// Done in the last 90 days: 1, 1, 1, 10, 1, 8 days -> mean 22/6 = 3.667 days, 2× = 7.33 days
const items = [
  doneStats('OLD', d(5), 100 * 24), // done 95 days ago: not in the mean
  doneStats('A', d(20), 24),
  doneStats('B', d(30), 24),
  doneStats('C', d(40), 24),
  doneStats('SLOW-BUT-OLD', d(92), 240), // 8 days ago: in the mean, not checked
  doneStats('D', d(95), 24),
  doneStats('X', d(98), 192),
  {
    ...doneStats('OPEN', d(0), 0),
    doneAt: null,
    cycleTime: null,
  },
];

describe('cycle_time_outlier', () => {
  it('flags items done in the last 7 days that took > 2 × the 90-day mean', () => {
    expect(cycleTimeOutlier(input(items), DEFAULT_RULE_THRESHOLDS)).toEqual([
      {
        rule: 'cycle_time_outlier',
        subject: 'X',
        severity: 'warning',
        workItemKey: 'X',
        message:
          'X took 8 days from start to done, 2.2× the mean of 3.7 days over the last 90 days',
        since: d(98),
      },
    ]);
  });

  it('checks items done in (now − 7 days, now] only', () => {
    // without X, with a 20-day item: mean 34/6 = 5.7 days, 20 days is an outlier
    const withEdge = (doneAt: number) => [
      ...items.slice(0, 6),
      doneStats('EDGE', doneAt, 20 * 24),
    ];
    expect(
      cycleTimeOutlier(input(withEdge(d(93))), DEFAULT_RULE_THRESHOLDS),
    ).toEqual([]);
    expect(
      cycleTimeOutlier(input(withEdge(d(93) + 1)), DEFAULT_RULE_THRESHOLDS).map(
        a => a.subject,
      ),
    ).toEqual(['EDGE']);
  });

  it('never flags a single item', () => {
    expect(
      cycleTimeOutlier(
        input([doneStats('ONLY', d(99), 1000)]),
        DEFAULT_RULE_THRESHOLDS,
      ),
    ).toEqual([]);
  });

  it('takes its factor from the thresholds', () => {
    expect(
      cycleTimeOutlier(
        input(items),
        withDefaultThresholds({ outlierFactor: 2.5 }),
      ),
    ).toEqual([]);
  });
});
