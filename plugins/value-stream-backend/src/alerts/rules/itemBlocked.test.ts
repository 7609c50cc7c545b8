import { DEFAULT_STAGES } from '@valuestream/backstage-plugin-value-stream-common';
import { d, HOUR, journey } from '../../metrics/__testUtils__/journeys';
import { DEFAULT_RULE_THRESHOLDS, withDefaultThresholds } from '../thresholds';
import type { RuleInput } from '../types';
import { itemBlocked } from './itemBlocked';

const now = d(100);
const blockedIn = (
  key: string,
  stage: string,
  blocked: Array<[number, number | null]>,
  done = false,
) =>
  journey({
    key,
    visits: [
      ['Backlog', d(80)],
      [stage, d(90)],
      ...(done ? ([['Done', d(99)]] as Array<[string, number]>) : []),
    ],
    blocked,
  });
const input = (journeys: RuleInput['journeys']): RuleInput => ({
  now,
  stages: DEFAULT_STAGES,
  journeys,
  itemStats: [],
});

const journeys = [
  blockedIn('A', 'Code Review', [[d(98), null]]), // 48 h
  blockedIn('B', 'Code Review', [[d(99) + HOUR, null]]), // 23 h
  blockedIn('C', 'Test', [
    [d(97), d(98)],
    [d(98), null],
  ]), // one run of 72 h
  blockedIn('D', 'Test', [[d(90), null]], true), // done
  blockedIn('E', 'Test', [[d(90), d(95)]]), // unblocked
];

describe('item_blocked', () => {
  it('fires for open items blocked more than 24 h', () => {
    expect(itemBlocked(input(journeys), DEFAULT_RULE_THRESHOLDS)).toEqual([
      {
        rule: 'item_blocked',
        subject: 'A',
        severity: 'warning',
        stage: 'Code Review',
        workItemKey: 'A',
        message: 'A has been blocked for 2 days in Code Review',
        since: d(99),
      },
      {
        rule: 'item_blocked',
        subject: 'C',
        severity: 'critical',
        stage: 'Test',
        workItemKey: 'C',
        message: 'C has been blocked for 3 days in Test',
        since: d(98),
      },
    ]);
  });

  it('does not fire at exactly 24 h', () => {
    expect(
      itemBlocked(
        input([blockedIn('X', 'Build', [[d(99), null]])]),
        DEFAULT_RULE_THRESHOLDS,
      ),
    ).toEqual([]);
  });

  it('uses the thresholds of the item’s current stage', () => {
    const thresholds = withDefaultThresholds({
      stages: { 'Code Review': { blockedHours: 72 } },
    });
    expect(
      itemBlocked(input(journeys), thresholds).map(a => a.subject),
    ).toEqual(['C']);
  });
});
