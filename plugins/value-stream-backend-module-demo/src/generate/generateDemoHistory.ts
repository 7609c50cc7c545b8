import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import type { Timeline } from './plan';
import { planDeployments } from './planDeployments';
import { planFeedback } from './planFeedback';
import { demoSprints } from './planIterations';
import { planItems } from './planItems';
import { DEMO_SERVICES, DemoService } from './services';
import { DAY } from './time';
import {
  deploymentEvents,
  feedbackEvents,
  incidentEvents,
  itemEvents,
} from './toEvents';
import { unlinkedCommitEvents } from './unlinkedCommits';

const toMillis = (t: number | Date) =>
  typeof t === 'number' ? t : t.getTime();

/** @public */
export interface GenerateDemoHistoryOptions {
  /** Same seed, same `now`, same options: same events. */
  seed: number | string;
  /**
   * The story's present (epoch ms or Date). The scenarios — the Code Review
   * pile-up, the blocked items, the open incident — are placed around it.
   */
  now: number | Date;
  /** Days of history before `now`; defaults to 90. */
  days?: number;
  /**
   * Days the story goes on after `now`, for a producer that releases the
   * events as their time comes; defaults to 0 (nothing after `now`).
   */
  horizonDays?: number;
  /**
   * When the demo really starts (epoch ms or Date); defaults to `now`. Two items per service
   * are shipped to production 5 h before it and closed since, so with `done.mode: delivered`
   * they are still under observation on a fresh start. They have keys, PR and build numbers
   * of their own (9001…), so the rest of the story does not depend on it.
   */
  observedAt?: number | Date;
  /** Defaults to {@link DEMO_SERVICES}. */
  services?: readonly DemoService[];
}

/**
 * Generates the demo value stream: work items with their commits, PRs,
 * reviews, builds, deployments and incidents, for each service, as
 * canonical events ordered by `occurredAt`. Pure and deterministic: random
 * draws come from a PRNG seeded with `seed`, service and item, so the same
 * options always give the same events with the same ids.
 * @public
 */
export function generateDemoHistory(
  options: GenerateDemoHistoryOptions,
): CanonicalEvent[] {
  const anchor = toMillis(options.now);
  const timeline: Timeline = {
    seed: String(options.seed),
    anchor,
    windowStart: anchor - (options.days ?? 90) * DAY,
    end: anchor + (options.horizonDays ?? 0) * DAY,
    observedAt: toMillis(options.observedAt ?? anchor),
  };
  const events: CanonicalEvent[] = [];
  const sprints = demoSprints(anchor);
  (options.services ?? DEMO_SERVICES).forEach((service, index) => {
    const items = planItems(service, index, timeline);
    const { deployments, incidents } = planDeployments(
      service,
      items,
      timeline,
    );
    for (const item of items)
      events.push(...itemEvents(item, timeline.end, sprints));
    for (const d of deployments)
      events.push(...deploymentEvents(service, d, timeline.end));
    for (const i of incidents)
      events.push(...incidentEvents(service, i, timeline.end));
    for (const f of planFeedback(items, deployments, timeline))
      events.push(...feedbackEvents(f, timeline.end));
    events.push(...unlinkedCommitEvents(service, timeline));
  });
  return events.sort(
    (a, b) =>
      a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id),
  );
}
