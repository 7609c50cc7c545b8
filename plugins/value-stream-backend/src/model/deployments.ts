import type { DeploymentRecord } from '../journeys/types';
import type { Deployment } from './artifacts';

/**
 * Statuses of a finished deployment that reached its environment. One rolled back
 * later still reached it (DESIGN §11); `failure` never did.
 */
export const REACHED_STATUSES: readonly string[] = ['success', 'rolled_back'];

/** A finished deployment that reached its environment. */
export function reachedEnvironment(
  deployment: Pick<DeploymentRecord, 'finishedAt' | 'status'>,
): boolean {
  return (
    deployment.finishedAt !== null &&
    deployment.status !== null &&
    REACHED_STATUSES.includes(deployment.status)
  );
}

/**
 * A successful production deployment: one that reached production. The one definition
 * behind deployment frequency, change lead time, incident attribution and stage movement
 * (its SQL form is in database/entityChanges.ts).
 */
export function isSuccessfulProductionDeployment<
  D extends Pick<DeploymentRecord, 'envClass' | 'finishedAt' | 'status'>,
>(deployment: D): deployment is D & { finishedAt: number } {
  return deployment.envClass === 'production' && reachedEnvironment(deployment);
}

/** A stored deployment as the metrics see it. */
export function deploymentRecord(deployment: Deployment): DeploymentRecord {
  return {
    deploymentId: deployment.deploymentId,
    environment: deployment.environment,
    envClass: deployment.envClass,
    startedAt: deployment.startedAt,
    finishedAt: deployment.finishedAt,
    status: deployment.status as DeploymentRecord['status'],
    rolledBack: deployment.rolledBackAt !== null,
    commitSha: deployment.commitSha,
    commits: deployment.commits,
  };
}
