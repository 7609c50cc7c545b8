import type { DeploymentRecord, IncidentRecord } from '../../journeys/types';

export function deployment(
  id: string,
  finishedAt: number | null,
  extra: Partial<DeploymentRecord> = {},
): DeploymentRecord {
  return {
    deploymentId: id,
    environment: 'production',
    envClass: 'production',
    startedAt: finishedAt,
    finishedAt,
    status: 'success',
    rolledBack: false,
    commitSha: null,
    commits: [],
    ...extra,
  };
}

export function incident(
  id: string,
  extra: Partial<IncidentRecord> = {},
): IncidentRecord {
  return {
    incidentId: id,
    openedAt: null,
    resolvedAt: null,
    severity: null,
    deploymentId: null,
    commitSha: null,
    ...extra,
  };
}
