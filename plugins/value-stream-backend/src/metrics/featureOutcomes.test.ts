import {
  featureOutcome,
  outcomeWindow,
  usageInWindow,
} from './featureOutcomes';

const at = (s: string) => Date.parse(s);
const day = (d: string, hh = '00') => at(`2026-01-${d}T${hh}:00:00Z`);

describe('usageInWindow', () => {
  // [Jan 1 12:00, Jan 8 12:00)
  const window = outcomeWindow(day('01', '12'), 7);

  it('sums reports inside the window and pro-rates those partly inside', () => {
    expect(window).toEqual({ from: day('01', '12'), to: day('08', '12') });
    const reports = [
      { from: day('01'), to: day('02'), count: 48 }, // 12 h of 24 inside: 24
      { from: day('02'), to: day('03'), count: 100 }, // inside: 100
      { from: day('08'), to: day('09'), count: 10 }, // 12 h of 24 inside: 5
      { from: at('2025-12-31T00:00:00Z'), to: day('01'), count: 1000 }, // before: 0
      { from: day('08', '12'), to: day('09'), count: 7 }, // starts at the end: 0
    ];
    expect(usageInWindow(reports, window)).toBe(129);
  });

  it('pro-rates a report longer than the window', () => {
    // 14 days of 700: the 7 days inside are worth 350
    expect(
      usageInWindow(
        [{ from: at('2025-12-29T12:00:00Z'), to: day('12', '12'), count: 700 }],
        window,
      ),
    ).toBe(350);
  });
});

describe('featureOutcome (the worked example of docs/metrics.md)', () => {
  // deployed Jan 5 12:00; the 7-day window ends Jan 12 12:00 (10,080 minutes)
  const input = {
    deployedAt: day('05', '12'),
    windowDays: 7,
    now: day('20'),
    usage: [
      { from: day('05'), to: day('06'), count: 240 }, // half inside: 120
      ...['06', '07', '08', '09', '10', '11'].map((d, i) => ({
        from: day(d),
        to: day(String(7 + i).padStart(2, '0')),
        count: 300,
      })), // 6 × 300 = 1800
      { from: day('12'), to: day('13'), count: 200 }, // half inside: 100
    ],
    feedback: [
      ...[10, 9, 9, 8, 7, 3].map((score, i) => ({
        feedbackId: `fb${i + 1}`,
        occurredAt: day('08'),
        score,
      })),
      { feedbackId: 'fb7', occurredAt: day('04'), score: 0 }, // before the window
      { feedbackId: 'fb6', occurredAt: day('07'), score: 10 }, // fb6's earlier answer
    ],
    incidents: [
      {
        incidentId: 'i1',
        severity: 'sev2',
        openedAt: day('07', '10'),
        resolvedAt: day('07', '11'),
      },
      {
        incidentId: 'i2',
        severity: 'sev3',
        openedAt: at('2026-01-07T10:30:00Z'),
        resolvedAt: at('2026-01-07T11:30:00Z'),
      },
    ],
    tickets: [
      { ticketId: 'T1', type: 'opened' as const, occurredAt: day('06') },
      { ticketId: 'T1', type: 'resolved' as const, occurredAt: day('08') },
      { ticketId: 'T2', type: 'opened' as const, occurredAt: day('11') },
      { ticketId: 'T3', type: 'opened' as const, occurredAt: day('03') },
      { ticketId: 'T3', type: 'resolved' as const, occurredAt: day('06') },
    ],
    baselineUsages: [1000, 4000, 2500],
  };

  it('gives usage, NPS, uptime, incidents, tickets and the score', () => {
    const o = featureOutcome(input);
    expect(o.window).toEqual({ from: day('05', '12'), to: day('12', '12') });
    expect(o.ended).toBe(true);
    expect(o.usage).toBe(2020);
    // promoters 10, 9, 9; detractor 3 (fb6's latest answer); of 6: (3 − 1) / 6
    expect(o.responses).toBe(6);
    expect(o.nps).toBeCloseTo(33.3333333333, 8);
    // i1 10:00–11:00 ∪ i2 10:30–11:30 = 90 minutes of 10,080
    expect(o.incidentMinutes).toBe(90);
    expect(o.uptime).toBeCloseTo(1 - 90 / 10080, 12);
    expect(o.incidents).toEqual({ count: 2, bySeverity: { sev2: 1, sev3: 1 } });
    expect(o.tickets).toEqual({ opened: 2, resolved: 1 });
    // u = 2020 / 2500 = 0.808; n = (33.33 + 100) / 200 = 2/3; uptime = 9990 / 10080
    // p = 0.5 + 0.25 = 0.75: 100 × 0.808 × 2/3 × 9990/10080 − 75 = 53.3857 − 75
    expect(o.successScore).toBeCloseTo(-21.6142857143, 8);
  });

  it('has no score until the window has ended; open incidents last until now', () => {
    const o = featureOutcome({
      ...input,
      now: day('10'),
      incidents: [
        {
          incidentId: 'i3',
          severity: null,
          openedAt: day('09', '22'),
          resolvedAt: null,
        },
      ],
    });
    expect(o.ended).toBe(false);
    expect(o.successScore).toBeNull();
    expect(o.incidentMinutes).toBe(120); // 22:00 to now (00:00)
    expect(o.incidents).toEqual({ count: 1, bySeverity: { unknown: 1 } });
  });

  it('gives the same outcome whatever the order of its inputs', () => {
    const reversed = featureOutcome({
      ...input,
      usage: [...input.usage].reverse(),
      feedback: [...input.feedback].reverse(),
      incidents: [...input.incidents].reverse(),
      tickets: [...input.tickets].reverse(),
    });
    expect(reversed).toEqual(featureOutcome(input));
  });

  it('is 50 for a feature with no data at all once its window ended', () => {
    const o = featureOutcome({
      ...input,
      usage: [],
      feedback: [],
      incidents: [],
      tickets: [],
      baselineUsages: [],
    });
    expect(o).toMatchObject({
      usage: 0,
      nps: null,
      responses: 0,
      uptime: 1,
      successScore: 50,
    });
  });
});
