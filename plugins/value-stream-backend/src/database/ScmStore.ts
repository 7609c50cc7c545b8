import type { Knex } from 'knex';
import type {
  Build,
  Commit,
  PrCommit,
  PullRequest,
  RepositoryHistory,
} from '../model/artifacts';
import { branchKey } from '../model/branches';
import { addChangeFiles, changeFiles } from './changeFiles';
import { type ChangeScope, refreshEntityChanges } from './entityChanges';
import type {
  BuildsTable,
  CommitsTable,
  PrCommitsTable,
  PullRequestsTable,
} from './tables';
import {
  chunk,
  insertIgnore,
  num,
  ROWS_PER_STATEMENT,
  selectIn,
  upsert,
} from './util';

const toCommit = (r: CommitsTable): Commit => ({
  sha: r.sha,
  repository: r.repository,
  message: r.message,
  branch: r.branch,
  onDefault: Boolean(r.on_default),
  authoredAt: num(r.authored_at)!,
  pushedAt: num(r.pushed_at)!,
});

const commitRow = (c: Commit): CommitsTable => ({
  sha: c.sha,
  repository: c.repository,
  message: c.message,
  branch: c.branch,
  on_default: c.onDefault,
  authored_at: c.authoredAt,
  pushed_at: c.pushedAt,
});

const toPullRequest = (
  r: PullRequestsTable,
  commits: string[],
): PullRequest => ({
  id: r.id,
  repository: r.repository,
  number: Number(r.number),
  title: r.title,
  body: r.body,
  branch: r.branch,
  state: r.state,
  openedAt: num(r.opened_at),
  mergedAt: num(r.merged_at),
  closedAt: num(r.closed_at),
  mergeCommitSha: r.merge_commit_sha,
  updatedAt: num(r.updated_at)!,
  commits,
  firstReviewedAt: num(r.first_reviewed_at),
});

const pullRequestRow = (p: PullRequest): PullRequestsTable => ({
  id: p.id,
  repository: p.repository,
  number: p.number,
  title: p.title,
  body: p.body,
  branch: p.branch,
  state: p.state,
  opened_at: p.openedAt,
  merged_at: p.mergedAt,
  closed_at: p.closedAt,
  merge_commit_sha: p.mergeCommitSha,
  updated_at: p.updatedAt,
  first_reviewed_at: p.firstReviewedAt ?? null,
});

const toPrCommit = (r: PrCommitsTable): PrCommit => ({
  prId: r.pr_id,
  sha: r.sha,
});

const prCommitRow = (p: PrCommit, viaBranch: boolean): PrCommitsTable => ({
  pr_id: p.prId,
  sha: p.sha,
  via_branch: viaBranch,
});

const toBuild = (r: BuildsTable): Build => ({
  buildId: r.build_id,
  repository: r.repository,
  pipeline: r.pipeline,
  commitSha: r.commit_sha,
  startedAt: num(r.started_at),
  finishedAt: num(r.finished_at),
  status: r.status,
});

const buildRow = (b: Build): BuildsTable => ({
  build_id: b.buildId,
  repository: b.repository,
  pipeline: b.pipeline,
  commit_sha: b.commitSha,
  started_at: b.startedAt,
  finished_at: b.finishedAt,
  status: b.status,
});

/** What SCM and CI report: commits, pull requests (with their commits) and builds. */
export class ScmStore {
  constructor(private readonly db: Knex) {}

  async upsertCommits(commits: Commit[]) {
    await upsert(this.db, 'vs_commits', commits.map(commitRow), 'sha');
    await addChangeFiles(this.db, { commits });
  }

  /** The files of these commits and of the PRs holding them (DESIGN §13). */
  changeFiles(shas: string[]) {
    return changeFiles(this.db, shas);
  }

  async upsertPullRequests(prs: PullRequest[]) {
    await upsert(
      this.db,
      'vs_pull_requests',
      prs.map(pullRequestRow),
      'id',
      13,
    );
    await addChangeFiles(this.db, { prs });
    await this.addPrCommits(
      prs.flatMap(r => [
        ...r.commits.map(sha => ({ prId: r.id, sha })),
        ...(r.mergeCommitSha ? [{ prId: r.id, sha: r.mergeCommitSha }] : []),
      ]),
    );
  }

