import type { PlannedDeployment, PlannedItem, Timeline } from './plan';
import { OBSERVED_ITEMS } from './planItems';
import { Rng } from './random';
import { DAY, HOUR, Millis, startOfUtcDay } from './time';

/** Features shipped this long before the anchor, or later, hear from their users. */
const FEEDBACK_SINCE_DAYS = 21;
/** The share of those features whose survey gets answers (usage is measured for all). */
const SURVEY_PROBABILITY = 0.75;
/** Days of usage reported after a feature ships (the default outcome window is 7). */
const USAGE_DAYS = 8;
const TICKET_PROBABILITY = 0.4;

/** What users said and did about one shipped feature (DESIGN §14). */
export interface PlannedFeedback {
  item: PlannedItem;
  deployedAt: Millis;
  /** Daily usage: `count` over `[from, from + 1 day)`, reported at its end. */
  usage: Array<{ from: Millis; count: number }>;
  /** Survey answers, 0–10. */
  answers: Array<{ at: Millis; score: number }>;
  tickets: Array<{ openedAt: Millis; resolvedAt: Millis }>;
}

/** The finish of the first successful production deployment that ships the item. */
function deployedAt(
  item: PlannedItem,
  production: readonly PlannedDeployment[],
): Millis | undefined {
  const shipped = production.filter(d => d.commits.includes(item.pr.mergeSha));
  return shipped.length
    ? Math.min(...shipped.map(d => d.finishedAt))
    : undefined;
}

/** A score of a user who likes the feature with probability `liking`. */
function score(rng: Rng, liking: number): number {
  const r = rng.float();
  if (r < liking) return rng.int(9, 10);
  if (r < liking + (1 - liking) / 2) return rng.int(7, 8);
  return rng.int(0, 6);
}

/**
 * Usage (of every one), survey answers (of most) and support tickets (of some) of the
 * features shipped from three weeks before the anchor on. Each feature draws from a
 * stream of its own (seed, service, key), so a longer horizon adds feedback of later
 * features and never changes the past. Some windows have ended by the start, some have not.
 */
export function planFeedback(
  items: readonly PlannedItem[],
  deployments: readonly PlannedDeployment[],
  timeline: Timeline,
): PlannedFeedback[] {
  const production = deployments.filter(
    d => d.environment === 'production' && d.status === 'success',
  );
  const out: PlannedFeedback[] = [];
  for (const item of items) {
    if (item.itemType !== 'feature') continue;
    const at = deployedAt(item, production);
    if (at === undefined) continue;
    if (at < timeline.anchor - FEEDBACK_SINCE_DAYS * DAY) continue;
    const rng = new Rng(timeline.seed, item.service.name, 'feedback', item.key);
    // The items shipped just before the real start always hear back: a fresh start shows
    // a window still open, with its first answers.
    const surveyed =
      rng.chance(SURVEY_PROBABILITY) || OBSERVED_ITEMS.includes(item.streamId);
    const daily = rng.int(80, 600);
    const usage = Array.from({ length: USAGE_DAYS }, (_, i) => ({
      from: startOfUtcDay(at) + i * DAY,
      count: Math.round(daily * rng.between(0.6, 1.4)),
    }));
    const liking = rng.between(0.3, 0.85);
    // The first two answers come within hours of the release, the others over the week.
    const answers = Array.from(
      { length: surveyed ? rng.int(3, 9) : 0 },
      (_, i) => ({
        at:
          at +
          (i < 2
            ? rng.between(HOUR, 4 * HOUR)
            : rng.between(4 * HOUR, 6.5 * DAY)),
        score: score(rng, liking),
      }),
    ).sort((a, b) => a.at - b.at);
    const tickets = [];
    if (rng.chance(TICKET_PROBABILITY)) {
      const openedAt = at + rng.between(6 * HOUR, 3 * DAY);
      tickets.push({
        openedAt,
        resolvedAt: openedAt + rng.between(4 * HOUR, 2 * DAY),
      });
    }
    out.push({ item, deployedAt: at, usage, answers, tickets });
  }
  return out;
}
