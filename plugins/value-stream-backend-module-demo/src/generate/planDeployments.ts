import type {
  PlannedDeployment,
  PlannedIncident,
  PlannedItem,
  Timeline,
} from './plan';
import { Rng } from './random';
import type { DemoService } from './services';
import { OBSERVED_ITEMS } from './planItems';
import { INCIDENT_TITLES } from './texts';
import {
  DAY,
  HOUR,
  MINUTE,
  Millis,
  snapToWorkingHours,
  startOfUtcDay,
} from './time';

const TRAIN_HOUR_UTC = 14;
const DEPLOY = {
  median: 6 * MINUTE,
  sigma: 0.4,
  min: 2 * MINUTE,
  max: 30 * MINUTE,
};
const VALIDATION = {
  median: 3 * HOUR,
  sigma: 0.7,
  min: 20 * MINUTE,
  max: 30 * HOUR,
};
const RETRY = {
  median: 50 * MINUTE,
  sigma: 0.5,
  min: 10 * MINUTE,
  max: 5 * HOUR,
};
const TO_DONE = { median: 18 * HOUR, sigma: 0.6, min: HOUR, max: 4 * DAY };
const INCIDENT_AFTER = {
  median: 2 * HOUR,
  sigma: 1,
  min: 5 * MINUTE,
  max: 20 * HOUR,
};
const RECOVERY = {
  median: 80 * MINUTE,
  sigma: 0.9,
  min: 10 * MINUTE,
  max: 16 * HOUR,
};
const REFIX = { median: 20 * HOUR, sigma: 0.5, min: 4 * HOUR, max: 3 * DAY };
const STAGING_FAILURE_PROBABILITY = 0.03;
const PRODUCTION_FAILURE_PROBABILITY = 0.07;
const INCIDENT_PROBABILITY = 0.1;
/** The observed items' own production deployment starts this long before the real start… */
const OBSERVED_DEPLOY_BEFORE_START = 5 * HOUR;
/** …and the tracker closes them this long after it finished. */
const OBSERVED_CLOSE_AFTER = [1 * HOUR, 3 * HOUR];
/** The rolled-back deployment is the first one finishing after this long before the anchor. */
const ROLLBACK_DAYS_BEFORE_ANCHOR = 20;
/** The feature incident follows the first feature deployment finishing this long before the anchor or later… */
const FEATURE_INCIDENT_DAYS_BEFORE_ANCHOR = 12;
/** …opens this long after it finished… */
const FEATURE_INCIDENT_AFTER = [2 * HOUR, 4 * HOUR];
/** …and lasts this long. */
const FEATURE_INCIDENT_DURATION = 45 * MINUTE;

export interface DeploymentPlan {
  deployments: PlannedDeployment[];
  incidents: PlannedIncident[];
}

/**
 * A daily deployment train per service: on each deploy day it ships to
 * staging every built change not shipped yet, then, after validation, to
 * production. Failed production deployments are retried; the service with
 * `rollback` has one rolled back; some production deployments cause an
 * incident. Sets `doneAt` on the items that reached production.
 */
