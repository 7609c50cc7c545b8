import type { DurationStats } from '@valuestream/backstage-plugin-value-stream-common';

/**
 * Continuous percentile of an ascending-sorted, non-empty array, with linear
 * interpolation between the two nearest ranks (PostgreSQL `percentile_cont`).
 *
 * @internal
 */
export function percentileCont(
  sorted: readonly number[],
  fraction: number,
): number {
  const position = (sorted.length - 1) * fraction;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/**
 * count, p50, p85, p95 and mean of a set of durations (DESIGN §6); null when
 * there are none.
 *
 * @internal
 */
export function durationStats(values: readonly number[]): DurationStats | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentileCont(sorted, 0.5),
    p85: percentileCont(sorted, 0.85),
    p95: percentileCont(sorted, 0.95),
    mean: mean(sorted),
  };
}

/** @internal */
export interface RecoveryStats {
  count: number;
  p50: number;
  mean: number;
}

/**
 * The recovery-time statistic of the DORA block: count, p50 and mean; null
 * when there are no values.
 *
 * @internal
 */
export function recoveryStats(values: readonly number[]): RecoveryStats | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentileCont(sorted, 0.5),
    mean: mean(sorted),
  };
}
