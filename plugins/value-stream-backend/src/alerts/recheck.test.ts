import fc from 'fast-check';
import {
  DEFAULT_STAGES,
  type StageDefinition,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { Journey, StageInterval } from '../journeys/types';
import { computeItemStats } from '../metrics/itemStats';
import { evaluateRules } from './evaluate';
import { nextEvaluationAt } from './recheck';
import { withDefaultThresholds } from './thresholds';
import type { RuleInput } from './types';

const H = 3_600_000;
const D = 24 * H;
const T = Date.parse('2026-03-10T09:00:00Z');
const FAR = T + 1000 * D;
const category = (stage: string) =>
  DEFAULT_STAGES.find(s => s.name === stage)!.category;

/** A journey through `visits` ([stage, enteredAt] in order), blocked during `blocked`. */
function journey(
  key: string,
  visits: [string, number][],
  blocked: { from: number; to: number | null }[] = [],
): Journey {
  const intervals: StageInterval[] = visits.map(([stage, enteredAt], i) => ({
    stage,
    category: category(stage),
    enteredAt,
    exitedAt: i + 1 < visits.length ? visits[i + 1][1] : null,
  }));
  const last = intervals[intervals.length - 1];
  return {
    key,
    title: key,
    itemType: 'feature',
    priority: null,
    value: null,
    labels: [],
    createdAt: visits[0][1],
    startedAt: visits.length > 1 ? visits[1][1] : null,
    doneAt: last.category === 'done' ? last.enteredAt : null,
    stage: last.stage,
    stageEnteredAt: last.enteredAt,
    blocked: blocked.some(b => b.to === null),
    intervals,
    blockedIntervals: blocked,
  };
}

const input = (
  journeys: Journey[],
  now = T,
  stages: readonly StageDefinition[] = DEFAULT_STAGES,
): RuleInput => ({
  now,
  stages,
  journeys,
  itemStats: journeys.map(j => computeItemStats(j, now)),
});

describe('nextEvaluationAt', () => {
  // wip_spike adds the next 00:00 UTC; its own test turns it on.
  const thresholds = withDefaultThresholds({ enabled: { wip_spike: false } });

  it('is the refresh time when no threshold is ahead', () => {
    const done = journey('A-1', [
      ['Backlog', T - 5 * D],
      ['In Progress', T - 4 * D],
      ['Done', T - 3 * D],
    ]);
    expect(nextEvaluationAt(input([done]), thresholds, T + H)).toBe(T + H);
  });

  it('is the moment a blocked item passes 24 h, then 48 h (critical)', () => {
    const blocked = journey(
      'A-1',
      [
        ['Backlog', T - 5 * D],
        ['In Progress', T - 4 * D],
      ],
      [{ from: T - 23 * H, to: null }],
    );
    expect(nextEvaluationAt(input([blocked]), thresholds, FAR)).toBe(T + H);
    expect(nextEvaluationAt(input([blocked], T + 2 * H), thresholds, FAR)).toBe(
      T + 25 * H,
    );
    // An unblocked item has no threshold ahead.
    const unblocked = {
      ...blocked,
      blockedIntervals: [{ from: T - 23 * H, to: T - H }],
    };
    expect(nextEvaluationAt(input([unblocked]), thresholds, FAR)).toBe(FAR);
  });

  it('is the moment an open item crosses mean + 2σ of its stage, then twice it', () => {
    // Five In Progress visits of 1…5 days: mean 3 d, σ = √2.5 d, limit 3 + 2√2.5 ≈ 6.162 d.
    const done = [1, 2, 3, 4, 5].map((days, i) =>
      journey(`A-${i + 1}`, [
        ['Backlog', T - 40 * D],
        ['In Progress', T - 30 * D],
        ['Code Review', T - 30 * D + days * D],
      ]),
    );
    const open = journey('A-9', [
      ['Backlog', T - 2 * D],
      ['In Progress', T - D],
    ]);
    const limitMs = (3 + 2 * Math.sqrt(2.5)) * D;
    // The five done items sit in Code Review (no sample there), so only In Progress counts.
    expect(
      nextEvaluationAt(input([...done, open]), thresholds, FAR),
    ).toBeCloseTo(T - D + limitMs, -1);
    expect(
      nextEvaluationAt(input([...done, open], T + 6 * D), thresholds, FAR),
    ).toBeCloseTo(T - D + 2 * limitMs, -1);
  });

  it('is the next 00:00 UTC for wip_spike, and nothing for it when the rule is off', () => {
    const open = journey('A-1', [['Backlog', T - D]]);
    const midnight = Date.parse('2026-03-11T00:00:00Z');
    const on = withDefaultThresholds();
    expect(nextEvaluationAt(input([open]), on, FAR)).toBe(midnight);
    expect(nextEvaluationAt(input([open]), thresholds, FAR)).toBe(FAR);
  });

  it('is the moment a WIP-limit run reaches its days', () => {
    const stages = DEFAULT_STAGES.map(s =>
      s.name === 'Code Review' ? { ...s, wipLimit: 1 } : s,
    );
    const inReview = (key: string, at: number) =>
      journey(key, [
        ['Backlog', at - D],
        ['Code Review', at],
      ]);
    const journeys = [inReview('A-1', T - 3 * D), inReview('A-2', T - D)];
    // Over the limit since A-2 arrived (T − 1 d): due after 2 days, at T + 1 d.
    expect(nextEvaluationAt(input(journeys, T, stages), thresholds, FAR)).toBe(
      T + D,
    );
  });

  it('is the moment history dated in the future takes effect', () => {
    const early = journey('A-1', [
      ['Backlog', T - D],
      ['In Progress', T + 3 * H],
    ]);
    expect(nextEvaluationAt(input([early]), thresholds, FAR)).toBe(T + 3 * H);
  });

  it('gives the same alerts as evaluating every 30 minutes (random histories)', () => {
    // The item_stuck baseline drifting as visits leave its lookback is the refresh's job: a
    // long lookback keeps it fixed here, so every change must come from a reported moment.
    const thresholdsExact = withDefaultThresholds({
      lookbackDays: 3650,
      spikeLookbackDays: 7,
      blockedHours: 6,
      minSamples: 2,
    });
    const stages = DEFAULT_STAGES.map(s =>
      s.name === 'Code Review' ? { ...s, wipLimit: 2 } : s,
    );
    const active = DEFAULT_STAGES.filter(s => s.category !== 'queue');
    const arbJourney = (i: number) =>
      fc
        .record({
          start: fc.integer({ min: -6 * 48, max: 4 * 48 }),
          steps: fc.array(
            fc.record({
              stage: fc.constantFrom(...active.map(s => s.name)),
              after: fc.integer({ min: 1, max: 3 * 48 }),
            }),
            { maxLength: 5 },
          ),
          block: fc.option(
            fc.record({
              at: fc.integer({ min: 0, max: 4 * 48 }),
              hours: fc.option(fc.integer({ min: 1, max: 72 })),
            }),
          ),
        })
        .map(({ start, steps, block }) => {
          // Half-hour units from T.
          let t = T + start * 30 * 60_000;
          const visits: [string, number][] = [['Backlog', t]];
          for (const s of steps) {
            if (visits[visits.length - 1][0] === 'Done') break;
            t += s.after * 30 * 60_000;
            visits.push([s.stage, t]);
          }
          const from = visits[0][1] + (block?.at ?? 0) * 30 * 60_000;
          const blocked = block
            ? [
                {
                  from,
                  to: block.hours === null ? null : from + block.hours * H,
                },
              ]
            : [];
          return journey(`A-${i}`, visits, blocked);
        });
    fc.assert(
      fc.property(
        fc.tuple(...Array.from({ length: 8 }, (_, i) => arbJourney(i))),
        journeys => {
          const run = (now: number) =>
            evaluateRules(input(journeys, now, stages), thresholdsExact)
              .map(c => `${c.rule}:${c.subject}:${c.severity}`)
              .sort();
          let due = -Infinity;
          let last: string[] = [];
          for (let now = T; now <= T + 6 * D; now += 30 * 60_000) {
            if (now >= due) {
              last = run(now);
              due = nextEvaluationAt(
                input(journeys, now, stages),
                thresholdsExact,
                FAR,
              );
            }
            expect(last).toEqual(run(now));
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
