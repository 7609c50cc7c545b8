import {
  IterationChange,
  IterationInfo,
  IterationItem,
  iterationSummaries,
} from './iterations';

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 10, 2);
const day = (n: number) => t0 + n * DAY;

const s1: IterationInfo = {
  id: '1',
  name: 'Sprint 1',
  startAt: day(0),
  endAt: day(14),
};
const s2: IterationInfo = {
  id: '2',
  name: 'Sprint 2',
  startAt: day(14),
  endAt: day(28),
};

let n = 0;
const move = (
  key: string,
  at: number,
  iteration: IterationInfo | null,
): IterationChange => ({ key, at, order: `e${n++}`, iteration });
const item = (
  key: string,
  value: number | null,
  ...doneDays: number[]
): IterationItem => ({ key, value, doneEntries: doneDays.map(day) });

const window = { from: day(0), to: day(28) };
const now = day(30);

describe('iterationSummaries', () => {
  // A-1 (value 50) planned in sprint 1, done on day 5.
  // A-2 (value 30) planned in sprint 1, not done: carried over, moved to sprint 2 on day 14,
  //   done there on day 20.
  // A-3 (value 20) added to sprint 1 mid-iteration (day 3), done on day 10.
  // A-4 (no value) planned in sprint 1, removed (null) on day 2, never done.
  const changes = [
    move('A-1', day(-1), s1),
    move('A-2', day(-1), s1),
    move('A-4', day(-2), s1),
    move('A-3', day(3), s1),
    move('A-4', day(2), null),
    move('A-2', day(14), s2),
  ];
  const items = [
    item('A-1', 50, 5),
    item('A-2', 30, 20),
    item('A-3', 20, 10),
    item('A-4', null),
  ];

  it('gives planned, delivered, added and carried over, by items and by value', () => {
    expect(iterationSummaries({ changes, items, window, now })).toEqual([
      {
        id: '1',
        name: 'Sprint 1',
        startAt: '2026-11-02T00:00:00.000Z',
        endAt: '2026-11-16T00:00:00.000Z',
        // A-4 (no value: adds 0)
        planned: { items: 3, value: 80 },
        // A-1 and A-3 (added mid-iteration, done inside it)
        delivered: { items: 2, value: 70 },
        added: { items: 1, value: 20 },
        // A-2 (moved on, not done by the end) and A-4 (removed, never done)
        carriedOver: { items: 2, value: 30 },
      },
      {
        id: '2',
        name: 'Sprint 2',
        startAt: '2026-11-16T00:00:00.000Z',
        endAt: '2026-11-30T00:00:00.000Z',
        // A-2 moved in at the start instant: planned
        planned: { items: 1, value: 30 },
        delivered: { items: 1, value: 30 },
        added: { items: 0, value: 0 },
        carriedOver: { items: 0, value: 0 },
      },
    ]);
  });

  it('an item moved to another iteration before the end is not delivered by the first', () => {
    // B-1 planned in sprint 1, moved to sprint 2 on day 8, done on day 9 (still in sprint 1's dates).
    const result = iterationSummaries({
      changes: [move('B-1', day(-1), s1), move('B-1', day(8), s2)],
      items: [item('B-1', 40, 9)],
      window,
      now,
    });
    expect(
      result.map(r => [r.id, r.planned, r.delivered, r.added, r.carriedOver]),
    ).toEqual([
      [
        '1',
        { items: 1, value: 40 },
        { items: 0, value: 0 },
        { items: 0, value: 0 },
        { items: 0, value: 0 },
      ],
      // joined sprint 2 before its start; done before it started: not delivered by it
      [
        '2',
        { items: 1, value: 40 },
        { items: 0, value: 0 },
        { items: 0, value: 0 },
        { items: 0, value: 0 },
      ],
    ]);
  });

  it('keeps the dates a later change leaves out', () => {
    const [only] = iterationSummaries({
      changes: [
        move('D-1', day(-1), s1),
        move('D-2', day(3), {
          ...s1,
          name: 'Sprint one',
          startAt: null,
          endAt: null,
        }),
      ],
      items: [item('D-1', 10), item('D-2', 5)],
      window,
      now,
    });
    expect([
      only.name,
      only.startAt,
      only.endAt,
      only.planned,
      only.added,
    ]).toEqual([
      'Sprint one',
      '2026-11-02T00:00:00.000Z',
      '2026-11-16T00:00:00.000Z',
      { items: 1, value: 10 },
      { items: 1, value: 5 },
    ]);
  });

  it('any order of the changes gives the same answer', () => {
    const expected = iterationSummaries({ changes, items, window, now });
    const reversed = iterationSummaries({
      changes: [...changes].reverse(),
      items,
      window,
      now,
    });
    expect(reversed).toEqual(expected);
  });

  it('a running iteration counts up to now; iterations outside the window are left out', () => {
    const running: IterationInfo = {
      id: '3',
      name: 'Sprint 3',
      startAt: day(28),
      endAt: day(42),
    };
    const result = iterationSummaries({
      changes: [move('C-1', day(27), running), move('C-2', day(29), running)],
      items: [item('C-1', 10, 29), item('C-2', 5)],
      window: { from: day(28), to: day(31) },
      now,
    });
    expect(result).toEqual([
      {
        id: '3',
        name: 'Sprint 3',
        startAt: '2026-11-30T00:00:00.000Z',
        endAt: '2026-12-14T00:00:00.000Z',
        planned: { items: 1, value: 10 },
        delivered: { items: 1, value: 10 },
        added: { items: 1, value: 5 },
        carriedOver: { items: 0, value: 0 },
      },
    ]);
    expect(
      iterationSummaries({
        changes: [move('C-1', day(27), running)],
        items: [],
        window: { from: day(0), to: day(20) },
        now,
      }),
    ).toEqual([]);
  });
});
