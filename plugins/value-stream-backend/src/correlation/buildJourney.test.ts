import { DEFAULT_STAGES } from '@valuestream/backstage-plugin-value-stream-common';
import { buildJourney, ItemAttributes } from './buildJourney';
import type { Evidence } from './evidence';

const H = 3_600_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const t = (hours: number) => T0 + hours * H;
const stages = [...DEFAULT_STAGES];

const attrs: ItemAttributes = {
  key: 'PAY-1',
  createdAt: T0,
  title: 'Retry refunds',
  itemType: 'feature',
  priority: null,
  value: null,
  labels: [],
};
let n = 0;
const tracker = (
  h: number,
  stage: string,
  order = `jira/${++n}`,
): Evidence => ({
  kind: 'tracker',
  at: t(h),
  stage,
  order,
});
const auto = (h: number, stage: string, order = `github/${++n}`): Evidence => ({
  kind: 'auto',
  at: t(h),
  stage,
  order,
});
const blocked = (h: number): Evidence => ({
  kind: 'blocked',
  at: t(h),
  order: `jira/b${++n}`,
});
const unblocked = (h: number): Evidence => ({
  kind: 'unblocked',
  at: t(h),
  order: `jira/u${++n}`,
});
const path = (evidence: Evidence[]) =>
  buildJourney(attrs, evidence, stages).intervals.map(i => [
    i.stage,
    (i.enteredAt - T0) / H,
    i.exitedAt === null ? null : (i.exitedAt - T0) / H,
  ]);

