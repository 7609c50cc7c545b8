/** The GraphQL answer shapes the queries in `queries.ts` select (GitHub GraphQL API v4). */

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  pageInfo: PageInfo;
  nodes: T[];
  totalCount?: number;
}

export interface GqlCommit {
  oid: string;
  message: string;
  authoredDate: string;
}

export interface GqlReview {
  databaseId: number;
  state: string;
  submittedAt: string | null;
}

export type GqlCloseReopen =
  | { __typename: 'ClosedEvent'; createdAt: string }
  | { __typename: 'ReopenedEvent'; createdAt: string };

export interface GqlPullRequest {
  id: string;
  number: number;
  title: string;
  body: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  merged: boolean;
  headRefName: string;
  mergeCommit: { oid: string } | null;
  /** The first 100 files it changes (monorepo ownership, DESIGN §13). */
  files?: Connection<{ path: string }> | null;
  commits: Connection<{ commit: GqlCommit }>;
  reviews: Connection<GqlReview>;
  timelineItems: Connection<GqlCloseReopen>;
}

export type GqlIssueTimelineItem =
  | GqlCloseReopen
  | { __typename: 'LabeledEvent'; createdAt: string; label: { name: string } }
  | { __typename: 'UnlabeledEvent'; createdAt: string; label: { name: string } }
  | {
      __typename: 'RenamedTitleEvent';
      createdAt: string;
      previousTitle: string;
      currentTitle: string;
    }
  | {
      __typename: 'MilestonedEvent' | 'DemilestonedEvent';
      createdAt: string;
      milestoneTitle: string;
    };

export interface GqlIssue {
  id: string;
  number: number;
  title: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  labels: { nodes: Array<{ name: string }> };
  /** The issue's milestone now (its dates describe the milestone's iteration). */
  milestone?: { title: string; createdAt: string; dueOn: string | null } | null;
  timelineItems: Connection<GqlIssueTimelineItem>;
}

/** The repository as webhook payloads carry it (what the mapping reads). */
export interface RepositoryRef {
  fullName: string;
  defaultBranch?: string;
}
