/**
 * What a data-health warning is about (DESIGN §16): a share of unlinked input, a source
 * that went quiet, or an identifier the resolution rule gave to another entity.
 * @public
 */
export type DataHealthWarningCode =
  | 'commits_unlinked'
  | 'pull_requests_unlinked'
  | 'deployments_without_commits'
  | 'items_without_changes'
  | 'source_silent'
  | 'annotation_conflict'
  | 'unresolved_events';

/**
 * One finding of `GET …/data-health`, its `message` naming the fix in the words a team
 * acts on ("61 % of commits name no work item: put the key in the branch name or the PR
 * title"). @public
 */
export interface DataHealthWarning {
  code: DataHealthWarningCode;
  message: string;
  /** The source concerned (`source_silent`), or the annotation (`annotation_conflict`). */
  subject?: string;
}

/** A source an entity's annotations imply, and the last event it sent for the entity. @public */
export interface DataHealthSource {
  /** `github`, `gitlab`, `jira`, `argocd`, `pagerduty`, `jenkins`. */
  source: string;
  /** The annotation that implies it. */
  annotation: string;
  /** Receipt time of its newest event about the entity's data in the window; null: none. */
  lastEventAt: string | null;
}

/**
 * `GET /entities/:kind/:namespace/:name/data-health` (DESIGN §16): the entity's input over
 * the last 30 days and what to fix. @public
 */
export interface DataHealth {
  entityRef: string;
  window: { from: string; to: string };
  /** Commits pushed in the window; `linked` name a work item (or belong to a PR that does). */
  commits: { total: number; linked: number };
  /** PRs with activity in the window; `linked` name a work item. */
  pullRequests: { total: number; linked: number };
  /** The entity's deployments in the window; `withCommits` include at least one commit. */
  deployments: { total: number; withCommits: number };
  /** Items done in the window; `withChanges` have a linked commit or PR. */
  workItems: { done: number; withChanges: number };
  /** Events of the window about identifiers the entity claims but no entity got. */
  unresolvedEvents: number;
  sources: DataHealthSource[];
  warnings: DataHealthWarning[];
}
