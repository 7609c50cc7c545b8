import type {
  Alert,
  AlertHistoryResponse,
  AlertHistoryWeek,
  ResolvedAlert,
} from '@valuestream/backstage-plugin-value-stream-common';
import { durationStats, percentileCont } from '../metrics/percentiles';
import { inWindow, iso, startOfUtcWeek, WEEK_MS } from '../metrics/time';

/** How many resolved alerts the history lists (the counts and statistics use them all). */
export const HISTORY_ITEMS = 200;

/**
 * An entity's bottleneck history over `[from, to)` (DESIGN §15): the alerts resolved in the
 * window with their time to resolve, its statistics, and per ISO week (every week the
 * window touches) the alerts opened and resolved in the window and their median time to
 * resolve. `alerts` are the alerts detected or resolved in the window, in any order.
 *
 * @internal
 */
export function alertHistory(
  alerts: readonly Alert[],
  window: { from: number; to: number },
): AlertHistoryResponse {
  const resolved: ResolvedAlert[] = [];
  const weekStarts: number[] = [];
  for (let t = startOfUtcWeek(window.from); t < window.to; t += WEEK_MS) {
    weekStarts.push(t);
  }
  const opened = new Map<number, number>();
  const resolvedIn = new Map<number, number[]>();
  let openedTotal = 0;
  for (const alert of alerts) {
    const detectedAt = Date.parse(alert.detectedAt);
    if (inWindow(detectedAt, window)) {
      openedTotal++;
      const week = startOfUtcWeek(detectedAt);
      opened.set(week, (opened.get(week) ?? 0) + 1);
    }
    const resolvedAt = alert.resolvedAt ? Date.parse(alert.resolvedAt) : null;
    if (!inWindow(resolvedAt, window)) continue;
    const timeToResolve = (resolvedAt - detectedAt) / 1000;
    resolved.push({ ...alert, resolvedAt: alert.resolvedAt!, timeToResolve });
    const week = startOfUtcWeek(resolvedAt);
    resolvedIn.set(week, [...(resolvedIn.get(week) ?? []), timeToResolve]);
  }
  resolved.sort(
    (a, b) =>
      b.resolvedAt.localeCompare(a.resolvedAt) || a.id.localeCompare(b.id),
  );
  const weeks = weekStarts.map((t): AlertHistoryWeek => {
    const times = [...(resolvedIn.get(t) ?? [])].sort((a, b) => a - b);
    return {
      weekStart: iso(t),
      opened: opened.get(t) ?? 0,
      resolved: times.length,
      timeToResolveP50: times.length ? percentileCont(times, 0.5) : null,
    };
  });
  return {
    window: { from: iso(window.from), to: iso(window.to) },
    opened: openedTotal,
    timeToResolve: durationStats(resolved.map(a => a.timeToResolve)),
    items: resolved.slice(0, HISTORY_ITEMS),
    weeks,
  };
}
