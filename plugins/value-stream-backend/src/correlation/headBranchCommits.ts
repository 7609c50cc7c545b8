import type { Commit, PrCommit, PullRequest } from '../model/artifacts';
import { branchKey } from '../model/branches';

/** A commit pushed to a branch other than the default one. */
export type BranchCommit = Pick<
  Commit,
  'sha' | 'repository' | 'branch' | 'pushedAt'
>;
/** A pull request with the head branch it was opened from. */
export type BranchPullRequest = Pick<
  PullRequest,
  'id' | 'repository' | 'branch' | 'mergedAt' | 'closedAt'
>;

/**
 * The commits pushed to a PR's head branch before it merged (or closed) are its commits
 * (DESIGN §4). A branch name can serve several PRs one after the other: a push belongs to
 * the first PR of its branch that was still open at the push, an open PR last. Pushes
 * after every PR of the branch ended belong to none (a later PR may claim them). Pure;
 * the answer depends only on the sets given, not on their order.
 */
export function headBranchCommits(
  prs: readonly BranchPullRequest[],
  commits: readonly BranchCommit[],
): PrCommit[] {
  const byBranch = new Map<string, { id: string; until: number }[]>();
  for (const p of prs) {
    if (!p.repository || !p.branch) continue;
    const k = branchKey(p.repository, p.branch);
    const list = byBranch.get(k) ?? [];
    list.push({ id: p.id, until: p.mergedAt ?? p.closedAt ?? Infinity });
    byBranch.set(k, list);
  }
  for (const list of byBranch.values())
    list.sort((a, b) => a.until - b.until || a.id.localeCompare(b.id));
  const pairs: PrCommit[] = [];
  for (const c of commits) {
    if (!c.repository || !c.branch) continue;
    const pr = byBranch
      .get(branchKey(c.repository, c.branch))
      ?.find(p => p.until >= c.pushedAt);
    if (pr) pairs.push({ prId: pr.id, sha: c.sha });
  }
  return pairs;
}
