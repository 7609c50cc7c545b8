import type { StageDefinition } from '@valuestream/backstage-plugin-value-stream-common';
import { d, HOUR, journey } from '../../metrics/__testUtils__/journeys';
import { DEFAULT_RULE_THRESHOLDS, withDefaultThresholds } from '../thresholds';
import type { RuleInput } from '../types';
import { wipOverLimit } from './wipOverLimit';

const stages: StageDefinition[] = [
  { name: 'Backlog', category: 'queue' },
  { name: 'In Progress', category: 'active', wipLimit: 2 },
  { name: 'Code Review', category: 'wait' },
  { name: 'Done', category: 'done', wipLimit: 0 },
];
const working = (key: string, from: number, to?: number) =>
  journey({
    key,
    visits: [
      ['Backlog', d(0)],
      ['In Progress', from],
      ...(to === undefined
        ? []
        : ([['Code Review', to]] as Array<[string, number]>)),
    ],
  });
const input = (journeys: RuleInput['journeys'], now: number): RuleInput => ({
  now,
  stages,
  journeys,
  itemStats: [],
});

// A, B from d(90); C from d(97): 3 > 2 since d(97)
const over = [working('A', d(90)), working('B', d(90)), working('C', d(97))];

describe('wip_over_limit', () => {
  it('fires once the stage has been over its limit for 2 days', () => {
    expect(
      wipOverLimit(input(over, d(99) - 1), DEFAULT_RULE_THRESHOLDS),
    ).toEqual([]);
    expect(wipOverLimit(input(over, d(99)), DEFAULT_RULE_THRESHOLDS)).toEqual([
      {
        rule: 'wip_over_limit',
        subject: 'In Progress',
        severity: 'critical',
        stage: 'In Progress',
        message:
          'In Progress has been over its WIP limit of 2 for 2 days (3 items now)',
        since: d(99),
      },
    ]);
  });

  it('restarts the count when the WIP drops to the limit', () => {
    const dip = [
      working('A', d(90)),
      working('B', d(90)),
      working('C', d(97), d(98)),
      working('E', d(98) + HOUR),
    ];
    expect(
      wipOverLimit(input(dip, d(99) + 12 * HOUR), DEFAULT_RULE_THRESHOLDS),
    ).toEqual([]);
    expect(
      wipOverLimit(input(dip, d(100) + HOUR), DEFAULT_RULE_THRESHOLDS),
    ).toHaveLength(1);
  });

  it('keeps the run when one item leaves as another enters at the same instant', () => {
    const swap = [
      working('A', d(90)),
      working('B', d(90)),
      working('C', d(97), d(98)),
      working('E', d(98)),
    ];
    expect(
      wipOverLimit(input(swap, d(99)), DEFAULT_RULE_THRESHOLDS),
    ).toHaveLength(1);
  });

  it('applies per-stage overrides', () => {
    const oneDay = withDefaultThresholds({
      stages: { 'In Progress': { overLimitDays: 1 } },
    });
    expect(wipOverLimit(input(over, d(98)), oneDay)).toMatchObject([
      { since: d(98) },
    ]);
    expect(wipOverLimit(input(over, d(98)), DEFAULT_RULE_THRESHOLDS)).toEqual(
      [],
    );
  });
});
