import { DemoFeed } from './DemoFeed';
import { generateDemoHistory } from './generate';

const DAY = 86_400_000;
const MONDAY = Date.parse('2025-03-10T00:00:00Z');
const at = (iso: string) => Date.parse(iso);

describe('DemoFeed', () => {
  it('anchors on Monday 00:00 UTC of the week unless pinned', () => {
    expect(DemoFeed.anchorFor(Date.parse('2025-03-13T15:42:00Z'))).toBe(MONDAY);
    expect(DemoFeed.anchorFor(Date.parse('2025-03-16T23:59:59Z'))).toBe(MONDAY);
    expect(DemoFeed.anchorFor(Date.parse('2025-03-17T00:00:00Z'))).toBe(
      MONDAY + 7 * DAY,
    );
    expect(DemoFeed.anchorFor(Date.parse('2025-03-13T15:42:00Z'), 1234)).toBe(
      1234,
    );
  });

  it('releases each event once, when its time has come', () => {
    const feed = new DemoFeed({ seed: 42, days: 30, anchor: MONDAY });
    const now = MONDAY + 2.5 * DAY;
    const backfill = feed.due(now);
    expect(backfill.length).toBeGreaterThan(1000);
    expect(backfill.every(e => at(e.occurredAt) <= now)).toBe(true);
    // The same events as the history generated for the anchor, plus what happened since.
    const history = generateDemoHistory({ seed: 42, days: 30, now: MONDAY });
    expect(backfill.slice(0, history.length).map(e => e.id)).toEqual(
      history.map(e => e.id),
    );
    expect(backfill.length).toBeGreaterThan(history.length);

    feed.markSent(backfill.length);
    expect(feed.due(now)).toEqual([]);
    const later = feed.due(now + 3 * 3_600_000);
    expect(later.length).toBeGreaterThan(0);
    expect(
      later.every(
        e => at(e.occurredAt) > now && at(e.occurredAt) <= now + 3 * 3_600_000,
      ),
    ).toBe(true);
  });

  it('keeps events not marked as sent due', () => {
    const feed = new DemoFeed({ seed: 42, days: 30, anchor: MONDAY });
    const due = feed.due(MONDAY);
    feed.markSent(100);
    expect(feed.due(MONDAY)).toEqual(due.slice(100));
  });

  it('gives the same ids after a restart later in the week', () => {
    const first = new DemoFeed({
      seed: 42,
      days: 30,
      anchor: DemoFeed.anchorFor(MONDAY + DAY),
    });
    const restarted = new DemoFeed({
      seed: 42,
      days: 30,
      anchor: DemoFeed.anchorFor(MONDAY + 5 * DAY),
    });
    const firstIds = first.due(MONDAY + DAY).map(e => e.id);
    const restartedIds = restarted.due(MONDAY + 5 * DAY).map(e => e.id);
    expect(restartedIds.slice(0, firstIds.length)).toEqual(firstIds);
  });

  it('keeps the story going past its first horizon', () => {
    const feed = new DemoFeed({ seed: 42, days: 30, anchor: MONDAY });
    const upToNow = feed.due(MONDAY + 10 * DAY);
    feed.markSent(upToNow.length);
    const weeksLater = feed.due(MONDAY + 40 * DAY);
    expect(weeksLater.length).toBeGreaterThan(500);
    const last = weeksLater[weeksLater.length - 1];
    expect(at(last.occurredAt)).toBeGreaterThan(MONDAY + 39 * DAY);
    // No event twice across the two releases.
    const ids = new Set([...upToNow, ...weeksLater].map(e => e.id));
    expect(ids.size).toBe(upToNow.length + weeksLater.length);
  });
});