describe('buildJourney', () => {
  it('starts in Backlog at createdAt with nothing else', () => {
    const j = buildJourney(attrs, [], stages);
    expect(j).toEqual({
      ...attrs,
      startedAt: null,
      doneAt: null,
      stage: 'Backlog',
      stageEnteredAt: T0,
      blocked: false,
      intervals: [
        { stage: 'Backlog', category: 'queue', enteredAt: T0, exitedAt: null },
      ],
      blockedIntervals: [],
    });
  });

  it('moves forward on automatic evidence and never back', () => {
    expect(
      path([
        auto(1, 'In Progress'),
        auto(2, 'Code Review'),
        auto(3, 'Build'),
        auto(4, 'In Progress'), // a later commit on the branch
        auto(5, 'Code Review'), // a second PR opened
        auto(6, 'Test'),
      ]),
    ).toEqual([
      ['Backlog', 0, 1],
      ['In Progress', 1, 2],
      ['Code Review', 2, 3],
      ['Build', 3, 6],
      ['Test', 6, null],
    ]);
  });

  it('lets the tracker move backward (reopen) and counts the last Done', () => {
    const j = buildJourney(
      attrs,
      [
        tracker(1, 'In Progress'),
        tracker(5, 'Done'),
        tracker(7, 'In Progress'),
        auto(8, 'Code Review'),
        tracker(10, 'Done'),
      ],
      stages,
    );
    expect(
      j.intervals.map(i => [i.stage, (i.enteredAt - T0) / H, i.category]),
    ).toEqual([
      ['Backlog', 0, 'queue'],
      ['In Progress', 1, 'active'],
      ['Done', 5, 'done'],
      ['In Progress', 7, 'active'],
      ['Code Review', 8, 'wait'],
      ['Done', 10, 'done'],
    ]);
    expect(j).toMatchObject({
      startedAt: t(1),
      doneAt: t(10),
      stage: 'Done',
      stageEnteredAt: t(10),
    });
  });

  it('ignores automatic evidence after Done', () => {
    expect(
      path([
        tracker(2, 'Done'),
        auto(3, 'Deploy Production'),
        auto(4, 'Monitoring'),
      ]),
    ).toEqual([
      ['Backlog', 0, 2],
      ['Done', 2, null],
    ]);
  });

  it('is not done once reopened', () => {
    const j = buildJourney(
      attrs,
      [tracker(1, 'Done'), tracker(2, 'Backlog')],
      stages,
    );
    expect(j).toMatchObject({
      doneAt: null,
      stage: 'Backlog',
      startedAt: t(1),
    });
  });

  it('counts evidence from before the item existed at createdAt', () => {
    // The commit was pushed before anyone filed the ticket.
    expect(path([auto(-5, 'In Progress'), auto(-1, 'Code Review')])).toEqual([
      ['Backlog', 0, 0],
      ['In Progress', 0, 0],
      ['Code Review', 0, null],
    ]);
    const j = buildJourney(attrs, [blocked(-3), unblocked(2)], stages);
    expect(j.blockedIntervals).toEqual([{ from: T0, to: t(2) }]);
  });

  it('skips evidence for a stage that is not configured and moves to the same stage', () => {
    expect(
      path([
        tracker(1, 'Shipping'),
        tracker(2, 'In Progress'),
        auto(3, 'In Progress'),
      ]),
    ).toEqual([
      ['Backlog', 0, 2],
      ['In Progress', 2, null],
    ]);
  });

  it('pairs blocked and unblocked, ignoring repeats', () => {
    const j = buildJourney(
      attrs,
      [
        unblocked(1), // nothing open: ignored
        blocked(2),
        blocked(3), // already blocked
        unblocked(5),
        unblocked(6),
        blocked(8),
      ],
      stages,
    );
    expect(j.blockedIntervals).toEqual([
      { from: t(2), to: t(5) },
      { from: t(8), to: null },
    ]);
    expect(j.blocked).toBe(true);
  });

  it('keeps the blocking reason, the first one given while blocked', () => {
    const why = (h: number, reason: string): Evidence => ({
      kind: 'blocked',
      at: t(h),
      order: `jira/r${h}`,
      reason,
    });
    const j = buildJourney(
      attrs,
      [
        blocked(1), // no reason yet
        why(2, 'staging down'), // fills the open interval's missing reason
        why(3, 'spec unclear'), // already has one: kept
        unblocked(4),
        why(6, 'waiting on payments team API'),
      ],
      stages,
    );
    expect(j.blockedIntervals).toEqual([
      { from: t(1), to: t(4), reason: 'staging down' },
      { from: t(6), to: null, reason: 'waiting on payments team API' },
    ]);
  });

  it('orders equal timestamps: tracker, then automatic, then blocked flags', () => {
    // Same instant: the tracker's Done comes first, so the deployment cannot pull it back.
    expect(path([auto(4, 'Monitoring'), tracker(4, 'Done')])).toEqual([
      ['Backlog', 0, 4],
      ['Done', 4, null],
    ]);
    // Tracker first, then the automatic evidence moves on from there.
    expect(path([auto(2, 'Build'), tracker(2, 'In Progress')])).toEqual([
      ['Backlog', 0, 2],
      ['In Progress', 2, 2],
      ['Build', 2, null],
    ]);
    const j = buildJourney(attrs, [unblocked(3), blocked(3)], stages);
    expect(j.blockedIntervals).toEqual([{ from: t(3), to: t(3) }]);
    expect(j.blocked).toBe(false);
  });

  it('breaks ties between equal evidence by source/id, whatever the input order', () => {
    const a = tracker(3, 'Done', 'jira/a');
    const b = tracker(3, 'In Progress', 'jira/b');
    const one = buildJourney(attrs, [a, b], stages);
    const other = buildJourney(attrs, [b, a], stages);
    expect(other).toEqual(one);
    expect(one.stage).toBe('In Progress');
  });

  it('follows configured stages', () => {
    const custom = [
      { name: 'Todo', category: 'queue' as const },
      { name: 'Doing', category: 'active' as const },
      { name: 'Shipped', category: 'done' as const },
    ];
    const j = buildJourney(
      attrs,
      [auto(1, 'In Progress'), tracker(2, 'Doing'), tracker(3, 'Shipped')],
      custom,
    );
    expect(j.intervals.map(i => i.stage)).toEqual(['Todo', 'Doing', 'Shipped']);
    expect(j).toMatchObject({ startedAt: t(2), doneAt: t(3) });
  });
});
