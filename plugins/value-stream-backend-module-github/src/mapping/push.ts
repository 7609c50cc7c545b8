import type { PushEvent } from '@octokit/webhooks-types';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { touchedFiles } from '@valuestream/backstage-plugin-value-stream-node';
import { canonical, iso, repositoryOf, required } from './util';

/**
 * `push` to a branch: one `commit.pushed` per commit, at the commit's own time.
 * Tag pushes and branch deletions carry no new work and map to nothing.
 */
export function mapPush(payload: PushEvent): CanonicalEvent[] {
  const ref = required(payload.ref, 'ref');
  if (!ref.startsWith('refs/heads/') || payload.deleted) return [];
  const branch = ref.slice('refs/heads/'.length);
  const repository = repositoryOf(payload);
  const defaultBranch = payload.repository.default_branch || undefined;
  return (payload.commits ?? []).map(commit => {
    const sha = required(commit.id, 'commits[].id');
    const occurredAt = iso(commit.timestamp, 'commits[].timestamp');
    const files = touchedFiles(commit.added, commit.modified, commit.removed);
    return canonical({
      // the same commit pushed to another branch is a new fact (e.g. reaching the default branch)
      id: `push:${repository}:${branch}:${sha}`,
      type: 'commit.pushed',
      occurredAt,
      repository,
      data: {
        sha,
        message: commit.message ?? '',
        branch,
        defaultBranch,
        authoredAt: occurredAt,
        // The files it touched, for monorepo ownership (DESIGN §13).
        ...(files ? { files } : {}),
      },
    });
  });
}
