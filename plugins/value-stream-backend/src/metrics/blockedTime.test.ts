import { DEFAULT_BLOCKED_REASONS } from './blockedReasons';
import { blockedTime } from './blockedTime';

const H = 3_600_000;
const T0 = Date.UTC(2026, 0, 5);
const t = (hours: number) => T0 + hours * H;

describe('blockedTime', () => {
  it('is zero with no blocked items', () => {
    expect(blockedTime([], DEFAULT_BLOCKED_REASONS)).toEqual({
      total: 0,
      byReason: {},
    });
  });

  it('sums intervals per category, clipped to start..done', () => {
    const result = blockedTime(
      [
        {
          createdAt: t(0),
          startedAt: t(2),
          doneAt: t(20),
          blockedIntervals: [
            // Before the start: only 2..5 counts = 3 h.
            { from: t(1), to: t(5), reason: 'waiting on payments team API' },
            // 6..8 = 2 h.
            { from: t(6), to: t(8), reason: 'staging down' },
            // Still open at Done: 18..20 = 2 h; no reason is `other`.
            { from: t(18), to: null },
          ],
        },
        {
          createdAt: t(0),
          startedAt: t(1),
          doneAt: t(10),
          blockedIntervals: [
            // Past Done: 9..10 = 1 h.
            { from: t(9), to: t(12), reason: 'Depends on PAY-7' },
            // Wholly after Done: nothing.
            { from: t(11), to: t(12), reason: 'staging down' },
          ],
        },
      ],
      DEFAULT_BLOCKED_REASONS,
    );
    // dependency 3 h + 1 h, environment 2 h, other 2 h; 8 h in all.
    expect(result).toEqual({
      total: 8 * 3600,
      byReason: {
        dependency: 4 * 3600,
        environment: 2 * 3600,
        other: 2 * 3600,
      },
    });
  });

  it('counts from creation for an item that never left the queue', () => {
    expect(
      blockedTime(
        [
          {
            createdAt: t(0),
            startedAt: null,
            doneAt: t(4),
            blockedIntervals: [
              { from: t(1), to: t(3), reason: 'spec unclear' },
            ],
          },
        ],
        DEFAULT_BLOCKED_REASONS,
      ),
    ).toEqual({ total: 2 * 3600, byReason: { requirements: 2 * 3600 } });
  });
});
