import type { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';
import type { EntityIndex } from '../entities/EntityIndex';
import type { Commit, WorkItemLink, PrCommit, PullRequest } from '../model';
import { prId } from '../model';
import { unique } from './collections';
import {
  extractBranchKeys,
  extractKeys,
  mergeCommitPrNumber,
  squashPrNumber,
} from './keys';

/** The store methods key linking reads and writes. */
export type LinkingStore = Pick<
  DatabaseValueStreamStore,
  | 'addLinks'
  | 'addPrCommits'
  | 'commits'
  | 'commitsInRepositories'
  | 'existingPullRequestIds'
  | 'keysLinkedTo'
  | 'prCommits'
  | 'pullRequestsInRepositories'
  | 'removeLinks'
>;

/** The project keys that count in a repository's text (see `KeyContext`). */
export type ProjectKeysOf = (repository: string | null) => ReadonlySet<string>;

/**
 * Project keys of the entities owning the repository plus `valueStream.workItemKeys`.
 * Reads the current index on every call, as a catalog refresh may replace it.
 */
export function projectKeysOf(
  index: () => EntityIndex,
  workItemKeys: readonly string[],
): ProjectKeysOf {
  return repository => {
    const keys = index().projectKeysForRepository(repository);
    workItemKeys.forEach(k => keys.add(k));
    return keys;
  };
}

/** The PR a merge commit (`Merge pull request #12 …`) or a squash commit (`… (#12)`) names. */
export function namedPullRequest(
  commit: Pick<Commit, 'message' | 'repository'>,
): { id: string; merge: boolean } | null {
  const merge = mergeCommitPrNumber(commit.message);
  const n = merge ?? squashPrNumber(commit.message);
  return n === null || !commit.repository
    ? null
    : { id: prId(commit.repository, n), merge: merge !== null };
}

/**
 * The work items commits name in their message and branch, and the PRs their merge or
 * squash message names. Pure.
 */
export function commitLinks(
  commits: readonly Commit[],
  context: {
    projectKeys: ProjectKeysOf;
    /** Ids among the named PRs that are stored. */
    knownPrIds: ReadonlySet<string>;
  },
): { links: WorkItemLink[]; prCommits: PrCommit[] } {
  const links: WorkItemLink[] = [];
  const prCommits: PrCommit[] = [];
  for (const c of commits) {
    const ctx = {
      projectKeys: context.projectKeys(c.repository),
      repository: c.repository,
    };
    const keys = new Set([
      ...extractKeys(c.message, ctx),
      ...extractBranchKeys(c.branch, ctx),
    ]);
    const pr = namedPullRequest(c);
    if (pr) {
      // A merge commit, or a squash commit (`… (#12)` on the default branch, or naming a
      // known PR), names its PR, not a work item. Elsewhere `(#12)` names issue #12; the
      // pair is kept so that the PR, should it arrive later, finds the commit.
      if (pr.merge || c.onDefault || context.knownPrIds.has(pr.id))
        keys.delete(pr.id);
      prCommits.push({ prId: pr.id, sha: c.sha });
    }
    for (const key of keys)
      links.push({ itemKey: key, kind: 'commit', ref: c.sha });
  }
  return { links, prCommits };
}

/** The work items PRs name in their title, body and branch. Pure. */
export function pullRequestLinks(
  prs: readonly PullRequest[],
  projectKeys: ProjectKeysOf,
): WorkItemLink[] {
  const links: WorkItemLink[] = [];
  for (const p of prs) {
    const ctx = {
      projectKeys: projectKeys(p.repository),
      repository: p.repository,
    };
    const keys = new Set([
      ...extractKeys(p.title, ctx),
      ...extractKeys(p.body, ctx),
      ...extractKeys(p.branch, ctx),
      ...extractBranchKeys(p.branch, ctx),
    ]);
    keys.delete(prId(p.repository, p.number)); // a PR is not its own work item
    for (const key of keys) links.push({ itemKey: key, kind: 'pr', ref: p.id });
  }
  return links;
}

/**
 * Commits off the default branch whose `(#N)` names one of these PRs: linked to issue
 * #N while the PR was unknown, they are its squash commits now. Pure.
 */
export function squashCandidates(
  commits: readonly Commit[],
  prIds: ReadonlySet<string>,
): Commit[] {
  return commits.filter(c => {
    const n = c.onDefault ? null : squashPrNumber(c.message);
    return n !== null && c.repository && prIds.has(prId(c.repository, n));
  });
}

/** Links commits to the work items and PRs they name. */
export async function linkCommits(
  store: LinkingStore,
  commits: readonly Commit[],
  projectKeys: ProjectKeysOf,
): Promise<void> {
  const named = commits.flatMap(c => namedPullRequest(c)?.id ?? []);
  const knownPrIds = new Set(await store.existingPullRequestIds(named));
  const { links, prCommits } = commitLinks(commits, {
    projectKeys,
    knownPrIds,
  });
  await store.addLinks(links);
  await store.addPrCommits(prCommits);
}

/** Links PRs to the work items they name. */
export async function linkPullRequests(
  store: LinkingStore,
  prs: readonly PullRequest[],
  projectKeys: ProjectKeysOf,
): Promise<void> {
  await store.addLinks(pullRequestLinks(prs, projectKeys));
}

/** Links commits, then PRs, to the work items they name. */
export async function linkArtifacts(
  store: LinkingStore,
  artifacts: { commits: readonly Commit[]; prs: readonly PullRequest[] },
  projectKeys: ProjectKeysOf,
): Promise<void> {
  await linkCommits(store, artifacts.commits, projectKeys);
  await linkPullRequests(store, artifacts.prs, projectKeys);
}

/**
 * Links again, as the PRs' squash commits, the commits that named one of these PRs by
 * `(#N)` before it was known. Returns the commits and the keys they were linked to before.
 */
export async function relinkSquashCommits(
  store: LinkingStore,
  prs: readonly PullRequest[],
  projectKeys: ProjectKeysOf,
): Promise<{ shas: string[]; keys: string[] }> {
  const ids = new Set(prs.map(p => p.id));
  const paired = unique((await store.prCommits([...ids])).map(c => c.sha));
  const candidates = squashCandidates(await store.commits(paired), ids);
  if (!candidates.length) return { shas: [], keys: [] };
  const shas = candidates.map(c => c.sha);
  const keys = await store.keysLinkedTo('commit', shas);
  await store.removeLinks('commit', shas);
  await linkCommits(store, candidates, projectKeys);
  return { shas, keys };
}

/**
 * Extracts again the keys of these repositories' commits and PRs, after the project keys
 * that count there changed. Returns what was relinked and the keys linked to it before.
 */
export async function relinkRepositories(
  store: LinkingStore,
  repositories: string[],
  projectKeys: ProjectKeysOf,
): Promise<{ shas: string[]; prIds: string[]; keysBefore: string[] }> {
  const commits = await store.commitsInRepositories(repositories);
  const prs = await store.pullRequestsInRepositories(repositories);
  const shas = commits.map(c => c.sha);
  const prIds = prs.map(p => p.id);
  const keysBefore = [
    ...(await store.keysLinkedTo('commit', shas)),
    ...(await store.keysLinkedTo('pr', prIds)),
  ];
  await store.removeLinks('commit', shas);
  await store.removeLinks('pr', prIds);
  await linkArtifacts(store, { commits, prs }, projectKeys);
  return { shas, prIds, keysBefore };
}
