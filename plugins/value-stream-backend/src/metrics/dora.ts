import type { MetricsResponse } from '@valuestream/backstage-plugin-value-stream-common';
import type {
  ChangeRecord,
  DeployedChange,
  DeploymentRecord,
  IncidentRecord,
  Window,
} from '../journeys/types';
import {
  attributeToProduction,
  successfulProduction,
  wasRolledBack,
} from './attribution';
import {
  changeFailureRateTier,
  deploymentFrequencyTier,
  leadTimeTier,
  recoveryTimeTier,
} from './doraTiers';
import { DeployedBreakdownChange, leadTimeBreakdown } from './changeBreakdown';
import { durationStats, recoveryStats } from './percentiles';
import { ReworkConfig, ReworkEvidence, reworkRate } from './rework';
import { inWindow, perWeek, seconds } from './time';

/** @internal */
export interface DoraInput {
  deployments: readonly DeploymentRecord[];
  incidents: readonly IncidentRecord[];
  /**
   * Changes with their first successful production deployment (any time; filtered here)
   * and their PR's times for the breakdown.
   */
  changes: readonly DeployedBreakdownChange[];
  window: Window;
  /** `valueStream.incidentAttributionWindow`, default 24 h. */
  attributionWindowMs: number;
  /**
   * What the window's successful production deployments include (rework rate); a
   * deployment missing here includes nothing linked.
   */
  reworkEvidence: readonly ReworkEvidence[];
  rework: ReworkConfig;
}

/**
 * Each change with the finish time of the first successful production deployment
 * that included one of its commits (DESIGN §6); changes never deployed are left out.
 * The definition: the backend reads the same from `vs_entity_changes`, kept at ingest
 * (database/entityChanges.ts), and tests check the two agree.
 *
 * @internal
 */
export function deployedChanges(
  changes: readonly ChangeRecord[],
  deployments: readonly DeploymentRecord[],
): DeployedChange[] {
  const firstDeployOf = new Map<string, number>();
  // earliest first, so the first deployment to include a commit wins
  for (const deployment of successfulProduction(deployments)) {
    const shas = deployment.commitSha
      ? [deployment.commitSha, ...deployment.commits]
      : deployment.commits;
    for (const sha of shas) {
      if (!firstDeployOf.has(sha))
        firstDeployOf.set(sha, deployment.finishedAt);
    }
  }
  return changes.flatMap(change => {
    let deployedAt = Infinity;
    for (const sha of change.commits) {
      deployedAt = Math.min(deployedAt, firstDeployOf.get(sha) ?? Infinity);
    }
    if (deployedAt === Infinity) return [];
    return [{ id: change.id, firstCommitAt: change.firstCommitAt, deployedAt }];
  });
}

/**
 * The `dora` block of the metrics response, with tiers (DESIGN §6, §11 DORA).
 * Incidents and rollbacks known now count against their deployment's window
 * even when they came after it.
 *
 * @internal
 */
export function doraMetrics(input: DoraInput): MetricsResponse['dora'] {
  const { window } = input;
  const production = successfulProduction(input.deployments);
  const deployedInWindow = production.filter(d =>
    inWindow(d.finishedAt, window),
  );

  const withIncident = new Set<string>();
  for (const incident of input.incidents) {
    const deployment = attributeToProduction(
      incident,
      production,
      input.attributionWindowMs,
    );
    if (deployment) withIncident.add(deployment.deploymentId);
  }
  const failed = deployedInWindow.filter(
    d => wasRolledBack(d) || withIncident.has(d.deploymentId),
  ).length;
  const total = deployedInWindow.length;
  const rate = total > 0 ? failed / total : null;

  const leadTimes = input.changes
    .filter(c => inWindow(c.deployedAt, window))
    .map(c => seconds(c.deployedAt - c.firstCommitAt));
  const leadTimeStats = durationStats(leadTimes);

  const recoveries = input.incidents.flatMap(i =>
    i.openedAt !== null && inWindow(i.resolvedAt, window)
      ? [seconds(i.resolvedAt - i.openedAt)]
      : [],
  );
  const recovery = recoveryStats(recoveries);

  const evidence = new Map(input.reworkEvidence.map(e => [e.deploymentId, e]));
  const rework = reworkRate(
    deployedInWindow.map(
      d =>
        evidence.get(d.deploymentId) ?? {
          deploymentId: d.deploymentId,
          itemTypes: [],
          branches: [],
        },
    ),
    input.rework,
  );

  const frequency = perWeek(total, window);
  return {
    deploymentFrequency: {
      count: total,
      perWeek: frequency,
      tier: deploymentFrequencyTier(frequency),
    },
    leadTimeForChanges: leadTimeStats && {
      ...leadTimeStats,
      tier: leadTimeTier(leadTimeStats.p50),
    },
    changeFailureRate: {
      failed,
      total,
      rate,
      tier: changeFailureRateTier(rate),
    },
    recoveryTime: recovery && {
      ...recovery,
      tier: recoveryTimeTier(recovery.p50),
    },
    reworkRate: rework,
    leadTimeBreakdown: leadTimeBreakdown(input.changes, window),
  };
}
