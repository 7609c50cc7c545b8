import type { AlertHistoryResponse } from '@valuestream/backstage-plugin-value-stream-common';
import { formatShortDate } from '../../lib/format';

/** One bar group of the history chart. */
export interface HistoryRow {
  label: string;
  opened: number;
  resolved: number;
  /** Median hours to resolve of the week's resolved alerts (one decimal); null when none. */
  hoursToResolve: number | null;
}

/** Chart rows of the weekly history: counts, and the median time to resolve in hours. */
export function historyRows(history: AlertHistoryResponse): HistoryRow[] {
  return history.weeks.map(week => ({
    label: formatShortDate(week.weekStart),
    opened: week.opened,
    resolved: week.resolved,
    hoursToResolve:
      week.timeToResolveP50 === null
        ? null
        : Math.round((week.timeToResolveP50 / 3600) * 10) / 10,
  }));
}