  /** Pairs an event lists (or a merge/squash commit names): they stay, whatever the branch says. */
  async addPrCommits(pairs: PrCommit[]) {
    await upsert(
      this.db,
      'vs_pr_commits',
      pairs.map(p => prCommitRow(p, false)),
      ['pr_id', 'sha'],
    );
  }

  /** PRs and off-default pushes of these branches (`branchKey`s), for `headBranchCommits`. */
  async branchHistory(branches: { repository: string; branch: string }[]) {
    const wanted = new Set(
      branches.map(b => branchKey(b.repository, b.branch)),
    );
    const names = [...new Set(branches.map(b => b.branch))];
    const inWanted = (r: {
      repository: string | null;
      branch: string | null;
    }) =>
      r.repository !== null &&
      r.branch !== null &&
      wanted.has(branchKey(r.repository, r.branch));
    const prs = await selectIn<
      Pick<
        PullRequestsTable,
        'id' | 'repository' | 'branch' | 'merged_at' | 'closed_at'
      >
    >(
      () =>
        this.db('vs_pull_requests').select(
          'id',
          'repository',
          'branch',
          'merged_at',
          'closed_at',
        ),
      'branch',
      names,
    );
    const commits = await selectIn<
      Pick<CommitsTable, 'sha' | 'repository' | 'branch' | 'pushed_at'>
    >(
      () =>
        this.db('vs_commits')
          .select('sha', 'repository', 'branch', 'pushed_at')
          .where('on_default', false),
      'branch',
      names,
    );
    return {
      prs: prs.filter(inWanted).map(p => ({
        id: p.id,
        repository: p.repository,
        branch: p.branch,
        mergedAt: num(p.merged_at),
        closedAt: num(p.closed_at),
      })),
      commits: commits.filter(inWanted).map(c => ({
        sha: c.sha,
        repository: c.repository,
        branch: c.branch,
        pushedAt: num(c.pushed_at)!,
      })),
    };
  }

  /**
   * Replaces the branch-derived commits of these PRs by `pairs`; a pair an event listed
   * is kept as it is. Returns the pairs that changed (their items and changes move).
   */
  async replaceBranchCommits(
    prIds: string[],
    pairs: PrCommit[],
  ): Promise<{ added: PrCommit[]; removed: PrCommit[] }> {
    const before = (
      await selectIn<PrCommitsTable>(
        () =>
          this.db('vs_pr_commits')
            .select('pr_id', 'sha')
            .where('via_branch', true),
        'pr_id',
        prIds,
      )
    ).map(toPrCommit);
    const id = (p: PrCommit) => `${p.prId}\u0000${p.sha}`;
    const keep = new Set(pairs.map(id));
    const had = new Set(before.map(id));
    const removed = before.filter(p => !keep.has(id(p)));
    const added = pairs.filter(p => !had.has(id(p)));
    for (const part of chunk(removed, ROWS_PER_STATEMENT))
      await this.db('vs_pr_commits')
        .where('via_branch', true)
        .whereIn(
          ['pr_id', 'sha'],
          part.map(p => [p.prId, p.sha]),
        )
        .delete();
    // An added pair that an event listed already stays as it is (not via_branch).
    await insertIgnore(
      this.db,
      'vs_pr_commits',
      added.map(p => prCommitRow(p, true)),
      ['pr_id', 'sha'],
    );
    return { added, removed };
  }

  async upsertBuilds(builds: Build[]) {
    await upsert(this.db, 'vs_builds', builds.map(buildRow), 'build_id');
  }

  /** Recomputes `vs_entity_changes` for these change ids (PR ids or shas), or all. */
  async refreshEntityChanges(ids?: string[], scope?: ChangeScope) {
    await refreshEntityChanges(this.db, ids, scope);
  }

  async prIdsForCommits(shas: string[]): Promise<string[]> {
    const rows = await selectIn<Pick<PrCommitsTable, 'pr_id'>>(
      () => this.db('vs_pr_commits').select('pr_id'),
      'sha',
      shas,
    );
    return [...new Set(rows.map(r => r.pr_id))];
  }

