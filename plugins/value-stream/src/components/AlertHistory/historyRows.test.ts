import { alertHistory } from '../../__fixtures__';
import { historyRows } from './historyRows';

describe('historyRows', () => {
  it('gives per week the counts and the median time to resolve in hours', () => {
    expect(historyRows(alertHistory)).toEqual([
      // 176400 s = 49 h
      { label: '2 Nov', opened: 1, resolved: 2, hoursToResolve: 49 },
      { label: '9 Nov', opened: 2, resolved: 0, hoursToResolve: null },
    ]);
  });

  it('rounds hours to one decimal', () => {
    const [row] = historyRows({
      ...alertHistory,
      weeks: [{ ...alertHistory.weeks[0], timeToResolveP50: 5000 }],
    });
    expect(row.hoursToResolve).toBe(1.4); // 5000 / 3600 = 1.388…
  });
});
