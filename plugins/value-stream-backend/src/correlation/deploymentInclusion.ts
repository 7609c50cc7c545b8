import type { Deployment, RepositoryHistory } from '../model/artifacts';

/**
 * Commits included by deployments that name no `commits` (DESIGN §4): every change
 * merged into the repository at or before the deployed `commitSha`'s merge time that
 * no earlier deployment to the same environment included. Failed deployments never
 * shipped, so they do not use up changes.
 */
export function deriveInclusion(
  deployments: Deployment[],
  history: RepositoryHistory,
): Map<string, string[]> {
  const changes: { mergedAt: number; commits: string[] }[] = [];
  const inPr = new Set<string>();
  for (const pr of history.prs) {
    const commits = [...pr.commits, ...(pr.mergeSha ? [pr.mergeSha] : [])];
    commits.forEach(c => inPr.add(c));
    changes.push({ mergedAt: pr.mergedAt, commits });
  }
  for (const c of history.commits) {
    if (!inPr.has(c.sha))
      changes.push({ mergedAt: c.pushedAt, commits: [c.sha] });
  }
  const mergeTime = new Map<string, number>();
  for (const ch of changes) {
    for (const sha of ch.commits) {
      mergeTime.set(sha, Math.min(mergeTime.get(sha) ?? Infinity, ch.mergedAt));
    }
  }

  const result = new Map<string, string[]>();
  const byEnv = new Map<string, Deployment[]>();
  for (const d of deployments)
    (
      byEnv.get(d.environment) ??
      byEnv.set(d.environment, []).get(d.environment)!
    ).push(d);
  for (const list of byEnv.values()) {
    const at = (d: Deployment) => d.startedAt ?? d.finishedAt ?? 0;
    list.sort(
      (a, b) => at(a) - at(b) || (a.deploymentId < b.deploymentId ? -1 : 1),
    );
    const used = new Set<number>();
    for (const d of list) {
      const limit =
        (d.commitSha ? mergeTime.get(d.commitSha) : undefined) ?? at(d);
      const included = new Set<string>(d.commitSha ? [d.commitSha] : []);
      const taken: number[] = [];
      changes.forEach((ch, i) => {
        if (!used.has(i) && ch.mergedAt <= limit) {
          ch.commits.forEach(c => included.add(c));
          taken.push(i);
        }
      });
      if (d.status !== 'failure') taken.forEach(i => used.add(i));
      result.set(d.deploymentId, [...included].sort());
    }
  }
  return result;
}
