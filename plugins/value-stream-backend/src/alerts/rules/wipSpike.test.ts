import { DEFAULT_STAGES } from '@valuestream/backstage-plugin-value-stream-common';
import { d, HOUR, journey } from '../../metrics/__testUtils__/journeys';
import { DEFAULT_RULE_THRESHOLDS, withDefaultThresholds } from '../thresholds';
import type { RuleInput } from '../types';
import { wipSpike } from './wipSpike';

const now = d(100) + 12 * HOUR;
const review = (key: string, from: number, to?: number) =>
  journey({
    key,
    visits: [
      ['Backlog', d(0)],
      ['Code Review', from],
      ...(to === undefined ? [] : ([['Build', to]] as Array<[string, number]>)),
    ],
  });
const input = (journeys: RuleInput['journeys']): RuleInput => ({
  now,
  stages: DEFAULT_STAGES,
  journeys,
  itemStats: [],
});

// Daily samples at d(71)..d(100) (30 boundaries in (now − 30 d, now]):
// A (from d(80), open) counts at d(81)..d(100): 20; B (d(90)–d(95)) at d(91)..d(95): 5.
// Average 25/30 = 0.8333, spike threshold 1.25.
const history = [review('A', d(80)), review('B', d(90), d(95))];

describe('wip_spike', () => {
  it('fires when WIP > 1.5 × the average daily WIP and ≥ 3', () => {
    const alerts = wipSpike(
      input([
        ...history,
        review('N1', d(100) + HOUR),
        review('N2', d(100) + 2 * HOUR),
      ]),
      DEFAULT_RULE_THRESHOLDS,
    );
    expect(alerts).toEqual([
      {
        rule: 'wip_spike',
        subject: 'Code Review',
        severity: 'warning',
        stage: 'Code Review',
        message:
          'Code Review has 3 items in progress, 3.6× its daily average of 0.8 over the last 30 days',
        since: d(100) + 2 * HOUR, // WIP reached 3 then
      },
    ]);
  });

  it('needs a WIP of at least 3', () => {
    expect(
      wipSpike(
        input([...history, review('N1', d(100) + HOUR)]),
        DEFAULT_RULE_THRESHOLDS,
      ),
    ).toEqual([]);
  });

  it('does not fire when the stage always held that many', () => {
    const steady = ['S1', 'S2', 'S3', 'S4'].map(k => review(k, d(50)));
    expect(
      wipSpike(
        input([...steady, review('N1', d(100) + HOUR)]),
        DEFAULT_RULE_THRESHOLDS,
      ),
    ).toEqual([]);
  });

  it('fires on a stage with no history', () => {
    const alerts = wipSpike(
      input(['N1', 'N2', 'N3'].map(k => review(k, d(100) + HOUR))),
      DEFAULT_RULE_THRESHOLDS,
    );
    expect(alerts.map(a => a.message)).toEqual([
      'Code Review has 3 items in progress, up from a daily average of 0 over the last 30 days',
    ]);
  });

  it('applies per-stage overrides', () => {
    const journeys = [...history, review('N1', d(100) + HOUR)]; // WIP 2
    expect(
      wipSpike(
        input(journeys),
        withDefaultThresholds({
          stages: { 'Code Review': { spikeMinWip: 2 } },
        }),
      ),
    ).toHaveLength(1);
    expect(
      wipSpike(
        input(journeys),
        withDefaultThresholds({
          stages: { 'Code Review': { spikeMinWip: 2, spikeFactor: 3 } },
        }),
      ),
    ).toEqual([]);
  });
});
