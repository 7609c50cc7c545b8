import type { Alert, DurationStats } from './api';

/** An alert that resolved itself, with how long it stayed open. @public */
export interface ResolvedAlert extends Alert {
  resolvedAt: string;
  /** Seconds from `detectedAt` to `resolvedAt`. */
  timeToResolve: number;
}

/** One ISO week (Monday 00:00 UTC) of an entity's alert history. @public */
export interface AlertHistoryWeek {
  weekStart: string;
  /** Alerts detected in the week (within the window). */
  opened: number;
  /** Alerts resolved in the week (within the window). */
  resolved: number;
  /** Median seconds to resolve of the week's resolved alerts; null when none. */
  timeToResolveP50: number | null;
}

/** `GET /entities/:kind/:namespace/:name/alerts/history` (DESIGN §15 bottleneck history). @public */
export interface AlertHistoryResponse {
  window: { from: string; to: string };
  /** Alerts detected in the window. */
  opened: number;
  /** Time to resolve of the alerts resolved in the window; null when none. */
  timeToResolve: DurationStats | null;
  /** Alerts resolved in the window, latest resolved first, at most 200. */
  items: ResolvedAlert[];
  /** Every week the window touches, oldest first. */
  weeks: AlertHistoryWeek[];
}
