import {
  computeItemStats,
  currentStageElapsed,
  timeInStage,
} from './itemStats';
import { h, journey } from './__testUtils__/journeys';

const H = 3600;

describe('computeItemStats', () => {
  it('computes cycle, lead, active and wait time of a done item', () => {
    // Backlog 0-2, In Progress 2-5 (active 3h), Code Review 5-9 (wait 4h),
    // Build 9-10 (active 1h), Done at 10
    const item = journey({
      key: 'PAY-1',
      visits: [
        ['Backlog', h(0)],
        ['In Progress', h(2)],
        ['Code Review', h(5)],
        ['Build', h(9)],
        ['Done', h(10)],
      ],
    });
    expect(computeItemStats(item, h(100))).toEqual({
      key: 'PAY-1',
      itemType: 'feature',
      createdAt: h(0),
      startedAt: h(2),
      doneAt: h(10),
      cycleTime: 8 * H,
      leadTime: 10 * H,
      activeTime: 4 * H,
      waitTime: 4 * H,
      blockedTime: 0,
    });
  });

  it('adds up re-entries of a stage', () => {
    // In Progress 1-3, Code Review 3-4, In Progress 4-6, Code Review 6-7, Done 7
    const item = journey({
      key: 'PAY-2',
      visits: [
        ['Backlog', h(0)],
        ['In Progress', h(1)],
        ['Code Review', h(3)],
        ['In Progress', h(4)],
        ['Code Review', h(6)],
        ['Done', h(7)],
      ],
    });
    const stats = computeItemStats(item, h(50));
    expect(stats.activeTime).toBe(4 * H);
    expect(stats.waitTime).toBe(2 * H);
    expect(timeInStage(item)).toEqual({
      Backlog: 1 * H,
      'In Progress': 4 * H,
      'Code Review': 2 * H,
    });
  });

  it('counts blocked time as wait whatever the stage, clipped to the started span', () => {
    // In Progress 2-6, Code Review 6-10, Done 10.
    // Blocked 1-3 (1h before start: not counted; 2-3 in active -> wait),
    // blocked 5-7 (5-6 in active -> wait; 6-7 in wait stage: already wait).
    const item = journey({
      key: 'PAY-3',
      visits: [
        ['Backlog', h(0)],
        ['In Progress', h(2)],
        ['Code Review', h(6)],
        ['Done', h(10)],
      ],
      blocked: [
        [h(1), h(3)],
        [h(5), h(7)],
      ],
    });
    const stats = computeItemStats(item, h(20));
    expect(stats.activeTime).toBe(2 * H); // 4h in progress − 2h blocked
    expect(stats.waitTime).toBe(6 * H); // 4h review + 2h blocked while active
    expect(stats.activeTime! + stats.waitTime!).toBe(stats.cycleTime);
    expect(stats.blockedTime).toBe(4 * H);
  });

  it('merges overlapping blocked intervals', () => {
    const item = journey({
      key: 'PAY-4',
      visits: [
        ['Backlog', h(0)],
        ['In Progress', h(1)],
        ['Done', h(11)],
      ],
      blocked: [
        [h(2), h(6)],
        [h(4), h(8)],
      ],
    });
    const stats = computeItemStats(item, h(20));
    expect(stats.blockedTime).toBe(6 * H);
    expect(stats.activeTime).toBe(4 * H);
    expect(stats.waitTime).toBe(6 * H);
  });

  it('uses the last entry into Done of a reopened item and counts the Done gap as wait', () => {
    // In Progress 1-3, Done 3-5 (reopen: wait), In Progress 5-6, Done 6
    const item = journey({
      key: 'PAY-5',
      visits: [
        ['Backlog', h(0)],
        ['In Progress', h(1)],
        ['Done', h(3)],
        ['In Progress', h(5)],
        ['Done', h(6)],
      ],
    });
    const stats = computeItemStats(item, h(30));
    expect(stats.doneAt).toBe(h(6));
    expect(stats.cycleTime).toBe(5 * H);
    expect(stats.leadTime).toBe(6 * H);
    expect(stats.activeTime).toBe(3 * H);
    expect(stats.waitTime).toBe(2 * H);
  });

  it('counts a return to Backlog after starting as wait', () => {
    const item = journey({
      key: 'PAY-6',
      visits: [
        ['Backlog', h(0)],
        ['In Progress', h(1)],
        ['Backlog', h(2)],
        ['In Progress', h(5)],
        ['Done', h(6)],
      ],
    });
    const stats = computeItemStats(item, h(30));
    expect(stats.activeTime).toBe(2 * H);
    expect(stats.waitTime).toBe(3 * H);
  });

  it('measures open items up to now, including an open blocked interval', () => {
    // In Progress 1-4, Code Review from 4 (open), blocked from 3 (open), now = 6
    const item = journey({
      key: 'PAY-7',
      visits: [
        ['Backlog', h(0)],
        ['In Progress', h(1)],
        ['Code Review', h(4)],
      ],
      blocked: [[h(3), null]],
    });
    const stats = computeItemStats(item, h(6));
    expect(stats.doneAt).toBeNull();
    expect(stats.cycleTime).toBeNull();
    expect(stats.leadTime).toBeNull();
    expect(stats.activeTime).toBe(2 * H);
    expect(stats.waitTime).toBe(3 * H);
    expect(stats.blockedTime).toBe(3 * H);
  });

  it('gives null active and wait time while the item is still in Backlog', () => {
    const item = journey({
      key: 'PAY-8',
      visits: [['Backlog', h(0)]],
      blocked: [[h(1), h(2)]],
    });
    const stats = computeItemStats(item, h(5));
    expect(stats.startedAt).toBeNull();
    expect(stats.activeTime).toBeNull();
    expect(stats.waitTime).toBeNull();
    expect(stats.cycleTime).toBeNull();
    expect(stats.blockedTime).toBe(1 * H);
  });
});

describe('timeInStage and currentStageElapsed', () => {
  const item = journey({
    key: 'PAY-9',
    visits: [
      ['Backlog', h(0)],
      ['In Progress', h(2)],
      ['Code Review', h(3)],
      ['In Progress', h(4)],
    ],
  });

  it('sums closed visits only', () => {
    expect(timeInStage(item)).toEqual({
      Backlog: 2 * H,
      'In Progress': 1 * H,
      'Code Review': 1 * H,
    });
  });

  it('leaves out visits closed after now', () => {
    expect(timeInStage(item, h(3.5))).toEqual({
      Backlog: 2 * H,
      'In Progress': 1 * H,
    });
  });

  it('gives the current visit elapsed time', () => {
    expect(currentStageElapsed(item, h(7))).toBe(3 * H);
  });
});
