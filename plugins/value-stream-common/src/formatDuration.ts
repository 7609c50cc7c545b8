const round1 = (n: number) => Math.round(n * 10) / 10;
/** One decimal below 10, whole numbers above: "1.5", "6", "12". */
const amount = (n: number) => String(n < 10 ? round1(n) : Math.round(n));

/**
 * A duration in seconds as people read it, in the UI and in alert texts alike: "40 s",
 * "45 min", "1.5 h", "6 h", "1 day", "3.2 days", "45 days". Never "60 s" or "60 min"
 * (they round up to the next unit). No data (null, NaN) is an em dash.
 * @public
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds))
    return '—';
  const s = Math.max(0, seconds);
  if (s < 59.5) return `${Math.round(s)} s`;
  if (s < 3600 - 30) return `${Math.round(s / 60)} min`;
  if (s < 86400) return `${amount(s / 3600)} h`;
  const days = amount(s / 86400);
  return `${days} ${days === '1' ? 'day' : 'days'}`;
}
