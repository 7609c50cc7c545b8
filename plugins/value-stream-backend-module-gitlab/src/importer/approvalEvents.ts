import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { canonical, iso } from '../mapping/util';
import type { ApiMergeRequest, ApiProject } from './toHookPayloads';

/** `GET /projects/:id/merge_requests/:iid/approvals` (the fields read here). */
export interface ApiApprovals {
  approved_by?: Array<{
    user: { id: number; username?: string };
    /** Reported by recent GitLab versions; older ones do not say when. */
    approved_at?: string | null;
  }>;
}

/**
 * `pull_request.reviewed` (state `approved`) per approval, at its `approved_at`; an
 * approval without a time is left out. The Merge Request Hook's `approval` / `approved`
 * actions map too (mapping/mergeRequest.ts), at the MR's `updated_at`, under other ids:
 * the PR's first review is the earliest of them all. Pure.
 */
export function approvalEvents(
  project: ApiProject,
  mr: Pick<ApiMergeRequest, 'iid'>,
  approvals: ApiApprovals,
): CanonicalEvent[] {
  const repository = project.path_with_namespace;
  return (approvals.approved_by ?? []).flatMap(a =>
    a.approved_at
      ? [
          canonical({
            id: `mr:${repository}!${mr.iid}:approved:${a.user.id}`,
            type: 'pull_request.reviewed',
            occurredAt: iso(a.approved_at, 'approved_by[].approved_at'),
            repository,
            data: { number: mr.iid, state: 'approved' },
          }),
        ]
      : [],
  );
}
