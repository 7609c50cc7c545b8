import { valueMetrics, ValuedItem } from './value';

const DAY = 86_400_000;
const from = Date.UTC(2026, 10, 2);
/** A 14-day window: velocity = delivered ÷ 2. */
const window = { from, to: from + 14 * DAY };

const item = (
  key: string,
  value: number | null,
  doneDay: number | null,
  cycleDays: number,
): ValuedItem => ({
  key,
  value,
  doneAt: doneDay === null ? null : from + doneDay * DAY,
  cycleTime: doneDay === null ? null : cycleDays * 86_400,
});

describe('valueMetrics', () => {
  it('with no valued item: nothing delivered, efficiency null, share 0, the items counted apart', () => {
    expect(
      valueMetrics([item('A-1', null, 1, 2), item('A-2', null, 3, 4)], window),
    ).toEqual({
      delivered: 0,
      velocity: 0,
      efficiency: null,
      valuedShare: 0,
      valued: 0,
      unvalued: 2,
    });
  });

  it('with nothing done: share null', () => {
    expect(valueMetrics([item('A-1', 50, null, 0)], window)).toEqual({
      delivered: 0,
      velocity: 0,
      efficiency: null,
      valuedShare: null,
      valued: 0,
      unvalued: 0,
    });
  });

  it('mixed: only valued items count, those without a value are not zeros', () => {
    // valued: 40 (2 days) + 20 (3 days) = 60 over 5 cycle days; one unvalued (10 days)
    // and one valued item done after the window are left out.
    const m = valueMetrics(
      [
        item('A-1', 40, 1, 2),
        item('A-2', 20, 5, 3),
        item('A-3', null, 6, 10),
        item('A-4', 90, 14, 1),
      ],
      window,
    );
    expect(m).toEqual({
      delivered: 60,
      velocity: 30, // 60 ÷ 14 × 7
      efficiency: 12, // 60 ÷ 5 days
      valuedShare: 2 / 3,
      valued: 2,
      unvalued: 1,
    });
  });

  it('a reopened item counts once, at its last Done', () => {
    // A-1 was done on day 2, reopened, done again on day 9: one item, value 30.
    // A-2 was done on day 3 and again after the window: it belongs to the later window.
    const m = valueMetrics(
      [
        item('A-1', 30, 2, 1),
        item('A-1', 30, 9, 8),
        item('A-2', 70, 3, 2),
        item('A-2', 70, 20, 19),
      ],
      window,
    );
    expect(m).toEqual({
      delivered: 30,
      velocity: 15,
      efficiency: 30 / 8,
      valuedShare: 1,
      valued: 1,
      unvalued: 0,
    });
  });
});
