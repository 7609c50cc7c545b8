import type {
  ItemsAndValue,
  IterationSummary,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { Millis, Window } from '../journeys/types';
import { iso } from './time';

/** An iteration as a `work_item.updated.iteration` names it (times in epoch ms). */
export interface IterationInfo {
  id: string;
  name: string;
  startAt: Millis | null;
  endAt: Millis | null;
}

/**
 * One `work_item.updated` that carries `iteration`: from `at` on the item is in that
 * iteration, or in none (`iteration: null`). `order` breaks ties at one instant (the
 * event's `source` and `id`), so that any arrival order gives the same answer.
 */
export interface IterationChange {
  key: string;
  at: Millis;
  order: string;
  iteration: IterationInfo | null;
}

/** What the iteration read needs of an item: its value and its entries into Done. */
export interface IterationItem {
  key: string;
  value: number | null;
  /** Times the item entered a done stage (a reopened item has several). */
  doneEntries: Millis[];
}

/** Code-unit order (not locale), the same on every machine. */
const compare = (a: string, b: string) => {
  if (a === b) return 0;
  return a < b ? -1 : 1;
};

const none = (): ItemsAndValue => ({ items: 0, value: 0 });

function sum(keys: Iterable<string>, items: Map<string, IterationItem>) {
  const out = none();
  for (const key of keys) {
    out.items += 1;
    out.value += items.get(key)?.value ?? 0;
  }
  return out;
}

/** The iteration (id) an item is in at `t`, from its ordered changes: the last one at or before `t`. */
function memberAt(changes: readonly IterationChange[], t: number) {
  let id: string | null = null;
  for (const c of changes) {
    if (c.at > t) break;
    id = c.iteration?.id ?? null;
  }
  return id;
}

/**
 * Planned, delivered, added and carried-over items and value per iteration (DESIGN §14,
 * §17). An item's iteration over time follows its changes (`null` removes it):
 * planned = items in the iteration at `startAt`; delivered = items in it at `endAt` (or
 * `now`, if it has not ended) that entered Done in `[startAt, endAt)`; added = items that
 * joined after `startAt` (and before its end); carriedOver = planned items not done by
 * `endAt`. An iteration's name and dates are those of the latest change naming it (a date
 * it leaves out stays as an earlier change gave it). Without
 * a `startAt` (or one still ahead) planned is its current membership, with nothing added.
 * Iterations overlapping the window, by start (undated ones last), then id.
 *
 * @internal
 */
export function iterationSummaries(options: {
  changes: readonly IterationChange[];
  items: readonly IterationItem[];
  window: Window;
  now: Millis;
}): IterationSummary[] {
  const { window, now } = options;
  const items = new Map(options.items.map(i => [i.key, i]));
  const sorted = [...options.changes].sort(
    (a, b) => a.at - b.at || compare(a.order, b.order) || compare(a.key, b.key),
  );
  const byItem = new Map<string, IterationChange[]>();
  const info = new Map<string, IterationInfo>();
  for (const c of sorted) {
    byItem.set(c.key, [...(byItem.get(c.key) ?? []), c]);
    if (!c.iteration) continue;
    // a later change that does not know the dates (a GitHub timeline entry) keeps them
    const seen = info.get(c.iteration.id);
    info.set(c.iteration.id, {
      ...c.iteration,
      startAt: c.iteration.startAt ?? seen?.startAt ?? null,
      endAt: c.iteration.endAt ?? seen?.endAt ?? null,
    });
  }

  const out: IterationSummary[] = [];
  for (const it of info.values()) {
    const start = it.startAt;
    const end = it.endAt !== null && it.endAt <= now ? it.endAt : now;
    if (start !== null && start >= window.to) continue;
    if (it.endAt !== null && it.endAt < window.from) continue;
    const started = start !== null && start <= now;
    const planned = new Set<string>();
    const added = new Set<string>();
    const delivered = new Set<string>();
    const carried = new Set<string>();
    for (const [key, changes] of byItem) {
      if (!changes.some(c => c.iteration?.id === it.id)) continue;
      const atStart = started && memberAt(changes, start!) === it.id;
      const atEnd = memberAt(changes, end) === it.id;
      if (!started) {
        if (atEnd) planned.add(key);
      } else if (atStart) {
        planned.add(key);
      } else if (
        changes.some(
          c => c.iteration?.id === it.id && c.at > start! && c.at <= end,
        )
      ) {
        added.add(key);
      }
      const entries = items.get(key)?.doneEntries ?? [];
      const doneIn = entries.some(
        t => (start === null || t >= start) && t < end,
      );
      if (atEnd && doneIn) delivered.add(key);
      if (planned.has(key) && !entries.some(t => t < end)) carried.add(key);
    }
    out.push({
      id: it.id,
      name: it.name,
      startAt: start === null ? null : iso(start),
      endAt: it.endAt === null ? null : iso(it.endAt),
      planned: sum(planned, items),
      delivered: sum(delivered, items),
      added: sum(added, items),
      carriedOver: sum(carried, items),
    });
  }
  return out.sort(
    (a, b) =>
      (a.startAt === null ? 1 : 0) - (b.startAt === null ? 1 : 0) ||
      (a.startAt ?? '').localeCompare(b.startAt ?? '') ||
      a.id.localeCompare(b.id),
  );
}
