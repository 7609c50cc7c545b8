const round1 = (n: number) => Math.round(n * 10) / 10;
/** One decimal below 10, whole numbers above: "1.5", "6", "12". */
const amount = (n: number) => String(n < 10 ? round1(n) : Math.round(n));

/**
 * A duration in seconds as a developer reads it: "40 s", "45 min", "6 h",
 * "1.5 h", "1 day", "3 days".
 *
 * @internal
 */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, seconds);
  if (s < 59.5) return `${Math.round(s)} s`;
  if (s < 3600 - 30) return `${Math.round(s / 60)} min`;
  if (s < 86400) return `${amount(s / 3600)} h`;
  const days = amount(s / 86400);
  return `${days} ${days === '1' ? 'day' : 'days'}`;
}
