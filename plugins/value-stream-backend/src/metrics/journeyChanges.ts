import type { ChangeBreakdown } from '@valuestream/backstage-plugin-value-stream-common';
import type { Commit, Deployment, PullRequest } from '../model/artifacts';
import {
  deploymentRecord,
  isSuccessfulProductionDeployment,
} from '../model/deployments';
import { changeBreakdown } from './changeBreakdown';

/**
 * The breakdown of each change of a work item's journey (DESIGN §13): of each merged PR
 * and of each default-branch commit in none of them (a direct push). A change not yet
 * deployed has no deploy part; the first commit is the earliest `authoredAt` of its stored
 * commits. Open or closed PRs are no change yet. Pure.
 *
 * @internal
 */
export function journeyChangeBreakdowns(options: {
  pullRequests: readonly PullRequest[];
  commits: readonly Commit[];
  deployments: readonly Deployment[];
}): {
  pullRequests: Map<string, ChangeBreakdown>;
  commits: Map<string, ChangeBreakdown>;
} {
  const authored = new Map(options.commits.map(c => [c.sha, c.authoredAt]));
  const deployedAt = new Map<string, number>();
  for (const d of options.deployments.map(deploymentRecord)) {
    if (!isSuccessfulProductionDeployment(d)) continue;
    for (const sha of d.commitSha ? [d.commitSha, ...d.commits] : d.commits)
      deployedAt.set(
        sha,
        Math.min(deployedAt.get(sha) ?? Infinity, d.finishedAt),
      );
  }
  const earliest = (shas: readonly string[], of: Map<string, number>) => {
    const t = Math.min(...shas.map(s => of.get(s) ?? Infinity));
    return Number.isFinite(t) ? t : null;
  };

  const pullRequests = new Map<string, ChangeBreakdown>();
  const inPr = new Set<string>();
  for (const pr of options.pullRequests) {
    const shas = pr.mergeCommitSha
      ? [...pr.commits, pr.mergeCommitSha]
      : pr.commits;
    shas.forEach(s => inPr.add(s));
    if (pr.mergedAt === null) continue;
    pullRequests.set(
      pr.id,
      changeBreakdown({
        id: pr.id,
        firstCommitAt: earliest(shas, authored),
        deployedAt: earliest(shas, deployedAt),
        pullRequest: {
          openedAt: pr.openedAt,
          mergedAt: pr.mergedAt,
          firstReviewedAt: pr.firstReviewedAt ?? null,
        },
      }),
    );
  }
  const commits = new Map<string, ChangeBreakdown>();
  for (const c of options.commits) {
    if (!c.onDefault || inPr.has(c.sha)) continue;
    commits.set(
      c.sha,
      changeBreakdown({
        id: c.sha,
        firstCommitAt: c.authoredAt,
        deployedAt: deployedAt.get(c.sha) ?? null,
        pullRequest: null,
      }),
    );
  }
  return { pullRequests, commits };
}
