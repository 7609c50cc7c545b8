import { DEFAULT_STAGES } from '@valuestream/backstage-plugin-value-stream-common';
import type { ItemStats } from '../journeys/types';
import {
  boundaries,
  cfdSeries,
  cycleTimeSeries,
  throughputSeries,
  wipSeries,
} from './timeseries';
import { d, journey } from './__testUtils__/journeys';

const at = (iso: string) => Date.parse(iso);

// Across the EU DST change (2024-03-31): all UTC, so every boundary is 00:00Z.
const window = {
  from: at('2024-03-29T12:00:00Z'),
  to: at('2024-04-02T00:00:00Z'),
};
const items = [
  journey({
    key: 'A',
    visits: [
      ['Backlog', at('2024-03-28T09:00:00Z')],
      ['In Progress', at('2024-03-30T00:00:00Z')], // exactly at a boundary
      ['Code Review', at('2024-03-31T10:00:00Z')],
      ['Done', at('2024-04-01T00:00:00Z')], // exactly at a boundary
    ],
  }),
  journey({
    key: 'B',
    visits: [
      ['Backlog', at('2024-03-30T00:00:00Z')], // created exactly at a boundary
      ['In Progress', at('2024-03-31T00:00:00Z')],
    ],
  }),
  journey({ key: 'C', visits: [['Backlog', at('2024-03-29T08:00:00Z')]] }),
];

const zeros = Object.fromEntries(DEFAULT_STAGES.map(s => [s.name, 0]));
const wipStages = (counts: Record<string, number>) => {
  const { Done: _done, ...rest } = { ...zeros, ...counts };
  return rest;
};

describe('boundaries', () => {
  it('lists 00:00 UTC days in (from, to] across a DST change', () => {
    expect(boundaries(window).map(t => new Date(t).toISOString())).toEqual([
      '2024-03-30T00:00:00.000Z',
      '2024-03-31T00:00:00.000Z',
      '2024-04-01T00:00:00.000Z',
      '2024-04-02T00:00:00.000Z',
    ]);
  });

  it('excludes from and includes to when both are boundaries', () => {
    expect(boundaries({ from: d(0), to: d(2) })).toEqual([d(1), d(2)]);
  });

  it('lists Mondays for weeks', () => {
    // 2024-01-03 is a Wednesday; Mondays are Jan 8 and 15
    expect(boundaries({ from: d(2), to: d(15) }, 'week')).toEqual([
      d(7),
      d(14),
    ]);
  });
});

describe('wipSeries', () => {
  it('describes the state from events strictly before each boundary', () => {
    expect(wipSeries({ items, stages: DEFAULT_STAGES, window })).toEqual([
      {
        t: '2024-03-30T00:00:00.000Z',
        value: 0,
        stages: wipStages({ Backlog: 2 }),
      },
      {
        t: '2024-03-31T00:00:00.000Z',
        value: 1,
        stages: wipStages({ Backlog: 2, 'In Progress': 1 }),
      },
      {
        t: '2024-04-01T00:00:00.000Z',
        value: 2,
        stages: wipStages({ Backlog: 1, 'In Progress': 1, 'Code Review': 1 }),
      },
      {
        t: '2024-04-02T00:00:00.000Z',
        value: 1,
        stages: wipStages({ Backlog: 1, 'In Progress': 1 }),
      },
    ]);
  });

  it('has no points for an empty window', () => {
    expect(
      wipSeries({
        items,
        stages: DEFAULT_STAGES,
        window: { from: d(0), to: d(0) },
      }),
    ).toEqual([]);
  });
});

describe('cfdSeries', () => {
  it('counts items in each stage or a later one, for every stage', () => {
    const points = cfdSeries({ items, stages: DEFAULT_STAGES, window });
    expect(points).toHaveLength(4);
    expect(points[2]).toEqual({
      t: '2024-04-01T00:00:00.000Z',
      stages: {
        ...zeros,
        Backlog: 3,
        'In Progress': 2,
        'Code Review': 1,
      },
    });
    expect(points[3].stages).toEqual({
      Backlog: 3,
      'In Progress': 2,
      'Code Review': 1,
      Build: 1,
      Test: 1,
      'Deploy Staging': 1,
      Validation: 1,
      'Deploy Production': 1,
      Monitoring: 1,
      Done: 1,
    });
    expect(Object.keys(points[0].stages)).toEqual(
      DEFAULT_STAGES.map(s => s.name),
    );
  });
});

describe('throughputSeries', () => {
  // 2024-01-01 (d(0)) is a Monday.
  const weekWindow = { from: d(2) + 12 * 3_600_000, to: d(16) };
  const doneAts = [
    d(2) + 12 * 3_600_000 - 1, // before from: out
    d(2) + 12 * 3_600_000, // at from: in, week of Jan 1
    d(7) - 1, // Sunday 23:59:59.999: week of Jan 1
    d(7), // Monday 00:00: week of Jan 8
    d(15) + 23 * 3_600_000, // week of Jan 15
    d(16), // at to: out
  ];

  it('counts per ISO week starting Monday, clipped to the window', () => {
    expect(throughputSeries(doneAts, weekWindow)).toEqual([
      { t: '2024-01-01T00:00:00.000Z', value: 2 },
      { t: '2024-01-08T00:00:00.000Z', value: 1 },
      { t: '2024-01-15T00:00:00.000Z', value: 1 },
    ]);
  });

  it('counts per day', () => {
    expect(throughputSeries(doneAts, { from: d(6), to: d(8) }, 'day')).toEqual([
      { t: '2024-01-07T00:00:00.000Z', value: 1 },
      { t: '2024-01-08T00:00:00.000Z', value: 1 },
    ]);
  });

  it('is empty for an empty window', () => {
    expect(throughputSeries(doneAts, { from: d(3), to: d(3) })).toEqual([]);
  });
});

describe('cycleTimeSeries', () => {
  const stats = (
    key: string,
    doneAt: number | null,
    cycleTime: number | null,
  ): ItemStats => ({
    key,
    itemType: 'feature',
    createdAt: d(0),
    startedAt: d(0),
    doneAt,
    cycleTime,
    leadTime: cycleTime,
    activeTime: 0,
    waitTime: 0,
    blockedTime: 0,
  });

  it('has one point per item done in the window, in done order', () => {
    const points = cycleTimeSeries(
      [
        stats('B', d(3), 500),
        stats('A', d(1), 100),
        stats('C', d(5), 900), // at to: out
        stats('D', null, null),
        stats('E', d(0), 50), // at from: in
      ],
      { from: d(0), to: d(5) },
    );
    expect(points).toEqual([
      { t: '2024-01-01T00:00:00.000Z', key: 'E', value: 50 },
      { t: '2024-01-02T00:00:00.000Z', key: 'A', value: 100 },
      { t: '2024-01-04T00:00:00.000Z', key: 'B', value: 500 },
    ]);
  });
});
