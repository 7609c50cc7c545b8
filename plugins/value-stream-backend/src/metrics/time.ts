/** Time helpers shared by the metric and alert functions. All UTC. */

/** @internal */
export const HOUR_MS = 3_600_000;
/** @internal */
export const DAY_MS = 86_400_000;
/** @internal */
export const WEEK_MS = 7 * DAY_MS;

/** Milliseconds to seconds (float). @internal */
export function seconds(ms: number): number {
  return ms / 1000;
}

/** Epoch ms to an ISO-8601 UTC string. @internal */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Start (00:00 UTC) of the day containing `ms`. @internal */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Start (Monday 00:00 UTC) of the ISO week containing `ms`. @internal */
export function startOfUtcWeek(ms: number): number {
  const day = startOfUtcDay(ms);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return day - weekday * DAY_MS;
}

/** Window length in days (float). @internal */
export function windowDays(window: { from: number; to: number }): number {
  return (window.to - window.from) / DAY_MS;
}

/** Count per week over a window: count ÷ window days × 7 (0 for an empty window). @internal */
export function perWeek(
  count: number,
  window: { from: number; to: number },
): number {
  const days = windowDays(window);
  return days > 0 ? (count / days) * 7 : 0;
}

/** Whether `t` lies in the window `[from, to)`. @internal */
export function inWindow(
  t: number | null,
  window: { from: number; to: number },
): t is number {
  return t !== null && t >= window.from && t < window.to;
}
