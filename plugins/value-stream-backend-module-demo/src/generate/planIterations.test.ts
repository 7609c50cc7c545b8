import { demoSprints, itemSprintMoves } from './planIterations';
import { DAY, HOUR, MINUTE } from './time';

// Thursday 2026-12-03 12:00 UTC: the running sprint started Monday 2026-11-23.
const anchor = Date.UTC(2026, 11, 3, 12);
const [s1, s2] = demoSprints(anchor);

describe('demo sprints', () => {
  it('are the running two-week sprint and the ended one before it', () => {
    expect(
      demoSprints(anchor).map(s => [
        s.id,
        s.name,
        new Date(s.startAt).toISOString(),
        new Date(s.endAt).toISOString(),
      ]),
    ).toEqual([
      [
        'demo-sprint-2026-11-09',
        'Sprint 1 (11-09)',
        '2026-11-09T00:00:00.000Z',
        '2026-11-23T00:00:00.000Z',
      ],
      [
        'demo-sprint-2026-11-23',
        'Sprint 2 (11-23)',
        '2026-11-23T00:00:00.000Z',
        '2026-12-07T00:00:00.000Z',
      ],
    ]);
  });

  it('plan an item into the sprint its work started in, from its creation', () => {
    const createdAt = s1.startAt - 2 * DAY;
    expect(
      itemSprintMoves(
        {
          createdAt,
          startedAt: s1.startAt + DAY,
          doneAt: s1.startAt + 5 * DAY,
        },
        [s1, s2],
      ),
    ).toEqual([{ at: createdAt + MINUTE, sprint: s1 }]);
  });

  it('carry an item of the ended sprint not done by its end into the next', () => {
    const createdAt = s1.startAt + 3 * DAY; // added mid-sprint
    expect(
      itemSprintMoves(
        { createdAt, startedAt: createdAt + HOUR, doneAt: s2.startAt + DAY },
        [s1, s2],
      ),
    ).toEqual([
      { at: createdAt + MINUTE, sprint: s1 },
      { at: s2.startAt - HOUR, sprint: s2 },
    ]);
  });

  it('leave items started before both sprints in none', () => {
    expect(
      itemSprintMoves(
        { createdAt: s1.startAt - 30 * DAY, startedAt: s1.startAt - 20 * DAY },
        [s1, s2],
      ),
    ).toEqual([]);
  });
});
