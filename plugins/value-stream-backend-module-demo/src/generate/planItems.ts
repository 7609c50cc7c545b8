import type { PlannedItem, Timeline } from './plan';
import { Rng } from './random';
import type { DemoService } from './services';
import { BLOCK_REASONS, ITEM_TYPE_WEIGHTS, itemText } from './texts';
import {
  DAY,
  HOUR,
  MINUTE,
  Millis,
  addWorkingTime,
  snapToWorkingHours,
} from './time';

/** Working hours in a week (5 × 10 h): arrivals are spread over them. */
const WORKING_WEEK = 50 * HOUR;
const BACKLOG_WAIT = {
  median: 1.5 * DAY,
  sigma: 0.9,
  min: 30 * MINUTE,
  max: 20 * DAY,
};
const DEVELOPMENT = {
  median: 1.3 * DAY,
  sigma: 0.7,
  min: 2 * HOUR,
  max: 10 * DAY,
};
const BLOCKED = {
  median: 10 * HOUR,
  sigma: 0.9,
  min: 30 * MINUTE,
  max: 5 * DAY,
};
const FIX_AFTER_REVIEW = {
  median: 3 * HOUR,
  sigma: 0.6,
  min: 20 * MINUTE,
  max: DAY,
};
const MERGE_AFTER_APPROVAL = {
  median: 25 * MINUTE,
  sigma: 0.7,
  min: 2 * MINUTE,
  max: 6 * HOUR,
};
const BUILD = {
  median: 9 * MINUTE,
  sigma: 0.4,
  min: 3 * MINUTE,
  max: 40 * MINUTE,
};
const BUILD_RETRY = {
  median: 25 * MINUTE,
  sigma: 0.6,
  min: 5 * MINUTE,
  max: 3 * HOUR,
};
const BLOCK_PROBABILITY = 0.08;
const CHANGES_REQUESTED_PROBABILITY = 0.3;
const BUILD_FAILURE_PROBABILITY = 0.12;

/** The review pile-up on the bottleneck service starts this long before the anchor… */
export const PILE_UP_DAYS = 8;
/** …and reviewers catch up this long after it. */
export const PILE_UP_RELEASE_DAYS = 8;

/** The scenario items shipped a few hours before now (see planDeployments). */
export const OBSERVED_ITEMS = ['scenario-observed-1', 'scenario-observed-2'];

/** Fixed times for the scenario items, instead of random ones. */
interface ItemScript {
  startedAt: Millis;
  block?: { from: Millis; to: Millis; reason: string };
  prOpenedAt?: Millis;
  /** No approval before this. */
  reviewHeldUntil?: Millis;
  /** Approved at this time, with no other review. */
  approvedAt?: Millis;
}

