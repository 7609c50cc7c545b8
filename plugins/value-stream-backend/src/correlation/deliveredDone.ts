import type { StageDefinition } from '@valuestream/backstage-plugin-value-stream-common';
import type { DoneConfig } from '../config/readDone';
import type { Journey, Millis } from '../journeys/types';
import type { Commit, Deployment, PullRequest } from '../model/artifacts';
import {
  deploymentRecord,
  isSuccessfulProductionDeployment,
} from '../model/deployments';
import { compareEvidence, Evidence } from './evidence';

const HOUR_MS = 3_600_000;

/** How far an item's linked changes have got to production (DESIGN §17 "Delivered Done"). */
export interface ChangeDelivery {
  /** Its linked changes: merged PRs, and default-branch commits of none of its PRs. */
  changes: number;
  /**
   * When the last of them first reached production: the finish of the first successful
   * production deployment by which all of them are included; null while one is not.
   */
  deliveredAt: Millis | null;
}

/**
 * The changes linked to an item and when they were all in production. A PR counts once
 * merged; a deployment includes it when it includes its merge commit or one of its
 * commits. A default-branch commit counts unless it is one of the item's PRs. Pure.
 */
export function changeDelivery(input: {
  pullRequests: readonly PullRequest[];
  commits: readonly Commit[];
  deployments: readonly Deployment[];
}): ChangeDelivery {
  const changes: string[][] = [];
  const inPr = new Set<string>();
  for (const pr of input.pullRequests) {
    const shas = [
      ...pr.commits,
      ...(pr.mergeCommitSha ? [pr.mergeCommitSha] : []),
    ];
    shas.forEach(s => inPr.add(s));
    if (pr.state === 'merged' || pr.mergedAt !== null) changes.push(shas);
  }
  for (const c of input.commits)
    if (c.onDefault && !inPr.has(c.sha)) changes.push([c.sha]);
  const successful = input.deployments
    .map(deploymentRecord)
    .filter(isSuccessfulProductionDeployment);
  let deliveredAt: Millis | null = changes.length ? -Infinity : null;
  for (const shas of changes) {
    let first: Millis | null = null;
    for (const d of successful) {
      if (shas.some(s => d.commits.includes(s) || d.commitSha === s))
        first = first === null ? d.finishedAt : Math.min(first, d.finishedAt);
    }
    if (first === null) return { changes: changes.length, deliveredAt: null };
    deliveredAt = Math.max(deliveredAt!, first);
  }
  return { changes: changes.length, deliveredAt };
}

/** The evidence with delivered Done applied, and when the item's observation ends. */
export interface DeliveredDone {
  evidence: Evidence[];
  /** Production delivery + observationHours, for an item whose changes are all deployed. */
  observationEndsAt?: Millis;
  /** When the item enters Done with no new event (closed, observation still running). */
  doneDueAt?: Millis;
}

/**
 * `done.mode: delivered` (DESIGN §13, §17): a tracker close of an item with a linked
 * change counts at max(close, delivery + observationHours), and not at all while a change
 * is not in production; a later tracker move out of Done (a reopen) before that time
 * supersedes it. An item without a linked change, or the tracker mode, keeps its
 * evidence as it is. `now` decides whether a pending Done has been reached. Pure.
 */
export function deliveredDone(input: {
  evidence: readonly Evidence[];
  stages: readonly StageDefinition[];
  done: DoneConfig;
  delivery: ChangeDelivery;
  now: Millis;
}): DeliveredDone {
  const { done, delivery } = input;
  if (done.mode !== 'delivered' || delivery.changes === 0)
    return { evidence: [...input.evidence] };
  const doneStages = new Set(
    input.stages.filter(s => s.category === 'done').map(s => s.name),
  );
  const observationEndsAt =
    delivery.deliveredAt === null
      ? undefined
      : delivery.deliveredAt + done.observationHours * HOUR_MS;
  const tracker = input.evidence
    .filter(e => e.kind === 'tracker')
    .sort(compareEvidence);
  const out: Evidence[] = input.evidence.filter(e => e.kind !== 'tracker');
  let doneDueAt: Millis | undefined;
  tracker.forEach((e, i) => {
    if (e.kind !== 'tracker' || !doneStages.has(e.stage)) {
      out.push(e);
      return;
    }
    if (observationEndsAt === undefined) return;
    const at = Math.max(e.at, observationEndsAt);
    const reopen = tracker
      .slice(i + 1)
      .find(r => r.kind === 'tracker' && !doneStages.has(r.stage));
    if (reopen && reopen.at <= at) return;
    // Withheld only for the observation: a close after it counts as the tracker's.
    if (at > e.at && at > input.now) {
      if (!reopen) doneDueAt = at;
      return;
    }
    out.push({ ...e, at });
  });
  return {
    evidence: out,
    ...(observationEndsAt !== undefined ? { observationEndsAt } : {}),
    ...(doneDueAt !== undefined ? { doneDueAt } : {}),
  };
}

/** The journey with its observation times, while it is not done (none once it is). Pure. */
export function withObservation(
  journey: Journey,
  delivered: Pick<DeliveredDone, 'observationEndsAt' | 'doneDueAt'>,
): Journey {
  if (journey.doneAt !== null) return journey;
  return {
    ...journey,
    ...(delivered.observationEndsAt !== undefined
      ? { observationEndsAt: delivered.observationEndsAt }
      : {}),
    ...(delivered.doneDueAt !== undefined
      ? { doneDueAt: delivered.doneDueAt }
      : {}),
  };
}
