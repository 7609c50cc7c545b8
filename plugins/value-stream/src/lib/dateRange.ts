/** A date-range choice of the picker. */
export type RangePreset = '7' | '30' | '90' | 'custom';

export interface DateRange {
  preset: RangePreset;
  /** ISO-8601 */
  from: string;
  /** ISO-8601 */
  to: string;
}

const DAY_MS = 86_400_000;

/** The last `days` days ending at `now`. */
export function presetRange(
  preset: Exclude<RangePreset, 'custom'>,
  now: number = Date.now(),
): DateRange {
  return {
    preset,
    from: new Date(now - Number(preset) * DAY_MS).toISOString(),
    to: new Date(now).toISOString(),
  };
}

/**
 * A custom range from two `yyyy-mm-dd` dates, both days included (UTC).
 * Undefined when a date is missing or the range is empty.
 */
export function customRange(
  firstDay: string,
  lastDay: string,
): DateRange | undefined {
  const from = Date.parse(`${firstDay}T00:00:00Z`);
  const to = Date.parse(`${lastDay}T00:00:00Z`) + DAY_MS;
  if (isNaN(from) || isNaN(to) || to <= from) return undefined;
  return {
    preset: 'custom',
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  };
}

/** `yyyy-mm-dd` of an ISO time (UTC), for date inputs. */
export function toDay(iso: string): string {
  return iso.slice(0, 10);
}
