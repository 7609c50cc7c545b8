import type { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';
import type { Commit, PullRequest } from '../model/artifacts';
import { branchKey } from '../model/branches';
import { unique } from './collections';
import { headBranchCommits } from './headBranchCommits';

/**
 * Recomputes the head-branch commits of every PR on the branches these commits were
 * pushed to and these PRs come from. Returns the PRs, commits and repositories whose
 * pairs changed: their items, lead-time changes and deployment inclusion are rebuilt.
 */
export async function linkHeadBranches(
  store: Pick<
    DatabaseValueStreamStore,
    'branchHistory' | 'replaceBranchCommits'
  >,
  commits: readonly Commit[],
  prs: readonly PullRequest[],
): Promise<{ prIds: string[]; shas: string[]; repositories: string[] }> {
  const branches = new Map<string, { repository: string; branch: string }>();
  for (const x of [...commits.filter(c => !c.onDefault), ...prs])
    if (x.repository && x.branch)
      branches.set(branchKey(x.repository, x.branch), {
        repository: x.repository,
        branch: x.branch,
      });
  if (!branches.size) return { prIds: [], shas: [], repositories: [] };
  const history = await store.branchHistory([...branches.values()]);
  const { added, removed } = await store.replaceBranchCommits(
    history.prs.map(p => p.id),
    headBranchCommits(history.prs, history.commits),
  );
  const changed = [...added, ...removed];
  const repositoryOf = new Map(history.prs.map(p => [p.id, p.repository]));
  return {
    prIds: unique(changed.map(p => p.prId)),
    shas: unique(changed.map(p => p.sha)),
    // a merged PR's commits are what its deployments include
    repositories: unique(changed.flatMap(p => repositoryOf.get(p.prId) ?? [])),
  };
}
