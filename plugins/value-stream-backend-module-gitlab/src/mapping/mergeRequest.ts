import { touchedFiles } from '@valuestream/backstage-plugin-value-stream-node';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { canonical, iso, Payload, projectPath, required } from './util';

/**
 * Merge Request Hook: open/reopen → `pull_request.opened`; merge →
 * `pull_request.merged` (merge or squash commit); close → `pull_request.closed`;
 * update changing the title or description → `pull_request.opened` again at the
 * MR's creation time (new work-item keys, no stage move); an approval (`approval`, or
 * `approved` once all required approvals are in) → `pull_request.reviewed` (state
 * `approved`, DESIGN §13) at the MR's `updated_at`, which the approval's system note has
 * just set (the hook names no approval time). One event per approver and time, so a
 * redelivered hook is a no-op and the importer's approvals (`approved_at`) stay apart.
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
    // Not in GitLab's hook: the importer adds the MR's files (DESIGN §13).
    ...filesOf(mr.files),
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
    case 'approval':
    case 'approved':
      return [
        canonical({
          id: `${base}:approval:${
            payload.user?.id ?? payload.user?.username ?? 'unknown'
          }:${mr.updated_at}`,
          type: 'pull_request.reviewed',
          occurredAt: updatedAt(),
          repository,
          data: { number, state: 'approved' },
        }),
      ];
    default:
      return [];
  }
}

function filesOf(value: unknown): { files?: string[] } {
  const files = touchedFiles(value);
  return files ? { files } : {};
}
