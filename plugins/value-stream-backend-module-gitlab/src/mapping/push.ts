import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { touchedFiles } from '@valuestream/backstage-plugin-value-stream-node';
import { canonical, iso, Payload, projectPath, required } from './util';

/** Push Hook: one `commit.pushed` per commit, at the commit's own timestamp. */
export function mapPush(payload: Payload): CanonicalEvent[] {
  const ref = String(required(payload.ref, 'ref'));
  if (!ref.startsWith('refs/heads/')) return [];
  const branch = ref.slice('refs/heads/'.length);
  const repository = projectPath(payload);
  const commits: Payload[] = Array.isArray(payload.commits)
    ? payload.commits
    : [];
  return commits.map(commit => {
    const sha = String(required(commit.id, 'commits[].id'));
    const occurredAt = iso(commit.timestamp, 'commits[].timestamp');
    const files = touchedFiles(commit.added, commit.modified, commit.removed);
    return canonical({
      id: `push:${repository}:${branch}:${sha}`,
      type: 'commit.pushed',
      occurredAt,
      repository,
      data: {
        sha,
        message: commit.message ?? '',
        branch,
        defaultBranch: payload.project?.default_branch,
        authoredAt: occurredAt,
        // The files it touched, for monorepo ownership (DESIGN §13).
        ...(files ? { files } : {}),
      },
    });
  });
}
