/**
 * The stored state of each artifact, folded from its events (correlation/folds.ts) and
 * kept by the store, which maps it to and from its table rows (database/tables.ts).
 * Times are epoch milliseconds.
 */

export interface Commit {
  sha: string;
  repository: string | null;
  message: string;
  branch: string | null;
  onDefault: boolean;
  authoredAt: number;
  pushedAt: number;
  /** Files it touched, over its events (DESIGN §13); absent when no event lists them. */
  files?: string[];
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
  /** Files a PR event listed (importers), absent when none did (DESIGN §13). */
  files?: string[];
  /** Earliest `pull_request.reviewed` of any state (DESIGN §13); null without one. */
  firstReviewedAt?: number | null;
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

export interface Deployment {
  deploymentId: string;
  environment: string;
  envClass: EnvClass;
  service: string | null;
  repository: string | null;
  entityRef: string | null;
  commitSha: string | null;
  explicitCommits: boolean;
  startedAt: number | null;
  finishedAt: number | null;
  /** Of the last `deployment.finished` that is not a rollback. */
  status: string | null;
  rolledBackAt: number | null;
  commits: string[];
}

export interface Incident {
  incidentId: string;
  service: string | null;
  entityRef: string | null;
  severity: string | null;
  title: string | null;
  deploymentId: string | null;
  commitSha: string | null;
  openedAt: number | null;
  resolvedAt: number | null;
  /** The last `attribute_incident` correction (DESIGN §16): it wins over the §6 rules. */
  attribution?: { deploymentId: string | null };
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