function planItem(
  rng: Rng,
  service: DemoService,
  streamId: string,
  createdAt: Millis,
  timeline: Timeline,
  script?: ItemScript,
): PlannedItem {
  const itemType = rng.weighted(ITEM_TYPE_WEIGHTS);
  const text = itemText(rng, itemType, service.topics);
  const value = itemType === 'feature' ? rng.int(10, 90) : undefined;
  // Each step happens at least a minute after the one before.
  const after = (previous: Millis, t: Millis) => Math.max(previous + MINUTE, t);

  const startedAt =
    script?.startedAt ??
    after(
      createdAt,
      snapToWorkingHours(createdAt + rng.logNormal(BACKLOG_WAIT)),
    );
  let development = rng.logNormal(DEVELOPMENT);
  const blocks: PlannedItem['blocks'] = [];
  if (script?.block) {
    blocks.push(script.block);
  } else if (rng.chance(BLOCK_PROBABILITY)) {
    const from = startedAt + development * rng.between(0.2, 0.6);
    const duration = rng.logNormal(BLOCKED);
    blocks.push({ from, to: from + duration, reason: rng.pick(BLOCK_REASONS) });
    development += duration;
  }
  const openedAt =
    script?.prOpenedAt ??
    after(
      blocks[0]?.to ?? startedAt,
      snapToWorkingHours(startedAt + development),
    );

  const commits: PlannedItem['commits'] = [];
  const commitCount = rng.int(1, 4);
  const fractions = Array.from({ length: commitCount }, () =>
    rng.between(0.05, 0.95),
  ).sort((a, b) => a - b);
  // A scripted block stops the work: its commits come before it.
  const commitsUntil = script?.block?.from ?? openedAt;
  let last = startedAt;
  fractions.forEach((fraction, i) => {
    last = after(
      last,
      snapToWorkingHours(startedAt + (commitsUntil - startedAt) * fraction),
    );
    commits.push({
      sha: rng.hex(40),
      at: Math.min(last, commitsUntil - MINUTE),
      kind: i === 0 ? 'first' : 'more',
    });
  });

  const reviewMedian = service.reviewMedianHours * HOUR;
  const reviewWait = rng.logNormal({
    median: reviewMedian,
    sigma: 0.6,
    min: 15 * MINUTE,
    max: 5 * reviewMedian,
  });
  const inPileUp =
    service.reviewBottleneck &&
    openedAt >= timeline.anchor - PILE_UP_DAYS * DAY &&
    openedAt < timeline.anchor + PILE_UP_RELEASE_DAYS * DAY;
  const releaseAt =
    timeline.anchor + PILE_UP_RELEASE_DAYS * DAY + rng.between(0, 2 * DAY);
  const heldUntil =
    script?.reviewHeldUntil ?? (inPileUp ? releaseAt : undefined);

  const reviews: PlannedItem['pr']['reviews'] = [];
  let approvedAt: Millis;
  if (script?.approvedAt !== undefined) {
    approvedAt = after(openedAt, script.approvedAt);
  } else if (heldUntil !== undefined) {
    // Someone glances at it, then it waits for the reviewers to catch up.
    reviews.push({
      at: after(openedAt, openedAt + rng.between(2, 20) * HOUR),
      state: 'commented',
    });
    approvedAt = after(reviews[0].at, heldUntil);
  } else if (rng.chance(CHANGES_REQUESTED_PROBABILITY)) {
    const requestedAt = after(
      openedAt,
      snapToWorkingHours(openedAt + reviewWait),
    );
    reviews.push({ at: requestedAt, state: 'changes_requested' });
    const fixAt = after(
      requestedAt,
      snapToWorkingHours(requestedAt + rng.logNormal(FIX_AFTER_REVIEW)),
    );
    commits.push({ sha: rng.hex(40), at: fixAt, kind: 'fix' });
    approvedAt = after(
      fixAt,
      snapToWorkingHours(fixAt + reviewWait * rng.between(0.2, 0.5)),
    );
  } else {
    approvedAt = after(openedAt, snapToWorkingHours(openedAt + reviewWait));
  }
  reviews.push({ at: approvedAt, state: 'approved' });
  const mergedAt = after(
    approvedAt,
    approvedAt + rng.logNormal(MERGE_AFTER_APPROVAL),
  );

  const builds: PlannedItem['builds'] = [];
  let buildAt = mergedAt + rng.between(1, 3) * MINUTE;
  for (;;) {
    const finishedAt = buildAt + rng.logNormal(BUILD);
    const failed = builds.length === 0 && rng.chance(BUILD_FAILURE_PROBABILITY);
    builds.push({
      number: 0,
      startedAt: buildAt,
      finishedAt,
      status: failed ? 'failure' : 'success',
    });
    if (!failed) break;
    buildAt = finishedAt + rng.logNormal(BUILD_RETRY);
  }

  return {
    service,
    streamId,
    key: '',
    itemType,
    text,
    value,
    createdAt,
    startedAt,
    blocks,
    commits,
    pr: { number: 0, openedAt, reviews, mergedAt, mergeSha: rng.hex(40) },
    builds,
    readyAt: builds[builds.length - 1].finishedAt,
  };
}

