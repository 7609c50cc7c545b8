import { formatDuration } from './format';

/**
 * The remaining observation of an item under `done.mode: delivered` (DESIGN §13):
 * "18 h of observation left" while it runs, "Observation over" once it has ended and the
 * item waits for the tracker's close; null for an item without `observationEndsAt` or done.
 */
export function observationLeft(
  item: { observationEndsAt?: string; doneAt: string | null },
  now: number = Date.now(),
): string | null {
  if (!item.observationEndsAt || item.doneAt) return null;
  const seconds = (Date.parse(item.observationEndsAt) - now) / 1000;
  if (seconds <= 0) return 'Observation over';
  return `${formatDuration(seconds)} of observation left`;
}
