/** Epoch milliseconds. */
export type Millis = number;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Working hours (UTC) when people create, review and close work. */
const WORK_START_HOUR = 8;
const WORK_END_HOUR = 18;

function isWeekend(t: Millis): boolean {
  const day = new Date(t).getUTCDay();
  return day === 0 || day === 6;
}

/** 00:00 UTC of the day of `t`. */
export function startOfUtcDay(t: Millis): Millis {
  return Math.floor(t / DAY) * DAY;
}

/** Monday 00:00 UTC of the week of `t`. */
export function startOfUtcWeek(t: Millis): Millis {
  const day = startOfUtcDay(t);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return day - weekday * DAY;
}

/** `t` if it falls in working hours on a weekday; else the next working-day start, plus a few minutes. */
export function snapToWorkingHours(t: Millis): Millis {
  const day = startOfUtcDay(t);
  const hour = (t - day) / HOUR;
  if (!isWeekend(t) && hour >= WORK_START_HOUR && hour < WORK_END_HOUR) {
    return t;
  }
  let next = hour < WORK_START_HOUR ? day : day + DAY;
  while (isWeekend(next)) next += DAY;
  // Keep some spread instead of stacking everything at 08:00 sharp.
  const spread = (Math.floor(t / MINUTE) % 90) * MINUTE;
  return next + WORK_START_HOUR * HOUR + spread;
}

/** Adds `duration` of working time (weekdays 08:00–18:00 UTC) to `t`. */
export function addWorkingTime(t: Millis, duration: Millis): Millis {
  let at = snapToWorkingHours(t);
  let left = duration;
  for (;;) {
    const windowEnd = startOfUtcDay(at) + WORK_END_HOUR * HOUR;
    if (at + left < windowEnd) return at + left;
    left -= windowEnd - at;
    let next = startOfUtcDay(at) + DAY;
    while (isWeekend(next)) next += DAY;
    at = next + WORK_START_HOUR * HOUR;
  }
}

/** ISO-8601 UTC string, whole seconds. */
export function iso(t: Millis): string {
  return new Date(Math.floor(t / 1000) * 1000).toISOString();
}
