import {
  byEntity,
  groupSummary,
  heatmapRow,
  previousWindow,
} from './organisation';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

describe('previousWindow', () => {
  it('is the window of equal length ending where it starts', () => {
    expect(previousWindow({ from: T0, to: T0 + 7 * DAY })).toEqual({
      from: T0 - 7 * DAY,
      to: T0,
    });
    // 30 days ending 2026-03-01: 2026-01-30 .. 2026-03-01 → 2025-12-31 .. 2026-01-30
    const to = Date.UTC(2026, 2, 1);
    expect(previousWindow({ from: to - 30 * DAY, to })).toEqual({
      from: Date.UTC(2025, 11, 31),
      to: Date.UTC(2026, 0, 30),
    });
    // An odd length in milliseconds stays exact.
    expect(previousWindow({ from: 10, to: 17 })).toEqual({ from: 3, to: 10 });
  });
});

describe('heatmapRow', () => {
  const stages = ['Backlog', 'In Progress', 'Done'];
  it('gives each stage its share of the group’s time and its open alerts', () => {
    const row = heatmapRow({
      groupRef: 'group:default/pay',
      entityRefs: ['component:default/a', 'component:default/b'],
      stages,
      stageSeconds: byEntity([
        { entityRef: 'component:default/a', stage: 'Backlog', seconds: 30 },
        { entityRef: 'component:default/a', stage: 'In Progress', seconds: 10 },
        { entityRef: 'component:default/b', stage: 'In Progress', seconds: 50 },
        { entityRef: 'component:default/b', stage: 'QA', seconds: 10 },
        // not the group's
        { entityRef: 'component:default/c', stage: 'Backlog', seconds: 900 },
      ]),
      openAlerts: byEntity([
        { entityRef: 'component:default/a', stage: 'In Progress' },
        { entityRef: 'component:default/b', stage: 'In Progress' },
        { entityRef: 'component:default/b', stage: null },
        { entityRef: 'component:default/c', stage: 'Backlog' },
      ]),
    });
    // 30 + 10 + 50 + 10 = 100 seconds; QA (not a configured stage) comes last.
    expect(row).toEqual([
      {
        groupRef: 'group:default/pay',
        stage: 'Backlog',
        openAlerts: 0,
        timeShare: 0.3,
      },
      {
        groupRef: 'group:default/pay',
        stage: 'In Progress',
        openAlerts: 2,
        timeShare: 0.6,
      },
      {
        groupRef: 'group:default/pay',
        stage: 'Done',
        openAlerts: 0,
        timeShare: 0,
      },
      {
        groupRef: 'group:default/pay',
        stage: 'QA',
        openAlerts: 0,
        timeShare: 0.1,
      },
    ]);
  });

  it('gives every share 0 without any time', () => {
    const row = heatmapRow({
      groupRef: 'group:default/empty',
      entityRefs: [],
      stages,
      stageSeconds: new Map(),
      openAlerts: new Map(),
    });
    expect(row.map(c => c.timeShare)).toEqual([0, 0, 0]);
  });
});

describe('groupSummary', () => {
  const item = (
    key: string,
    entityRef: string,
    doneDay: number,
    cycleDays: number,
  ) => ({
    entityRef,
    key,
    itemType: 'feature' as const,
    createdAt: T0 - 20 * DAY,
    startedAt: T0 + (doneDay - cycleDays) * DAY,
    doneAt: T0 + doneDay * DAY,
    cycleTime: cycleDays * 86_400,
    leadTime: cycleDays * 86_400,
    activeTime: cycleDays * 86_400,
    waitTime: 0,
    blockedTime: 0,
  });
  const done = byEntity([
    item('A-1', 'component:default/a', 1, 2),
    // one item of both entities: counted once
    item('S-1', 'component:default/a', 3, 4),
    item('S-1', 'component:default/b', 3, 4),
    // the previous week
    item('B-0', 'component:default/b', -3, 6),
  ]);
  const load = byEntity([
    { entityRef: 'component:default/a', key: 'S-2' },
    { entityRef: 'component:default/b', key: 'S-2' },
    { entityRef: 'component:default/b', key: 'B-2' },
  ]);
  const deployments = byEntity([
    {
      entityRef: 'component:default/a',
      deploymentId: 'd1',
      finishedAt: T0 + DAY,
    },
    {
      entityRef: 'component:default/b',
      deploymentId: 'd1',
      finishedAt: T0 + DAY,
    },
    {
      entityRef: 'component:default/b',
      deploymentId: 'd0',
      finishedAt: T0 - DAY,
    },
  ]);
  const entityRefs = ['component:default/a', 'component:default/b'];

  it('counts an item, a WIP item and a deployment of two entities once', () => {
    const s = groupSummary({
      entityRefs,
      window: { from: T0, to: T0 + 7 * DAY },
      done,
      load,
      deployments,
      openAlerts: byEntity([
        { entityRef: 'component:default/a' },
        { entityRef: 'component:default/b' },
      ]),
    });
    expect(s.window).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-01-08T00:00:00.000Z',
    });
    expect(s.flow.throughput.total).toBe(2);
    expect(s.flow.throughput.perWeek).toBe(2);
    // p50 of 2 and 4 days
    expect(s.flow.cycleTime!.p50).toBe(3 * 86_400);
    expect(s.flow.load).toBe(2);
    expect(s.dora.deploymentFrequency).toEqual({ count: 1, perWeek: 1 });
    expect(s.openAlerts).toBe(2);
  });

  it('takes only the rows inside its window from a read spanning two periods', () => {
    const s = groupSummary({
      entityRefs,
      window: previousWindow({ from: T0, to: T0 + 7 * DAY }),
      done,
      load: new Map(),
      deployments,
    });
    expect(s.flow.throughput.total).toBe(1);
    expect(s.flow.cycleTime!.p50).toBe(6 * 86_400);
    expect(s.dora.deploymentFrequency.count).toBe(1);
    expect(s.flow.load).toBe(0);
    expect(s.openAlerts).toBe(0);
  });

  it('sums the value of the done items, an item of two entities once, unvalued apart', () => {
    const valued = byEntity([
      { ...item('A-1', 'component:default/a', 1, 2), value: 30 },
      { ...item('S-1', 'component:default/a', 3, 4), value: 50 },
      { ...item('S-1', 'component:default/b', 3, 4), value: 50 },
      { ...item('B-1', 'component:default/b', 5, 1), value: null },
    ]);
    const s = groupSummary({
      entityRefs,
      window: { from: T0, to: T0 + 7 * DAY },
      done: valued,
      load: new Map(),
      deployments: new Map(),
    });
    // 30 + 50 over one week; 80 value over 2 + 4 days of cycle time; 2 of 3 done valued.
    expect(s.value).toEqual({
      delivered: 80,
      velocity: 80,
      efficiency: 80 / 6,
      valuedShare: 2 / 3,
      valued: 2,
      unvalued: 1,
    });
  });
});
