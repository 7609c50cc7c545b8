import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { canonical, iso, Payload, projectPath, required } from './util';

const FINISHED: Record<string, 'success' | 'failure' | 'canceled'> = {
  success: 'success',
  failed: 'failure',
  canceled: 'canceled',
};
const STARTED = ['pending', 'running'];

/**
 * Pipeline Hook: pending/running → `build.started` (at `created_at`);
 * success/failed/canceled → `build.started` (a duplicate when already seen) and
 * `build.finished` at `finished_at`.
 */
export function mapPipeline(payload: Payload): CanonicalEvent[] {
  const p: Payload = required(payload.object_attributes, 'object_attributes');
  const status = String(required(p.status, 'object_attributes.status'));
  const result = FINISHED[status];
  if (!result && !STARTED.includes(status)) return [];
  const repository = projectPath(payload);
  const buildId = String(required(p.id, 'object_attributes.id'));
  const data = {
    buildId,
    pipeline: p.name || undefined,
    commitSha: String(required(p.sha, 'object_attributes.sha')),
  };
  const events = [
    canonical({
      id: `pipeline:${repository}:${buildId}:started`,
      type: 'build.started',
      occurredAt: iso(p.created_at, 'object_attributes.created_at'),
      repository,
      data,
    }),
  ];
  if (result) {
    events.push(
      canonical({
        id: `pipeline:${repository}:${buildId}:finished`,
        type: 'build.finished',
        occurredAt: iso(p.finished_at, 'object_attributes.finished_at'),
        repository,
        data: { ...data, status: result },
      }),
    );
  }
  return events;
}
