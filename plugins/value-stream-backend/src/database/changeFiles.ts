import type { Knex } from 'knex';
import type { Commit, PullRequest } from '../model/artifacts';
import { insertIgnore, selectIn } from './util';

/**
 * `vs_commit_files` and `vs_pr_files`: the files each commit and PR touched (DESIGN §13
 * "Monorepos"), from push payloads and the importers. Files only accumulate (an artifact's
 * files are the union over its events), so writes insert and never delete.
 */

/** Files each commit and PR touched, as far as known (absent: unknown). */
export interface ChangeFiles {
  /** sha → the commit's files: its own, else those of the PRs holding it. */
  commits: Map<string, string[]>;
  /** PR id → its files: listed by a PR event, plus those of its commits. */
  prs: Map<string, string[]>;
}

/** Writes the files of these folded commits and PRs, in batches (no N+1). */
export async function addChangeFiles(
  db: Knex | Knex.Transaction,
  changes: {
    commits?: readonly Pick<Commit, 'sha' | 'files'>[];
    prs?: readonly Pick<PullRequest, 'id' | 'files'>[];
  },
) {
  await insertIgnore(
    db,
    'vs_commit_files',
    (changes.commits ?? []).flatMap(c =>
      (c.files ?? []).map(path => ({ sha: c.sha, path })),
    ),
    ['sha', 'path'],
  );
  await insertIgnore(
    db,
    'vs_pr_files',
    (changes.prs ?? []).flatMap(p =>
      (p.files ?? []).map(path => ({ pr_id: p.id, path })),
    ),
    ['pr_id', 'path'],
  );
}

const collect = (pairs: { key: string; path: string }[]) => {
  const out = new Map<string, Set<string>>();
  for (const { key, path } of pairs)
    (out.get(key) ?? out.set(key, new Set()).get(key)!).add(path);
  return out;
};

/**
 * The effective files of these commits (pure): a commit's own files; a commit without any
 * (a merge commit, an imported commit whose PR was read instead) takes the files of the
 * PRs holding it; a PR's files are its listed files plus its commits' own files.
 */
export function effectiveFiles(
  shas: readonly string[],
  own: ReadonlyMap<string, ReadonlySet<string>>,
  prCommits: readonly { prId: string; sha: string }[],
  prListed: ReadonlyMap<string, ReadonlySet<string>>,
): ChangeFiles {
  const prFiles = new Map<string, Set<string>>();
  const prsOf = new Map<string, string[]>();
  const ensure = (id: string) =>
    prFiles.get(id) ?? prFiles.set(id, new Set(prListed.get(id))).get(id)!;
  for (const { prId, sha } of prCommits) {
    const files = ensure(prId);
    own.get(sha)?.forEach(f => files.add(f));
    (prsOf.get(sha) ?? prsOf.set(sha, []).get(sha)!).push(prId);
  }
  const sorted = (s: Iterable<string>) => [...new Set(s)].sort();
  const commits = new Map<string, string[]>();
  for (const sha of shas) {
    const mine = own.get(sha);
    const files = mine?.size
      ? sorted(mine)
      : sorted((prsOf.get(sha) ?? []).flatMap(id => [...ensure(id)]));
    if (files.length) commits.set(sha, files);
  }
  const prs = new Map<string, string[]>();
  for (const [id, files] of prFiles) if (files.size) prs.set(id, sorted(files));
  return { commits, prs };
}

/**
 * The effective files of these commits and of the PRs holding them (see
 * {@link effectiveFiles}): five batched indexed reads, whatever the number of commits.
 */
export async function changeFiles(
  db: Knex | Knex.Transaction,
  shas: readonly string[],
): Promise<ChangeFiles> {
  if (!shas.length) return { commits: new Map(), prs: new Map() };
  const holding = await selectIn<{ pr_id: string }>(
    () => db('vs_pr_commits').distinct('pr_id'),
    'sha',
    shas,
  );
  const prIds = holding.map(r => r.pr_id);
  const prCommits = await selectIn<{ pr_id: string; sha: string }>(
    () => db('vs_pr_commits').select('pr_id', 'sha'),
    'pr_id',
    prIds,
  );
  const allShas = [...new Set([...shas, ...prCommits.map(r => r.sha)])];
  const own = await selectIn<{ sha: string; path: string }>(
    () => db('vs_commit_files').select('sha', 'path'),
    'sha',
    allShas,
  );
  const listed = await selectIn<{ pr_id: string; path: string }>(
    () => db('vs_pr_files').select('pr_id', 'path'),
    'pr_id',
    prIds,
  );
  return effectiveFiles(
    shas,
    collect(own.map(r => ({ key: r.sha, path: r.path }))),
    prCommits.map(r => ({ prId: r.pr_id, sha: r.sha })),
    collect(listed.map(r => ({ key: r.pr_id, path: r.path }))),
  );
}
