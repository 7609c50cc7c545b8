import { incidentMinutes, uptime } from './uptime';

const t = (hhmm: string, day = '02') =>
  Date.parse(`2026-01-${day}T${hhmm}:00Z`);
// one day: 1440 minutes
const window = { from: t('00:00'), to: t('00:00', '03') };
const after = t('12:00', '05');

describe('incidentMinutes and uptime', () => {
  it('counts overlapping incidents once and clips to the window', () => {
    const incidents = [
      { openedAt: t('10:00'), resolvedAt: t('11:00') },
      { openedAt: t('10:30'), resolvedAt: t('12:00') }, // with the first: 10:00–12:00 = 120
      { openedAt: t('10:45'), resolvedAt: t('10:50') }, // inside both: nothing more
      { openedAt: t('23:30'), resolvedAt: t('01:00', '03') }, // clipped: 30
      { openedAt: t('22:00', '01'), resolvedAt: t('00:15') }, // clipped: 15
    ];
    expect(incidentMinutes(incidents, window, after)).toBe(165);
    // 1 - 165 / 1440
    expect(uptime(incidents, window, after)).toBeCloseTo(0.8854166667, 10);
  });

  it('is 1 without incidents, and incidents outside the window do not count', () => {
    expect(uptime([], window, after)).toBe(1);
    expect(
      uptime(
        [{ openedAt: t('10:00', '04'), resolvedAt: t('11:00', '04') }],
        window,
        after,
      ),
    ).toBe(1);
  });

  it('lasts a still-open incident until now, or the window end', () => {
    const open = [{ openedAt: t('20:00'), resolvedAt: null }];
    expect(incidentMinutes(open, window, t('21:00'))).toBe(60);
    expect(incidentMinutes(open, window, after)).toBe(240); // 20:00–24:00
    expect(uptime(open, window, after)).toBeCloseTo(1 - 240 / 1440, 10);
  });

  it('is 0 when an incident covers the whole window', () => {
    expect(
      uptime(
        [{ openedAt: t('00:00', '01'), resolvedAt: t('00:00', '04') }],
        window,
        after,
      ),
    ).toBe(0);
  });
});