/** Items that make the alerts fire around the anchor: a long block, reviews stuck for days. */
function scenarioItems(
  service: DemoService,
  index: number,
  timeline: Timeline,
): PlannedItem[] {
  const { anchor, seed } = timeline;
  const scripted = (name: string, createdAt: Millis, script: ItemScript) =>
    planItem(
      new Rng(seed, service.name, name),
      service,
      name,
      createdAt,
      timeline,
      script,
    );

  // Blocked for more than a day now, on every service (`item_blocked`).
  const blockedFrom = anchor - (1.5 + 0.5 * index) * DAY;
  const unblockedAt = anchor + 9 * DAY;
  const items = [
    scripted('scenario-blocked', anchor - 10 * DAY, {
      startedAt: anchor - 7 * DAY,
      block: {
        from: blockedFrom,
        to: unblockedAt,
        reason: 'Waiting for credentials from the security team',
      },
      prOpenedAt: unblockedAt + DAY,
    }),
  ];
  // Shipped a few hours before the real start by their own production deployment and closed
  // since (planDeployments): with `done.mode: delivered` still in observation, on every service.
  const { observedAt } = timeline;
  for (const [i, name] of OBSERVED_ITEMS.entries()) {
    items.push(
      scripted(name, observedAt - (4 + i) * DAY, {
        startedAt: observedAt - 3 * DAY,
        prOpenedAt: observedAt - (2 - 0.1 * i) * DAY,
        approvedAt: observedAt - 1.5 * DAY,
      }),
    );
  }
  if (service.reviewBottleneck) {
    // PRs forgotten in review for over a week (`item_stuck`).
    const heldUntil = anchor + PILE_UP_RELEASE_DAYS * DAY + 4 * HOUR;
    items.push(
      scripted('scenario-stuck-1', anchor - 16 * DAY, {
        startedAt: anchor - 13 * DAY,
        prOpenedAt: anchor - 9 * DAY,
        reviewHeldUntil: heldUntil,
      }),
      scripted('scenario-stuck-2', anchor - 15 * DAY, {
        startedAt: anchor - 12 * DAY,
        prOpenedAt: anchor - 7.5 * DAY,
        reviewHeldUntil: heldUntil,
      }),
    );
  }
  return items;
}

/**
 * Plans every item of one service created in the timeline's window: Poisson
 * arrivals over working hours, then the scenario items. Keys, PR and build
 * numbers are given in time order.
 */
export function planItems(
  service: DemoService,
  index: number,
  timeline: Timeline,
): PlannedItem[] {
  const arrivals = new Rng(timeline.seed, service.name, 'arrivals');
  const meanGap = WORKING_WEEK / service.itemsPerWeek;
  const items: PlannedItem[] = [];
  let t = timeline.windowStart;
  for (let i = 0; ; i++) {
    t = addWorkingTime(t, arrivals.exponential(meanGap));
    if (t > timeline.end) break;
    const streamId = `item-${i}`;
    items.push(
      planItem(
        new Rng(timeline.seed, service.name, streamId),
        service,
        streamId,
        t,
        timeline,
      ),
    );
  }
  items.push(
    ...scenarioItems(service, index, timeline).filter(
      item => item.createdAt <= timeline.end,
    ),
  );

  // The observed items move with the real start: numbers of their own keep the others'.
  const observed = items.filter(item => OBSERVED_ITEMS.includes(item.streamId));
  const regular = items.filter(item => !observed.includes(item));
  const byTime = <T>(list: T[], time: (x: T) => number) =>
    [...list].sort((a, b) => time(a) - time(b));
  byTime(regular, item => item.createdAt).forEach((item, i) => {
    item.key = `${service.jiraKey}-${101 + i}`;
  });
  byTime(regular, item => item.pr.openedAt).forEach((item, i) => {
    item.pr.number = 120 + (service.prNumberOffset ?? 0) + i;
  });
  byTime(
    regular.flatMap(item => item.builds),
    build => build.startedAt,
  ).forEach((build, i) => {
    build.number = 1 + i;
  });
  observed.forEach((item, k) => {
    item.key = `${service.jiraKey}-${9001 + k}`;
    item.pr.number = 9001 + (service.prNumberOffset ?? 0) + k;
    item.builds.forEach((build, j) => {
      build.number = 9001 + 10 * k + j;
    });
  });
  return items;
}
