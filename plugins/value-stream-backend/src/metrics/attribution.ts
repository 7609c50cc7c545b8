import type { DeploymentRecord, IncidentRecord } from '../journeys/types';
import { isSuccessfulProductionDeployment } from '../model/deployments';

/** Whether a deployment counts as failed by its own record (rolled back). @internal */
export function wasRolledBack(deployment: DeploymentRecord): boolean {
  return deployment.rolledBack || deployment.status === 'rolled_back';
}

/** Successful production deployments, earliest finished first. @internal */
export function successfulProduction(
  deployments: readonly DeploymentRecord[],
): Array<DeploymentRecord & { finishedAt: number }> {
  return deployments
    .filter(isSuccessfulProductionDeployment)
    .sort((a, b) => a.finishedAt - b.finishedAt);
}

/**
 * The deployment an incident is attributed to (DESIGN §6, §11), or null:
 * 0. a correction (`attribute_incident`, DESIGN §16) decides alone: the successful
 *    production deployment it names among these, else none;
 * 1. the successful production deployment named by `deploymentId`;
 * 2. else the earliest successful production deployment whose `commitSha` is
 *    the incident's `commitSha` or whose commits include it;
 * 3. else the latest successful production deployment finished before the
 *    incident opened, at most `attributionWindowMs` before it.
 * A rule that matches nothing falls through to the next.
 *
 * @internal
 */
export function attributeIncident(
  incident: IncidentRecord,
  deployments: readonly DeploymentRecord[],
  attributionWindowMs: number,
): DeploymentRecord | null {
  return attributeToProduction(
    incident,
    successfulProduction(deployments),
    attributionWindowMs,
  );
}

/**
 * {@link attributeIncident} over deployments already filtered and sorted by
 * {@link successfulProduction}.
 *
 * @internal
 */
export function attributeToProduction(
  incident: IncidentRecord,
  production: ReadonlyArray<DeploymentRecord & { finishedAt: number }>,
  attributionWindowMs: number,
): DeploymentRecord | null {
  if (incident.attribution) {
    const id = incident.attribution.deploymentId;
    return id === null
      ? null
      : production.find(d => d.deploymentId === id) ?? null;
  }
  if (incident.deploymentId !== null) {
    const named = production.find(
      d => d.deploymentId === incident.deploymentId,
    );
    if (named) return named;
  }

  const sha = incident.commitSha;
  if (sha !== null) {
    const deployed = production.find(
      d => d.commitSha === sha || d.commits.includes(sha),
    );
    if (deployed) return deployed;
  }

  const openedAt = incident.openedAt;
  if (openedAt !== null) {
    for (let i = production.length - 1; i >= 0; i--) {
      const finishedAt = production[i].finishedAt;
      if (finishedAt >= openedAt) continue;
      return openedAt - finishedAt <= attributionWindowMs
        ? production[i]
        : null;
    }
  }
  return null;
}