  async prCommits(prIds: string[]): Promise<PrCommit[]> {
    const rows = await selectIn<PrCommitsTable>(
      () => this.db('vs_pr_commits').select('pr_id', 'sha'),
      'pr_id',
      prIds,
    );
    return rows.map(toPrCommit);
  }

  async commits(shas: string[]): Promise<Commit[]> {
    const rows = await selectIn<CommitsTable>(
      () => this.db('vs_commits').select('*'),
      'sha',
      shas,
    );
    return rows.map(toCommit);
  }

  /** The ids among these of the pull requests stored. */
  async existingPullRequestIds(ids: string[]): Promise<string[]> {
    const rows = await selectIn<Pick<PullRequestsTable, 'id'>>(
      () => this.db('vs_pull_requests').select('id'),
      'id',
      ids,
    );
    return rows.map(r => r.id);
  }

  async pullRequests(ids: string[]): Promise<PullRequest[]> {
    const rows = await selectIn<PullRequestsTable>(
      () => this.db('vs_pull_requests').select('*'),
      'id',
      ids,
    );
    const commits = await this.prCommits(ids);
    const byPr = new Map<string, string[]>();
    for (const c of commits)
      (byPr.get(c.prId) ?? byPr.set(c.prId, []).get(c.prId)!).push(c.sha);
    return rows.map(r => toPullRequest(r, byPr.get(r.id) ?? []));
  }

  async buildsForCommits(shas: string[]): Promise<Build[]> {
    const rows = await selectIn<BuildsTable>(
      () => this.db('vs_builds').select('*'),
      'commit_sha',
      shas,
    );
    return rows.map(toBuild);
  }

  /** Repository names compare case-insensitively, as the entity index does. */
  async commitsInRepositories(repositories: string[]): Promise<Commit[]> {
    const rows = await selectIn<Pick<CommitsTable, 'sha'>>(
      () => this.db('vs_commits').select('sha'),
      'repository',
      repositories,
      { lower: true },
    );
    return this.commits(rows.map(r => r.sha));
  }

  async pullRequestsInRepositories(
    repositories: string[],
  ): Promise<PullRequest[]> {
    const rows = await selectIn<Pick<PullRequestsTable, 'id'>>(
      () => this.db('vs_pull_requests').select('id'),
      'repository',
      repositories,
      { lower: true },
    );
    return this.pullRequests(rows.map(r => r.id));
  }

  /** Changes merged into a repository's default branch: merged PRs and default-branch commits. */
  async repositoryHistory(repository: string): Promise<RepositoryHistory> {
    const prs: Pick<
      PullRequestsTable,
      'id' | 'merged_at' | 'merge_commit_sha'
    >[] = await this.db('vs_pull_requests')
      .select('id', 'merged_at', 'merge_commit_sha')
      .where({ repository })
      .whereNotNull('merged_at');
    const commits: Pick<CommitsTable, 'sha' | 'pushed_at'>[] = await this.db(
      'vs_commits',
    )
      .select('sha', 'pushed_at')
      .where({ repository, on_default: true });
    // One join instead of an IN list of every PR id, grouped in one pass: filtering the
    // pairs per PR made a default-branch push cost O(PRs × PR commits) (minutes at 20k PRs).
    const pairs: PrCommitsTable[] = await this.db('vs_pr_commits as c')
      .join('vs_pull_requests as p', 'p.id', 'c.pr_id')
      .select('c.pr_id', 'c.sha')
      .where('p.repository', repository)
      .whereNotNull('p.merged_at');
    const byPr = new Map<string, string[]>();
    for (const c of pairs) {
      const list = byPr.get(c.pr_id);
      if (list) list.push(c.sha);
      else byPr.set(c.pr_id, [c.sha]);
    }
    return {
      prs: prs.map(p => ({
        id: p.id,
        mergedAt: num(p.merged_at)!,
        mergeSha: p.merge_commit_sha,
        commits: byPr.get(p.id) ?? [],
      })),
      commits: commits.map(c => ({
        sha: c.sha,
        pushedAt: num(c.pushed_at)!,
      })),
    };
  }
}
