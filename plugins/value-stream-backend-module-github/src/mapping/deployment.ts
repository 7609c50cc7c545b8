import type {
  DeploymentEvent,
  DeploymentStatusEvent,
} from '@octokit/webhooks-types';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { canonical, iso, repositoryOf, required } from './util';

function deploymentData(deployment: DeploymentEvent['deployment']) {
  return {
    deploymentId: String(required(deployment.id, 'deployment.id')),
    environment: required(deployment.environment, 'deployment.environment'),
    commitSha: deployment.sha || undefined,
  };
}

/** `deployment` created → `deployment.started` (DESIGN §11). */
export function mapDeployment(payload: DeploymentEvent): CanonicalEvent[] {
  if (payload.action !== 'created') return [];
  const deployment = required(payload.deployment, 'deployment');
  const data = deploymentData(deployment);
  return [
    canonical({
      id: `deployment:${data.deploymentId}:started`,
      type: 'deployment.started',
      occurredAt: iso(deployment.created_at, 'deployment.created_at'),
      repository: repositoryOf(payload),
      data,
    }),
  ];
}

const FINAL_STATES: Record<string, 'success' | 'failure'> = {
  success: 'success',
  failure: 'failure',
  error: 'failure',
};

/** `deployment_status` success/failure/error → `deployment.finished`; other states → []. */
export function mapDeploymentStatus(
  payload: DeploymentStatusEvent,
): CanonicalEvent[] {
  const status = required(payload.deployment_status, 'deployment_status');
  const result = FINAL_STATES[status.state];
  if (!result) return [];
  const data = deploymentData(required(payload.deployment, 'deployment'));
  return [
    canonical({
      id: `deployment:${data.deploymentId}:status:${required(
        status.id,
        'deployment_status.id',
      )}`,
      type: 'deployment.finished',
      occurredAt: iso(status.created_at, 'deployment_status.created_at'),
      repository: repositoryOf(payload),
      data: { ...data, status: result },
    }),
  ];
}
