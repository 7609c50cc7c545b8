import type { OverviewGroup } from '@valuestream/backstage-plugin-value-stream-common';
import { overview } from '../../__fixtures__';
import {
  blockedTimeOf,
  groupsUnder,
  heatmapRows,
  parentChoices,
  percentile,
  rootsOf,
  weeklyCycleTime,
} from './organisation';

const refs = (gs: OverviewGroup[]) => gs.map(g => g.groupRef);

describe('the organisation page helpers', () => {
  it('filters by parent group, descendants included, cycles safe', () => {
    expect(refs(groupsUnder(overview.groups, undefined))).toHaveLength(3);
    expect(
      refs(groupsUnder(overview.groups, 'group:default/engineering')),
    ).toEqual([
      'group:default/engineering',
      'group:default/team-payments',
      'group:default/team-web',
    ]);
    expect(
      refs(groupsUnder(overview.groups, 'group:default/team-web')),
    ).toEqual(['group:default/team-web']);
    const cyclic = overview.groups.map(g =>
      g.groupRef === 'group:default/engineering'
        ? { ...g, parentRefs: ['group:default/team-web'] }
        : g,
    );
    expect(refs(groupsUnder(cyclic, 'group:default/team-web'))).toHaveLength(3);
    expect(parentChoices(overview.groups)).toEqual([
      'group:default/engineering',
    ]);
    expect(refs(rootsOf(overview.groups))).toEqual([
      'group:default/engineering',
    ]);
  });

  it('lays the heatmap out as group rows and stage columns', () => {
    const shown = groupsUnder(overview.groups, 'group:default/team-web');
    const { stages, rows } = heatmapRows(overview, shown);
    expect(stages).toEqual(['Backlog', 'In Progress', 'Code Review']);
    expect(rows).toHaveLength(1);
    expect(rows[0].cells.map(c => [c.timeShare, c.openAlerts])).toEqual([
      [0.2, 0],
      [0.5, 0],
      [0.3, 1],
    ]);
  });

  it('gives weekly p50 and p85, an item of two entities once', () => {
    // 2026-01-05 is a Monday.
    const point = (key: string, t: string, days: number) => ({
      key,
      t,
      value: days * 86_400,
    });
    const series = (points: object[]) => ({
      metric: 'cycle_time' as const,
      interval: 'day' as const,
      points: points as any,
    });
    const weeks = weeklyCycleTime(
      [
        series([
          point('A-1', '2026-01-05T10:00:00Z', 1),
          point('A-2', '2026-01-06T10:00:00Z', 2),
          point('S-1', '2026-01-07T10:00:00Z', 3),
        ]),
        series([
          point('S-1', '2026-01-07T10:00:00Z', 3),
          point('B-1', '2026-01-08T10:00:00Z', 4),
          point('B-2', '2026-01-19T10:00:00Z', 10),
        ]),
      ],
      '2026-01-05T00:00:00Z',
      '2026-01-26T00:00:00Z',
    );
    expect(weeks.map(w => w.week)).toEqual([
      '2026-01-05T00:00:00.000Z',
      '2026-01-12T00:00:00.000Z',
      '2026-01-19T00:00:00.000Z',
    ]);
    // 1, 2, 3, 4 days: p50 2.5 d; p85 at rank 2.55 → 3 + 0.55 = 3.55 d
    expect(weeks[0].count).toBe(4);
    expect(weeks[0].p50).toBeCloseTo(2.5 * 86_400);
    expect(weeks[0].p85).toBeCloseTo(3.55 * 86_400);
    expect(weeks[1]).toMatchObject({ count: 0, p50: null, p85: null });
    expect(weeks[2]).toMatchObject({ count: 1, p50: 10 * 86_400 });
    expect(percentile([5], 0.85)).toBe(5);
  });

  it('sums the top blocker categories of the roots', () => {
    expect(blockedTimeOf(rootsOf(overview.groups))).toEqual({
      total: 5 * 86_400,
      byReason: { environment: 3 * 86_400, dependency: 2 * 86_400 },
    });
  });
});
