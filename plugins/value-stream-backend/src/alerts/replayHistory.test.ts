import { DEFAULT_STAGES } from '@valuestream/backstage-plugin-value-stream-common';
import { d, journey } from '../metrics/__testUtils__/journeys';
import { journeyAsOf, replayAlerts } from './replayHistory';
import { withDefaultThresholds } from './thresholds';

const item = journey({
  key: 'PAY-1',
  visits: [
    ['Backlog', d(0)],
    ['In Progress', d(1)],
    ['Code Review', d(7)],
  ],
  blocked: [[d(2), d(5)]],
});

describe('journeyAsOf', () => {
  it('keeps what happened before t, the visit and the block running at t open', () => {
    const past = journeyAsOf(item, d(3))!;
    expect(past.stage).toBe('In Progress');
    expect(past.stageEnteredAt).toBe(d(1));
    expect(past.intervals.map(i => [i.stage, i.exitedAt])).toEqual([
      ['Backlog', d(1)],
      ['In Progress', null],
    ]);
    expect(past.blocked).toBe(true);
    expect(past.blockedIntervals).toEqual([
      expect.objectContaining({ from: d(2), to: null }),
    ]);
    expect(past.startedAt).toBe(d(1));
    expect(past.doneAt).toBeNull();
  });

  it('is null before the item existed and the item itself after its last event', () => {
    expect(journeyAsOf(item, d(0))).toBeNull();
    const later = journeyAsOf(item, d(8))!;
    expect(later.stage).toBe('Code Review');
    expect(later.blocked).toBe(false);
    expect(later.intervals).toEqual(item.intervals);
  });
});

describe('replayAlerts', () => {
  it('gives the alerts that opened and resolved in the past, at the steps that saw them', () => {
    // Blocked from day 2 to day 5: more than 24 h at the steps of days 4 and 5, not at day 6.
    const replayed = replayAlerts({
      journeys: [item],
      stages: DEFAULT_STAGES,
      thresholds: withDefaultThresholds({}),
      now: d(10),
      days: 10,
    });
    expect(
      replayed.map(a => [a.rule, a.workItemKey, a.detectedAt, a.resolvedAt]),
    ).toEqual([['item_blocked', 'PAY-1', d(4), d(6)]]);
  });

  it('leaves a condition still true at the last step to the live evaluation', () => {
    const stillBlocked = journey({
      key: 'PAY-2',
      visits: [
        ['Backlog', d(0)],
        ['In Progress', d(1)],
      ],
      blocked: [[d(2), null]],
    });
    expect(
      replayAlerts({
        journeys: [stillBlocked],
        stages: DEFAULT_STAGES,
        thresholds: withDefaultThresholds({}),
        now: d(10),
        days: 10,
      }),
    ).toEqual([]);
  });
});
