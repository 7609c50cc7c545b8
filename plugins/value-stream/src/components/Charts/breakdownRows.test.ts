import { timeseries } from '../../__fixtures__';
import { breakdownRows } from './chartData';

describe('breakdownRows', () => {
  it('gives each week its parts in hours to stack, 0 where no change had one', () => {
    const rows = breakdownRows(timeseries.lead_time_breakdown);
    // 72000 s coding = 20 h, 10800 s pickup = 3 h, 7200 s review = 2 h, 43200 s deploy = 12 h
    expect(rows[0]).toEqual({
      label: expect.any(String),
      count: 2,
      coding: 20,
      pickup: 3,
      review: 2,
      deploy: 12,
    });
    expect(rows[1]).toMatchObject({ count: 0, coding: 0, deploy: 0 });
    // a PR merged without a review: no pickup or review
    expect(rows[3]).toMatchObject({
      count: 1,
      coding: 10,
      pickup: 0,
      review: 0,
      deploy: 6,
    });
  });

  it('skips points of other series', () => {
    expect(breakdownRows(timeseries.throughput)).toEqual([]);
  });
});
