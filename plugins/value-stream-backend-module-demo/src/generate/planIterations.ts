import type { PlannedItem } from './plan';
import { DAY, Millis, MINUTE, HOUR, iso, startOfUtcWeek } from './time';

/** A demo sprint (DESIGN §14 `iteration`), times in epoch ms. */
export interface DemoSprint {
  id: string;
  name: string;
  startAt: Millis;
  endAt: Millis;
}

const SPRINT = 14 * DAY;

/**
 * The demo's two two-week sprints: the one running at `anchor` (it started on the Monday
 * of the week before) and the one before it, which has ended.
 */
export function demoSprints(anchor: Millis): DemoSprint[] {
  const current = startOfUtcWeek(anchor) - 7 * DAY;
  return [current - SPRINT, current].map((startAt, i) => ({
    id: `demo-sprint-${iso(startAt).slice(0, 10)}`,
    name: `Sprint ${i + 1} (${iso(startAt).slice(5, 10)})`,
    startAt,
    endAt: startAt + SPRINT,
  }));
}

/**
 * When an item joins a sprint: the sprint in which work on it started, from just after
 * its creation (planned when created before the sprint's start, else added mid-sprint).
 * An item of the ended sprint not done by its end is carried over into the next sprint
 * an hour before that one starts. Items started outside both sprints join none.
 */
export function itemSprintMoves(
  item: Pick<PlannedItem, 'createdAt' | 'startedAt' | 'doneAt'>,
  sprints: readonly DemoSprint[],
): Array<{ at: Millis; sprint: DemoSprint }> {
  const i = sprints.findIndex(
    s => item.startedAt >= s.startAt && item.startedAt < s.endAt,
  );
  if (i < 0) return [];
  const moves = [{ at: item.createdAt + MINUTE, sprint: sprints[i] }];
  const next = sprints[i + 1];
  if (next && (item.doneAt === undefined || item.doneAt >= sprints[i].endAt))
    moves.push({ at: next.startAt - HOUR, sprint: next });
  return moves;
}

/** The `iteration` of a `work_item.updated` for a sprint. */
export const sprintIteration = (s: DemoSprint) => ({
  id: s.id,
  name: s.name,
  startAt: iso(s.startAt),
  endAt: iso(s.endAt),
});
