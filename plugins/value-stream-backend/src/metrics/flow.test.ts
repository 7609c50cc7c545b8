import type { ItemStats } from '../journeys/types';
import { flowEfficiency, flowMetrics } from './flow';
import { d } from './__testUtils__/journeys';

const H = 3600;

function done(
  key: string,
  doneAt: number,
  cycleHours: number,
  activeHours: number,
  itemType: ItemStats['itemType'] = 'feature',
): ItemStats {
  const cycleTime = cycleHours * H;
  return {
    key,
    itemType,
    createdAt: doneAt - (cycleTime + 24 * H) * 1000,
    startedAt: doneAt - cycleTime * 1000,
    doneAt,
    cycleTime,
    leadTime: cycleTime + 24 * H,
    activeTime: activeHours * H,
    waitTime: (cycleHours - activeHours) * H,
    blockedTime: 0,
  };
}

const open: ItemStats = {
  key: 'OPEN-1',
  itemType: 'defect',
  createdAt: d(0),
  startedAt: d(1),
  doneAt: null,
  cycleTime: null,
  leadTime: null,
  activeTime: 10 * H,
  waitTime: 0,
  blockedTime: 0,
};

describe('flowMetrics', () => {
  const window = { from: d(0), to: d(14) };

  it('returns nulls and zero counts for an empty window', () => {
    expect(flowMetrics([open], window, 3)).toEqual({
      throughput: {
        total: 0,
        perWeek: 0,
        byType: { feature: 0, defect: 0, risk: 0, debt: 0 },
      },
      cycleTime: null,
      leadTime: null,
      efficiency: null,
      load: 3,
      distribution: null,
    });
  });

  it('counts items done in [from, to) only: from included, to excluded', () => {
    const items = [
      done('A', d(0), 10, 5), // at from: in
      done('B', d(14), 10, 5), // at to: out
      done('C', d(0) - 1, 10, 5), // just before: out
      done('D', d(14) - 1, 20, 5, 'defect'), // just before to: in
      open,
    ];
    const flow = flowMetrics(items, window, 1);
    expect(flow.throughput).toEqual({
      total: 2,
      perWeek: 1, // 2 / 14 days × 7
      byType: { feature: 1, defect: 1, risk: 0, debt: 0 },
    });
    expect(flow.distribution).toEqual({
      feature: 0.5,
      defect: 0.5,
      risk: 0,
      debt: 0,
    });
    expect(flow.cycleTime).toEqual({
      count: 2,
      p50: 15 * H,
      p85: 18.5 * H, // 10 + 0.85 × 10
      p95: 19.5 * H,
      mean: 15 * H,
    });
    expect(flow.leadTime!.p50).toBe(39 * H);
    // (5 + 5) / (10 + 20)
    expect(flow.efficiency).toBeCloseTo(1 / 3, 12);
  });

  it('uses a float number of window days for perWeek', () => {
    const flow = flowMetrics(
      [done('A', d(1), 1, 1)],
      { from: d(0), to: d(3) + 12 * H * 1000 },
      0,
    );
    expect(flow.throughput.perWeek).toBeCloseTo(2, 12); // 1 / 3.5 × 7
  });

  it('computes one item', () => {
    const flow = flowMetrics([done('A', d(2), 8, 2, 'debt')], window, 0);
    expect(flow.cycleTime).toEqual({
      count: 1,
      p50: 8 * H,
      p85: 8 * H,
      p95: 8 * H,
      mean: 8 * H,
    });
    expect(flow.efficiency).toBe(0.25);
    expect(flow.distribution).toEqual({
      feature: 0,
      defect: 0,
      risk: 0,
      debt: 1,
    });
  });
});

describe('flowEfficiency', () => {
  it('is null when nothing was measured', () => {
    expect(flowEfficiency([done('A', d(1), 0, 0)])).toBeNull();
  });
});
