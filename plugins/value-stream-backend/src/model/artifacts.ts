/**
 * The stored state of each artifact, folded from its events (correlation/folds.ts) and
 * kept by the store. Times are epoch milliseconds.
 */

export interface Commit {
  sha: string;
  repository: string | null;
  message: string;
  branch: string | null;
  onDefault: boolean;
  authoredAt: number;
  pushedAt: number;
}

export interface PullRequest {
  id: string;
  repository: string | null;
  number: number;
  title: string;
  body: string | null;
  branch: string | null;
  state: 'open' | 'merged' | 'closed';
  openedAt: number | null;
  mergedAt: number | null;
  closedAt: number | null;
  mergeCommitSha: string | null;
  updatedAt: number;
  commits: string[];
}

/** A commit of a pull request. */
export interface PrCommit {
  prId: string;
  sha: string;
}

export interface Build {
  buildId: string;
  repository: string | null;
  pipeline: string | null;
  commitSha: string;
  startedAt: number | null;
  finishedAt: number | null;
  status: string | null;
}

/** The class of a deployment's environment (`valueStream.environments`). */
export type EnvClass = 'production' | 'staging' | 'other';

export interface DeploymentRow {
  deployment_id: string;
  environment: string;
  env_class: EnvClass;
  service: string | null;
  repository: string | null;
  entity_ref: string | null;
  commit_sha: string | null;
  explicit_commits: boolean;
  started_at: number | null;
  finished_at: number | null;
  /** Of the last `deployment.finished` that is not a rollback. */
  status: string | null;
  rolled_back_at: number | null;
  commits: string[];
}

export interface IncidentRow {
  incident_id: string;
  service: string | null;
  entity_ref: string | null;
  severity: string | null;
  title: string | null;
  deployment_id: string | null;
  commit_sha: string | null;
  opened_at: number | null;
  resolved_at: number | null;
}

/** A repository's merged PRs and default-branch commits (for deployment inclusion). */
export interface RepositoryHistory {
  prs: {
    id: string;
    mergedAt: number;
    mergeSha: string | null;
    commits: string[];
  }[];
  commits: { sha: string; pushedAt: number }[];
}
