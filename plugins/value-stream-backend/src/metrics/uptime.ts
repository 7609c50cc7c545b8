import { mergeSpans, overlapMs, Span } from './intervals';

/** An incident's open interval; `resolvedAt` null while it is still open. @internal */
export interface IncidentInterval {
  openedAt: number;
  resolvedAt: number | null;
}

const MINUTE_MS = 60_000;

/**
 * Minutes of `[from, to)` during which at least one of the incidents was open: the
 * union of their open intervals clipped to the window, so overlapping incidents count
 * once. A still-open incident lasts until `now` (or the window's end, if earlier).
 *
 * @internal
 */
export function incidentMinutes(
  incidents: readonly IncidentInterval[],
  window: Span,
  now: number,
): number {
  const spans = incidents.map(i => ({
    from: i.openedAt,
    to: i.resolvedAt ?? Math.max(i.openedAt, now),
  }));
  return overlapMs(window.from, window.to, mergeSpans(spans)) / MINUTE_MS;
}

/**
 * 1 − incident minutes ÷ the window's minutes (DESIGN §14), 0..1; 1 for an empty
 * window.
 *
 * @internal
 */
export function uptime(
  incidents: readonly IncidentInterval[],
  window: Span,
  now: number,
): number {
  const windowMinutes = (window.to - window.from) / MINUTE_MS;
  if (windowMinutes <= 0) return 1;
  return 1 - incidentMinutes(incidents, window, now) / windowMinutes;
}
