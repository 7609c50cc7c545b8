import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { canonical, iso, Payload, projectPath, required } from './util';

const FINISHED: Record<string, 'success' | 'failure'> = {
  success: 'success',
  failed: 'failure',
  // a canceled deployment never reached its environment
  canceled: 'failure',
};

/** The full SHA is only in `commit_url` (`…/-/commit/<sha>`); `short_sha` is abbreviated. */
function commitSha(payload: Payload): string | undefined {
  const m = /\/commit\/([0-9a-f]{7,64})$/i.exec(
    String(payload.commit_url ?? ''),
  );
  return m?.[1] ?? payload.short_sha ?? undefined;
}

/** Deployment Hook: running → `deployment.started`; success/failed/canceled → `deployment.finished`. */
export function mapDeployment(payload: Payload): CanonicalEvent[] {
  const status = String(required(payload.status, 'status'));
  const result = FINISHED[status];
  if (!result && status !== 'running') return [];
  const deploymentId = String(required(payload.deployment_id, 'deployment_id'));
  const occurredAt = iso(payload.status_changed_at, 'status_changed_at');
  const data = {
    deploymentId,
    environment: String(required(payload.environment, 'environment')),
    commitSha: commitSha(payload),
  };
  return [
    canonical({
      id: `deployment:${deploymentId}:${status}`,
      type: result ? 'deployment.finished' : 'deployment.started',
      occurredAt,
      repository: projectPath(payload),
      data: result ? { ...data, status: result } : data,
    }),
  ];
}
