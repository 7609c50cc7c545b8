import { durationStats, percentileCont, recoveryStats } from './percentiles';

describe('percentileCont', () => {
  it('interpolates linearly between ranks like percentile_cont', () => {
    // positions: (4-1)*0.85 = 2.55 -> 30 + 0.55*(40-30) = 35.5
    expect(percentileCont([10, 20, 30, 40], 0.85)).toBeCloseTo(35.5, 10);
    // (4-1)*0.95 = 2.85 -> 30 + 0.85*10 = 38.5
    expect(percentileCont([10, 20, 30, 40], 0.95)).toBeCloseTo(38.5, 10);
    expect(percentileCont([10, 20, 30, 40], 0)).toBe(10);
    expect(percentileCont([10, 20, 30, 40], 1)).toBe(40);
  });
});

describe('durationStats', () => {
  it('is null for no values', () => {
    expect(durationStats([])).toBeNull();
  });

  it('returns the value itself for one value', () => {
    expect(durationStats([42])).toEqual({
      count: 1,
      p50: 42,
      p85: 42,
      p95: 42,
      mean: 42,
    });
  });

  it('takes the mean of the two middle values for an even count, unsorted input', () => {
    const stats = durationStats([40, 10, 30, 20]);
    expect(stats).toEqual({
      count: 4,
      p50: 25,
      p85: expect.closeTo(35.5, 10),
      p95: expect.closeTo(38.5, 10),
      mean: 25,
    });
  });

  it('computes odd counts', () => {
    // 1..5 : p50 = 3, p85 at 3.4 -> 4 + 0.4 = 4.4, p95 at 3.8 -> 4.8, mean 3
    const stats = durationStats([5, 1, 4, 2, 3])!;
    expect(stats.p50).toBe(3);
    expect(stats.p85).toBeCloseTo(4.4, 10);
    expect(stats.p95).toBeCloseTo(4.8, 10);
    expect(stats.mean).toBe(3);
  });

  it('does not mutate its input', () => {
    const input = [3, 1, 2];
    durationStats(input);
    expect(input).toEqual([3, 1, 2]);
  });
});

describe('recoveryStats', () => {
  it('is null for no values', () => {
    expect(recoveryStats([])).toBeNull();
  });

  it('returns count, median and mean', () => {
    expect(recoveryStats([3600, 600, 1200, 7200])).toEqual({
      count: 4,
      p50: 2400,
      mean: 3150,
    });
  });
});
