import type { ItemStats } from '../../journeys/types';

const HOUR_S = 3600;

/** A done item's stats: cycle time and active time in hours, wait the rest. */
export function doneStats(
  key: string,
  doneAt: number,
  cycleHours: number,
  activeHours = cycleHours,
): ItemStats {
  return {
    key,
    itemType: 'feature',
    createdAt: doneAt - (cycleHours + 1) * HOUR_S * 1000,
    startedAt: doneAt - cycleHours * HOUR_S * 1000,
    doneAt,
    cycleTime: cycleHours * HOUR_S,
    leadTime: (cycleHours + 1) * HOUR_S,
    activeTime: activeHours * HOUR_S,
    waitTime: (cycleHours - activeHours) * HOUR_S,
    blockedTime: 0,
  };
}
