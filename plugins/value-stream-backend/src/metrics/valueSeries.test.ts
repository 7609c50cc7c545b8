import { valueDeliveredSeries } from './valueSeries';

const DAY = 86_400_000;
const from = Date.UTC(2026, 0, 5); // a Monday
const at = (days: number, hours = 0) => from + days * DAY + hours * 3_600_000;

describe('valueDeliveredSeries', () => {
  it('sums the value delivered before each day boundary; unvalued items add nothing', () => {
    const items = [
      { key: 'A', value: 40, doneAt: at(0, 10), cycleTime: 1 },
      { key: 'B', value: null, doneAt: at(1, 5), cycleTime: 1 },
      { key: 'C', value: 25, doneAt: at(2), cycleTime: 1 }, // exactly at a boundary: counts from the next
      { key: 'D', value: 90, doneAt: at(-1), cycleTime: 1 }, // before the window
      { key: 'E', value: 10, doneAt: null, cycleTime: null }, // open
    ];
    expect(
      valueDeliveredSeries(items, { from, to: at(3) }).map(p => [p.t, p.value]),
    ).toEqual([
      ['2026-01-06T00:00:00.000Z', 40],
      ['2026-01-07T00:00:00.000Z', 40],
      ['2026-01-08T00:00:00.000Z', 65],
    ]);
  });

  it('is empty for an empty window', () => {
    expect(valueDeliveredSeries([], { from, to: from })).toEqual([]);
  });
});
