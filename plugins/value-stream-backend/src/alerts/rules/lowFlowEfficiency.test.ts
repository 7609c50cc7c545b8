import { DEFAULT_STAGES } from '@valuestream/backstage-plugin-value-stream-common';
import type { ItemStats } from '../../journeys/types';
import { d, HOUR } from '../../metrics/__testUtils__/journeys';
import { doneStats } from '../../metrics/__testUtils__/stats';
import { DEFAULT_RULE_THRESHOLDS, withDefaultThresholds } from '../thresholds';
import type { RuleInput } from '../types';
import { lowFlowEfficiency } from './lowFlowEfficiency';

const now = d(100);
const input = (itemStats: ItemStats[]): RuleInput => ({
  now,
  stages: DEFAULT_STAGES,
  journeys: [],
  itemStats,
});

// In (d(93), d(100)]: A 2 h active of 10, B 1 h of 10 -> 3/20 = 15 %
const items = [
  doneStats('A', d(95), 10, 2),
  doneStats('B', d(99), 10, 1),
  doneStats('EDGE', d(93), 10, 10), // exactly 7 days ago: out, it left the window now
  doneStats('LEFT', d(92) + 12 * HOUR, 10, 10), // left the window at d(99) + 12 h
];

describe('low_flow_efficiency', () => {
  it('fires below 30 % over items done in the last 7 days', () => {
    expect(lowFlowEfficiency(input(items), DEFAULT_RULE_THRESHOLDS)).toEqual([
      {
        rule: 'low_flow_efficiency',
        subject: 'entity',
        severity: 'warning',
        message:
          'Flow efficiency of the last 7 days is 15 % over 2 done items (minimum 30 %): items spend most of their time waiting',
        since: now,
      },
    ]);
  });

  it('dates the condition from the last change of the measured items', () => {
    const [alert] = lowFlowEfficiency(
      input(items.filter(i => i.key !== 'EDGE')),
      DEFAULT_RULE_THRESHOLDS,
    );
    expect(alert.since).toBe(d(99) + 12 * HOUR); // LEFT left the window then
  });

  it('is critical below half the minimum', () => {
    const [alert] = lowFlowEfficiency(
      input([doneStats('A', d(99), 10, 1)]),
      DEFAULT_RULE_THRESHOLDS,
    );
    expect(alert).toMatchObject({ severity: 'critical', since: d(99) });
    expect(alert.message).toContain('is 10 % over 1 done item (');
  });

  it('needs one done item and a low enough efficiency', () => {
    expect(lowFlowEfficiency(input([]), DEFAULT_RULE_THRESHOLDS)).toEqual([]);
    expect(
      lowFlowEfficiency(
        input([doneStats('A', d(99), 10, 3)]),
        DEFAULT_RULE_THRESHOLDS,
      ),
    ).toEqual([]);
    expect(
      lowFlowEfficiency(
        input(items),
        withDefaultThresholds({ efficiencyMin: 0.15 }),
      ),
    ).toEqual([]);
  });
});
