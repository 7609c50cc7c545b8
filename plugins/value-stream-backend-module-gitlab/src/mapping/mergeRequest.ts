import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { canonical, iso, Payload, projectPath, required } from './util';

/**
 * Merge Request Hook: open/reopen → `pull_request.opened`; merge →
 * `pull_request.merged` (merge or squash commit); close → `pull_request.closed`;
 * update changing the title or description → `pull_request.opened` again at the
 * MR's creation time (new work-item keys, no stage move).
 */
export function mapMergeRequest(payload: Payload): CanonicalEvent[] {
  const mr: Payload = required(payload.object_attributes, 'object_attributes');
  const repository = projectPath(payload);
  const number = Number(required(mr.iid, 'object_attributes.iid'));
  const base = `mr:${repository}!${number}`;
  const data = {
    number,
    title: mr.title ?? '',
    body: mr.description,
    branch: mr.source_branch,
  };
  const one = (id: string, type: string, occurredAt: string, extra = {}) => [
    canonical({
      id,
      type,
      occurredAt,
      repository,
      data: { ...data, ...extra },
    }),
  ];
  const updatedAt = () => iso(mr.updated_at, 'object_attributes.updated_at');
  switch (mr.action) {
    case 'open':
      return one(
        `${base}:opened`,
        'pull_request.opened',
        iso(mr.created_at, 'object_attributes.created_at'),
      );
    case 'reopen':
      return one(
        `${base}:reopened:${mr.updated_at}`,
        'pull_request.opened',
        updatedAt(),
      );
    case 'update':
      if (!payload.changes?.title && !payload.changes?.description) return [];
      return one(
        `${base}:edited:${mr.updated_at}`,
        'pull_request.opened',
        iso(mr.created_at, 'object_attributes.created_at'),
      );
    case 'merge':
      return one(`${base}:merged`, 'pull_request.merged', updatedAt(), {
        mergeCommitSha: mr.merge_commit_sha ?? mr.squash_commit_sha,
      });
    case 'close':
      return one(
        `${base}:closed:${mr.updated_at}`,
        'pull_request.closed',
        updatedAt(),
      );
    default:
      return [];
  }
}
