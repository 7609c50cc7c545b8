import type { Alert } from '@valuestream/backstage-plugin-value-stream-common';
import { alertHistory, HISTORY_ITEMS } from './alertHistory';

const alert = (
  id: string,
  detectedAt: string,
  resolvedAt: string | null,
): Alert => ({
  id,
  rule: 'item_stuck',
  severity: 'warning',
  stage: 'Code Review',
  message: id,
  detectedAt: `2026-11-${detectedAt}Z`,
  resolvedAt: resolvedAt ? `2026-11-${resolvedAt}Z` : null,
});

// From Wednesday 4 Nov to Monday 16 Nov 12:00: the weeks of 2, 9 and 16 November.
const window = {
  from: Date.parse('2026-11-04T00:00:00.000Z'),
  to: Date.parse('2026-11-16T12:00:00.000Z'),
};

describe('alertHistory', () => {
  const alerts = [
    alert('a', '04T10:00:00.000', '04T12:00:00.000'), // 2 h
    alert('b', '01T00:00:00.000', '05T00:00:00.000'), // detected before the window, 4 days
    alert('c', '10T00:00:00.000', '10T06:00:00.000'), // 6 h
    alert('d', '11T00:00:00.000', null), // still open
    alert('e', '15T00:00:00.000', '16T13:00:00.000'), // resolved after the window
    alert('f', '16T01:00:00.000', '16T02:00:00.000'), // 1 h
  ];

  it('counts per week the alerts opened and resolved in the window, with the median time to resolve', () => {
    expect(alertHistory(alerts, window).weeks).toEqual([
      {
        weekStart: '2026-11-02T00:00:00.000Z',
        opened: 1,
        resolved: 2,
        timeToResolveP50: (7200 + 345600) / 2,
      },
      {
        weekStart: '2026-11-09T00:00:00.000Z',
        opened: 3,
        resolved: 1,
        timeToResolveP50: 21600,
      },
      {
        weekStart: '2026-11-16T00:00:00.000Z',
        opened: 1,
        resolved: 1,
        timeToResolveP50: 3600,
      },
    ]);
  });

  it('lists the alerts resolved in the window, latest first, with their statistics', () => {
    const history = alertHistory(alerts, window);
    expect(history.window).toEqual({
      from: '2026-11-04T00:00:00.000Z',
      to: '2026-11-16T12:00:00.000Z',
    });
    expect(history.opened).toBe(5);
    expect(history.items.map(a => [a.id, a.timeToResolve])).toEqual([
      ['f', 3600],
      ['c', 21600],
      ['b', 345600],
      ['a', 7200],
    ]);
    // Sorted: 3600, 7200, 21600, 345600.
    expect(history.timeToResolve).toEqual({
      count: 4,
      p50: 14400,
      p85: expect.closeTo(199800, 6), // 21600 + 0.55 × (345600 − 21600)
      p95: expect.closeTo(297000, 6), // 21600 + 0.85 × (345600 − 21600)
      mean: 94500,
    });
  });

  it('is the same whatever the order of the alerts', () => {
    expect(alertHistory([...alerts].reverse(), window)).toEqual(
      alertHistory(alerts, window),
    );
  });

  it('gives empty weeks and null statistics when nothing happened', () => {
    const empty = alertHistory([], window);
    expect(empty.opened).toBe(0);
    expect(empty.timeToResolve).toBeNull();
    expect(empty.items).toEqual([]);
    expect(
      empty.weeks.map(w => [w.opened, w.resolved, w.timeToResolveP50]),
    ).toEqual([
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
    ]);
  });

  it(`lists at most ${HISTORY_ITEMS} alerts but counts them all`, () => {
    const many = Array.from({ length: HISTORY_ITEMS + 5 }, (_, i) =>
      alert(
        `m${String(i).padStart(3, '0')}`,
        '05T00:00:00.000',
        '05T01:00:00.000',
      ),
    );
    const history = alertHistory(many, window);
    expect(history.items).toHaveLength(HISTORY_ITEMS);
    expect(history.timeToResolve?.count).toBe(HISTORY_ITEMS + 5);
    expect(history.weeks[0].resolved).toBe(HISTORY_ITEMS + 5);
  });
});
