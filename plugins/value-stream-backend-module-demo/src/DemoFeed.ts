import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { generateDemoHistory, startOfUtcWeek } from './generate';

const DAY = 86_400_000;
/** Days of story generated ahead of the anchor, then a week more at a time. */
const FIRST_HORIZON_DAYS = 14;
const EXTEND_DAYS = 7;

/**
 * The demo story, released as its time comes. The history depends only on
 * the seed, the days and the anchor, never on when it is asked for, and a
 * longer horizon only adds events after the old end; so the events, ids
 * included, are the same after a restart and sending one twice is a no-op.
 * Only the observed scenario items (keys 9001…) are placed before the real
 * start (`observedAt`); after a restart their first events stay.
 */
export class DemoFeed {
  private events: CanonicalEvent[] = [];
  private horizonDays = 0;
  private sent = 0;

  constructor(
    private readonly options: {
      seed: number;
      days: number;
      anchor: number;
      /** The real start: the observed scenario items are placed before it. */
      observedAt?: number;
    },
  ) {
    this.extendTo(FIRST_HORIZON_DAYS);
  }

  /** The anchor for a start at `now`: the pinned one, else Monday 00:00 UTC of this week. */
  static anchorFor(now: number, pinned?: number): number {
    return pinned ?? startOfUtcWeek(now);
  }

  get anchor(): number {
    return this.options.anchor;
  }

  /** Events with `occurredAt` ≤ `now` not yet marked as sent, in time order. */
  due(now: number): CanonicalEvent[] {
    const daysAhead = Math.ceil((now - this.options.anchor) / DAY);
    if (daysAhead >= this.horizonDays - 1) {
      this.extendTo(daysAhead + EXTEND_DAYS);
    }
    let end = this.sent;
    while (
      end < this.events.length &&
      Date.parse(this.events[end].occurredAt) <= now
    ) {
      end++;
    }
    return this.events.slice(this.sent, end);
  }

  /** The first `count` events returned by {@link DemoFeed.due} reached the ingest path. */
  markSent(count: number): void {
    this.sent += count;
  }

  private extendTo(horizonDays: number) {
    // Events up to the old end stay where they were: `sent` remains valid.
    this.events = generateDemoHistory({
      ...this.options,
      now: this.options.anchor,
      horizonDays,
    });
    this.horizonDays = horizonDays;
  }
}
