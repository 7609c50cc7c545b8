import type {
  BreakdownStats,
  ChangeBreakdown,
  LeadTimeBreakdown,
  LeadTimeBreakdownPart,
  LeadTimeBreakdownPoint,
  TimeseriesInterval,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { DeployedChange, Window } from '../journeys/types';
import { percentileCont } from './percentiles';
import {
  DAY_MS,
  inWindow,
  iso,
  seconds,
  startOfUtcDay,
  startOfUtcWeek,
  WEEK_MS,
} from './time';

/** The parts in the order a change goes through them. @internal */
export const BREAKDOWN_PARTS: readonly LeadTimeBreakdownPart[] = [
  'coding',
  'pickup',
  'review',
  'deploy',
];

/** What the breakdown needs of a change's pull request (epoch ms). @internal */
export interface ChangePullRequest {
  openedAt: number | null;
  mergedAt: number | null;
  /** Earliest review of any state, whenever it came (`vs_pull_requests.first_reviewed_at`). */
  firstReviewedAt: number | null;
}

/**
 * A change with its PR (`pullRequest` null or absent for a direct push). A journey's change
 * may have no deployment yet (`deployedAt` null: no deploy part) or no stored commit
 * (`firstCommitAt` null: no coding part). @internal
 */
export interface BreakdownChange
  extends Omit<DeployedChange, 'firstCommitAt' | 'deployedAt'> {
  firstCommitAt: number | null;
  deployedAt: number | null;
  pullRequest?: ChangePullRequest | null;
}

/** A deployed change with its PR's times: what the metrics read. @internal */
export type DeployedBreakdownChange = DeployedChange &
  Pick<BreakdownChange, 'pullRequest'>;

const part = (to: number | null, from: number | null) =>
  to === null || from === null ? null : seconds(Math.max(0, to - from));

/**
 * One change's lead-time parts in seconds (DESIGN §13, §17): coding = PR opened − first
 * commit; pickup = first review − PR opened; review = merged − first review; deploy = first
 * successful production deployment − merged. Without a PR only deploy counts, from the
 * first commit. The first review counts when it came at or before the merge; without one,
 * pickup and review are null. A part that would be negative (a PR opened before its first
 * commit was authored) is 0. Pure.
 *
 * @internal
 */
export function changeBreakdown(change: BreakdownChange): ChangeBreakdown {
  const pr = change.pullRequest;
  if (!pr) {
    return {
      coding: null,
      pickup: null,
      review: null,
      deploy: part(change.deployedAt, change.firstCommitAt),
    };
  }
  const merged = pr.mergedAt;
  const review =
    pr.firstReviewedAt !== null &&
    merged !== null &&
    pr.firstReviewedAt <= merged
      ? pr.firstReviewedAt
      : null;
  return {
    coding: part(pr.openedAt, change.firstCommitAt),
    pickup: review === null ? null : part(review, pr.openedAt),
    review: review === null ? null : part(merged, review),
    deploy: part(change.deployedAt, merged ?? change.firstCommitAt),
  };
}

function stats(values: number[]): BreakdownStats {
  if (values.length === 0)
    return { count: 0, p50: null, p85: null, mean: null };
  const sorted = [...values].sort((a, b) => a - b);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    p50: percentileCont(sorted, 0.5),
    p85: percentileCont(sorted, 0.85),
    mean: sum / sorted.length,
  };
}

function partValues(changes: readonly BreakdownChange[]) {
  const values = Object.fromEntries(
    BREAKDOWN_PARTS.map(p => [p, [] as number[]]),
  ) as Record<LeadTimeBreakdownPart, number[]>;
  for (const change of changes) {
    const b = changeBreakdown(change);
    for (const p of BREAKDOWN_PARTS) {
      const v = b[p];
      if (v !== null) values[p].push(v);
    }
  }
  return values;
}

/**
 * `dora.leadTimeBreakdown`: each part's count, p50, p85 and mean over the changes whose
 * first successful production deployment finished in the window. Pure.
 *
 * @internal
 */
export function leadTimeBreakdown(
  changes: readonly BreakdownChange[],
  window: Window,
): LeadTimeBreakdown {
  const values = partValues(
    changes.filter(c => inWindow(c.deployedAt, window)),
  );
  return Object.fromEntries(
    BREAKDOWN_PARTS.map(p => [p, stats(values[p])]),
  ) as LeadTimeBreakdown;
}

/**
 * The breakdown per period overlapping the window (`t` the period start, 00:00 UTC; Mondays
 * for weeks): the number of changes first deployed in it and the mean of each part, null
 * when no change has that part. Pure.
 *
 * @internal
 */
export function leadTimeBreakdownSeries(
  changes: readonly BreakdownChange[],
  window: Window,
  interval: TimeseriesInterval = 'week',
): LeadTimeBreakdownPoint[] {
  if (window.to <= window.from) return [];
  const start = (ms: number) =>
    interval === 'week' ? startOfUtcWeek(ms) : startOfUtcDay(ms);
  const byPeriod = new Map<number, BreakdownChange[]>();
  for (const c of changes) {
    if (!inWindow(c.deployedAt, window)) continue;
    const t = start(c.deployedAt);
    (byPeriod.get(t) ?? byPeriod.set(t, []).get(t)!).push(c);
  }
  const points: LeadTimeBreakdownPoint[] = [];
  const step = interval === 'week' ? WEEK_MS : DAY_MS;
  for (let t = start(window.from); t < window.to; t += step) {
    const inPeriod = byPeriod.get(t) ?? [];
    const values = partValues(inPeriod);
    points.push({
      t: iso(t),
      count: inPeriod.length,
      ...(Object.fromEntries(
        BREAKDOWN_PARTS.map(p => [p, stats(values[p]).mean]),
      ) as Record<LeadTimeBreakdownPart, number | null>),
    });
  }
  return points;
}
