/** Rounds to at most one decimal and drops a trailing ".0". */
export function formatNumber(value: number, decimals = 1): string {
  const factor = 10 ** decimals;
  return String(Math.round(value * factor) / factor);
}

/**
 * A duration in seconds for people: "45 s", "12 min", "6 h", "3.2 days".
 * Null (no data) is an em dash.
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !isFinite(seconds)) {
    return '—';
  }
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86400) return `${formatNumber(seconds / 3600)} h`;
  const days = formatNumber(seconds / 86400);
  return `${days} ${days === '1' ? 'day' : 'days'}`;
}

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
