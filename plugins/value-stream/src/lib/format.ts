/** Rounds to at most one decimal and drops a trailing ".0". */
export function formatNumber(value: number, decimals = 1): string {
  const factor = 10 ** decimals;
  return String(Math.round(value * factor) / factor);
}

// One duration format for the UI and the alert texts (they quote durations the UI shows).
export { formatDuration } from '@valuestream/backstage-plugin-value-stream-common';

/** A ratio in [0, 1] as a percentage, "42%"; null is an em dash. */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return '—';
  return `${formatNumber(ratio * 100, ratio < 0.1 ? 1 : 0)}%`;
}

/** Seconds elapsed from an ISO time until `now`. */
export function secondsSince(iso: string, now: number = Date.now()): number {
  return Math.max(0, (now - Date.parse(iso)) / 1000);
}

/** "31 May 2025, 18:00" in UTC-independent local form. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "31 May" for chart axes. */
export function formatShortDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}
