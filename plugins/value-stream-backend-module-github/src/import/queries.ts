/**
 * GraphQL queries of the history import (GitHub GraphQL API v4; field names as in
 * https://docs.github.com/en/graphql/reference/objects). One query returns a page of 50
 * PRs with their commits, reviews and close/reopen events: 20 requests per 1,000 PRs.
 */

/** PRs per page: the query's node count (50 × 200) stays far below GitHub's 500,000 limit. */
export const PULLS_PER_PAGE = 50;
export const ISSUES_PER_PAGE = 50;
export const COMMITS_PER_PAGE = 100;

export const PULL_REQUESTS_QUERY = `
query ($owner: String!, $name: String!, $after: String, $first: Int!) {
  repository(owner: $owner, name: $name) {
    nameWithOwner
    defaultBranchRef { name }
    pullRequests(first: $first, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id number title body createdAt updatedAt closedAt mergedAt merged headRefName
        mergeCommit { oid }
        files(first: 100) { pageInfo { hasNextPage endCursor } nodes { path } }
        commits(first: 100) {
          pageInfo { hasNextPage endCursor }
          nodes { commit { oid message authoredDate } }
        }
        reviews(first: 50) {
          pageInfo { hasNextPage endCursor }
          nodes { databaseId state submittedAt }
        }
        timelineItems(first: 50, itemTypes: [CLOSED_EVENT, REOPENED_EVENT]) {
          pageInfo { hasNextPage endCursor }
          nodes { __typename ... on ClosedEvent { createdAt } ... on ReopenedEvent { createdAt } }
        }
      }
    }
  }
}`;

/** The rest of one PR's commits, reviews or timeline, when a PR has more than the page query holds. */
export const PULL_REQUEST_MORE_QUERY = `
query ($id: ID!, $commitsAfter: String, $reviewsAfter: String, $timelineAfter: String,
       $commits: Boolean!, $reviews: Boolean!, $timeline: Boolean!) {
  node(id: $id) {
    ... on PullRequest {
      commits(first: 100, after: $commitsAfter) @include(if: $commits) {
        pageInfo { hasNextPage endCursor }
        nodes { commit { oid message authoredDate } }
      }
      reviews(first: 100, after: $reviewsAfter) @include(if: $reviews) {
        pageInfo { hasNextPage endCursor }
        nodes { databaseId state submittedAt }
      }
      timelineItems(first: 100, after: $timelineAfter, itemTypes: [CLOSED_EVENT, REOPENED_EVENT]) @include(if: $timeline) {
        pageInfo { hasNextPage endCursor }
        nodes { __typename ... on ClosedEvent { createdAt } ... on ReopenedEvent { createdAt } }
      }
    }
  }
}`;

const ISSUE_TIMELINE = `
  pageInfo { hasNextPage endCursor }
  nodes {
    __typename
    ... on LabeledEvent { createdAt label { name } }
    ... on UnlabeledEvent { createdAt label { name } }
    ... on ClosedEvent { createdAt }
    ... on ReopenedEvent { createdAt }
    ... on RenamedTitleEvent { createdAt previousTitle currentTitle }
    ... on MilestonedEvent { createdAt milestoneTitle }
    ... on DemilestonedEvent { createdAt milestoneTitle }
  }`;

/** Issues (never PRs) updated since, oldest update first, so a resumed run continues where it stopped. */
export const ISSUES_QUERY = `
query ($owner: String!, $name: String!, $after: String, $since: DateTime!, $first: Int!) {
  repository(owner: $owner, name: $name) {
    nameWithOwner
    issues(first: $first, after: $after, filterBy: { since: $since }, orderBy: { field: UPDATED_AT, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id number title createdAt updatedAt closedAt
        labels(first: 100) { nodes { name } }
        milestone { title createdAt dueOn }
        timelineItems(first: 100, itemTypes: [LABELED_EVENT, UNLABELED_EVENT, CLOSED_EVENT, REOPENED_EVENT, RENAMED_TITLE_EVENT, MILESTONED_EVENT, DEMILESTONED_EVENT]) {${ISSUE_TIMELINE}
        }
      }
    }
  }
}`;

export const ISSUE_TIMELINE_MORE_QUERY = `
query ($id: ID!, $after: String) {
  node(id: $id) {
    ... on Issue {
      timelineItems(first: 100, after: $after, itemTypes: [LABELED_EVENT, UNLABELED_EVENT, CLOSED_EVENT, REOPENED_EVENT, RENAMED_TITLE_EVENT, MILESTONED_EVENT, DEMILESTONED_EVENT]) {${ISSUE_TIMELINE}
      }
    }
  }
}`;

/** Commits on the default branch since, newest first. */
export const DEFAULT_BRANCH_COMMITS_QUERY = `
query ($owner: String!, $name: String!, $after: String, $since: GitTimestamp!, $first: Int!) {
  repository(owner: $owner, name: $name) {
    nameWithOwner
    defaultBranchRef {
      name
      target {
        ... on Commit {
          history(first: $first, after: $after, since: $since) {
            totalCount
            pageInfo { hasNextPage endCursor }
            nodes { oid message authoredDate }
          }
        }
      }
    }
  }
}`;
