import { metrics, timeseries } from '../../__fixtures__';
import {
  cfdRows,
  cycleTimePoints,
  distributionRows,
  valueRows,
} from './chartData';

const stages = metrics.stages.map(s => s.name);

describe('cfdRows', () => {
  it('turns cumulative counts into per-stage bands that add up to all items', () => {
    const [first] = cfdRows(timeseries.cfd, stages);
    // 18 in Backlog or later, 13 in In Progress or later → 5 in Backlog
    expect(first.Backlog).toBe(5);
    expect(first['In Progress']).toBe(1);
    expect(first['Code Review']).toBe(1);
    expect(first.Validation).toBe(1);
    expect(first.Done).toBe(10);
    const total = stages.reduce((sum, s) => sum + Number(first[s]), 0);
    expect(total).toBe(18);
    expect(first.label).toBe('30 May');
  });
});

describe('valueRows and cycleTimePoints', () => {
  it('maps weekly throughput and cycle times in days', () => {
    expect(valueRows(timeseries.throughput).map(r => r.value)).toEqual([
      1, 3, 2, 4, 2,
    ]);
    expect(cycleTimePoints(timeseries.cycle_time)[1]).toEqual({
      t: Date.parse('2025-05-20T15:00:00.000Z'),
      days: 3.2083333333333335,
      key: 'PAY-84',
    });
  });
});

describe('distributionRows', () => {
  it('gives percentages and counts per type', () => {
    expect(distributionRows(metrics)).toEqual([
      { type: 'feature', percent: 58.3, count: 7 },
      { type: 'defect', percent: 25, count: 3 },
      { type: 'risk', percent: 8.3, count: 1 },
      { type: 'debt', percent: 8.3, count: 1 },
    ]);
  });
});
