import type { DoraTier } from '@valuestream/backstage-plugin-value-stream-common';

/*
 * Cut-offs of the performance clusters of the DORA 2023 Accelerate State of
 * DevOps report, made numeric (the report gives ranges in words). Table and
 * reasoning: ./README.md.
 */

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * Deployment frequency per week: elite ≥ 7 (on demand, daily or more), high ≥
 * 1 (daily to weekly), medium ≥ 7/30 (weekly to monthly), else low.
 *
 * @internal
 */
export function deploymentFrequencyTier(perWeek: number): DoraTier {
  if (perWeek >= 7) return 'elite';
  if (perWeek >= 1) return 'high';
  if (perWeek >= 7 / 30) return 'medium';
  return 'low';
}

/**
 * Lead time for changes (median, seconds): elite < 1 day, high < 1 week,
 * medium < 30 days, else low.
 *
 * @internal
 */
export function leadTimeTier(medianSeconds: number): DoraTier {
  if (medianSeconds < DAY) return 'elite';
  if (medianSeconds < 7 * DAY) return 'high';
  if (medianSeconds < 30 * DAY) return 'medium';
  return 'low';
}

/**
 * Change failure rate (0–1): elite ≤ 5 %, high ≤ 10 %, medium ≤ 15 %, else
 * low; null when there is no rate.
 *
 * @internal
 */
export function changeFailureRateTier(rate: number | null): DoraTier | null {
  if (rate === null) return null;
  if (rate <= 0.05) return 'elite';
  if (rate <= 0.1) return 'high';
  if (rate <= 0.15) return 'medium';
  return 'low';
}

/**
 * Failed deployment recovery time (median, seconds): elite < 1 hour, high < 1
 * day, medium < 1 week, else low.
 *
 * @internal
 */
export function recoveryTimeTier(medianSeconds: number): DoraTier {
  if (medianSeconds < HOUR) return 'elite';
  if (medianSeconds < DAY) return 'high';
  if (medianSeconds < 7 * DAY) return 'medium';
  return 'low';
}