export function planDeployments(
  service: DemoService,
  items: PlannedItem[],
  timeline: Timeline,
): DeploymentPlan {
  const rng = new Rng(timeline.seed, service.name, 'deployments');
  const deployments: PlannedDeployment[] = [];
  const incidents: PlannedIncident[] = [];
  const app = service.argocdApp;
  // The observed items ship on their own, a few hours before the anchor (below).
  const observed = items.filter(i => OBSERVED_ITEMS.includes(i.streamId));
  let pending = items
    .filter(item => !observed.includes(item))
    .map(item => ({ item, readyAt: item.readyAt }));
  let lastProductionAt = -Infinity;
  let rolledBack = false;

  const deploy = (
    environment: PlannedDeployment['environment'],
    startedAt: Millis,
    batch: PlannedItem[],
    failureProbability: number,
  ): PlannedDeployment => {
    const latest = batch.reduce((a, b) =>
      b.pr.mergedAt > a.pr.mergedAt ? b : a,
    );
    const number = deployments.length + 1;
    const deployment: PlannedDeployment = {
      number,
      deploymentId: `${app}-${environment}-${number}`,
      environment,
      startedAt,
      finishedAt: startedAt + rng.logNormal(DEPLOY),
      status: rng.chance(failureProbability) ? 'failure' : 'success',
      commitSha: latest.pr.mergeSha,
      commits: batch.flatMap(item => [
        ...item.commits.map(c => c.sha),
        item.pr.mergeSha,
      ]),
    };
    deployments.push(deployment);
    return deployment;
  };
  const incident = (
    openedAt: Millis,
    resolvedAt: Millis | undefined,
    deploymentId?: string,
    draw: Rng = rng,
    label = String(incidents.length + 1),
  ) => {
    incidents.push({
      label,
      incidentId: `Q${draw.hex(13).toUpperCase()}`,
      openedAt,
      resolvedAt,
      severity: draw.chance(0.4) ? 'high' : 'low',
      title: `${draw.pick(INCIDENT_TITLES)} on ${service.name}`,
      deploymentId,
    });
  };

  for (
    let day = startOfUtcDay(timeline.windowStart);
    day <= timeline.end;
    day += DAY
  ) {
    if (!service.deployDays.includes(new Date(day).getUTCDay())) continue;
    const trainAt = day + TRAIN_HOUR_UTC * HOUR + rng.between(0, 90) * MINUTE;
    const batch = pending.filter(p => p.readyAt <= trainAt).map(p => p.item);
    if (batch.length === 0) continue;
    pending = pending.filter(p => p.readyAt > trainAt);

    const staging = deploy(
      'staging',
      trainAt,
      batch,
      STAGING_FAILURE_PROBABILITY,
    );
    if (staging.status === 'failure') {
      pending.push(...batch.map(item => ({ item, readyAt: item.readyAt })));
      continue;
    }
    let production = deploy(
      'production',
      Math.max(
        snapToWorkingHours(staging.finishedAt + rng.logNormal(VALIDATION)),
        lastProductionAt + 10 * MINUTE,
      ),
      batch,
      PRODUCTION_FAILURE_PROBABILITY,
    );
    if (production.status === 'failure') {
      production = deploy(
        'production',
        production.finishedAt + rng.logNormal(RETRY),
        batch,
        0,
      );
    }
    lastProductionAt = production.finishedAt;

    const rollbackDue = timeline.anchor - ROLLBACK_DAYS_BEFORE_ANCHOR * DAY;
    if (
      service.rollback &&
      !rolledBack &&
      production.finishedAt >= rollbackDue
    ) {
      rolledBack = true;
      const rolledBackAt = production.finishedAt + rng.between(30, 50) * MINUTE;
      production.rolledBackAt = rolledBackAt;
      lastProductionAt = rolledBackAt;
      incident(
        production.finishedAt + rng.between(5, 20) * MINUTE,
        rolledBackAt + rng.between(5, 20) * MINUTE,
        production.deploymentId,
      );
      // The changes ship again with the next train, once fixed.
      pending.push(
        ...batch.map(item => ({
          item,
          readyAt: rolledBackAt + rng.logNormal(REFIX),
        })),
      );
      continue;
    }
    if (rng.chance(INCIDENT_PROBABILITY)) {
      const openedAt = production.finishedAt + rng.logNormal(INCIDENT_AFTER);
      incident(
        openedAt,
        openedAt + rng.logNormal(RECOVERY),
        rng.chance(0.5) ? production.deploymentId : undefined,
      );
    }
    for (const item of batch) {
      item.doneAt = Math.max(
        production.finishedAt + MINUTE,
        snapToWorkingHours(production.finishedAt + rng.logNormal(TO_DONE)),
      );
    }
  }

  if (observed.length) {
    // Deployed to production 5 h before the start, closed 1 h and 3 h after: with
    // `done.mode: delivered` they stay in Monitoring for 24 h of observation. No random
    // draws and a number of its own (0), so a longer horizon tells the same past.
    const startedAt = Math.max(
      timeline.observedAt - OBSERVED_DEPLOY_BEFORE_START,
      ...observed.map(i => i.readyAt + 10 * MINUTE),
    );
    const production: PlannedDeployment = {
      number: 0,
      deploymentId: `${app}-production-hotfix`,
      environment: 'production',
      startedAt,
      finishedAt: startedAt + DEPLOY.median,
      status: 'success',
      commitSha: observed[observed.length - 1].pr.mergeSha,
      commits: observed.flatMap(item => [
        ...item.commits.map(c => c.sha),
        item.pr.mergeSha,
      ]),
    };
    deployments.push(production);
    observed.forEach((item, i) => {
      item.doneAt = production.finishedAt + OBSERVED_CLOSE_AFTER[i % 2];
    });
  }

  if (service.featureIncident) {
    // A draw stream of its own, so the rest of the story is unchanged.
    const draw = new Rng(timeline.seed, service.name, 'feature-incident');
    const openedAfter = draw.between(
      FEATURE_INCIDENT_AFTER[0],
      FEATURE_INCIDENT_AFTER[1],
    );
    const production = deployments
      .filter(d => d.environment === 'production' && d.status === 'success')
      .sort((a, b) => a.finishedAt - b.finishedAt);
    const shipsFeature = (d: PlannedDeployment) =>
      items.some(
        i => i.itemType === 'feature' && d.commits.includes(i.pr.mergeSha),
      );
    // The first one with no other production deployment finishing before the incident
    // resolves, so it is also the one the incident falls back to (DESIGN §11).
    const target = production.find(
      (d, i) =>
        d.number > 0 &&
        d.finishedAt >=
          timeline.anchor - FEATURE_INCIDENT_DAYS_BEFORE_ANCHOR * DAY &&
        !d.rolledBackAt &&
        shipsFeature(d) &&
        (production[i + 1]?.finishedAt ?? Infinity) >
          d.finishedAt + openedAfter + FEATURE_INCIDENT_DURATION,
    );
    if (target && target.finishedAt + openedAfter < timeline.anchor) {
      const openedAt = target.finishedAt + openedAfter;
      incident(
        openedAt,
        openedAt + FEATURE_INCIDENT_DURATION,
        target.deploymentId,
        draw,
        'feature',
      );
    }
  }

  if (service.openIncident) {
    // Opened a few hours before the anchor, resolved two days after it.
    incident(
      timeline.anchor - 3 * HOUR,
      timeline.anchor + 2 * DAY,
      undefined,
      new Rng(timeline.seed, service.name, 'open-incident'),
      'open',
    );
  }
  return { deployments, incidents };
}
