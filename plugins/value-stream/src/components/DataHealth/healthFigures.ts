import type { DataHealth } from '@valuestream/backstage-plugin-value-stream-common';

/** One linked-input share of the card: "16 of 40 commits name a work item". */
export interface HealthFigure {
  testId: string;
  label: string;
  /** What the card says when there was none. */
  none: string;
  part: number;
  total: number;
}

/** The shares of linked input in a data-health answer (pure). @internal */
export function healthFigures(h: DataHealth): HealthFigure[] {
  return [
    {
      testId: 'health-commits',
      label: 'commits name a work item',
      none: 'No commits',
      part: h.commits.linked,
      total: h.commits.total,
    },
    {
      testId: 'health-pull-requests',
      label: 'pull requests are linked',
      none: 'No pull requests',
      part: h.pullRequests.linked,
      total: h.pullRequests.total,
    },
    {
      testId: 'health-deployments',
      label: 'deployments carry commits',
      none: 'No deployments',
      part: h.deployments.withCommits,
      total: h.deployments.total,
    },
    {
      testId: 'health-items',
      label: 'done items have a linked change',
      none: 'No items done',
      part: h.workItems.withChanges,
      total: h.workItems.done,
    },
  ];
}

/**
 * The services of a group with the most data-health warnings first, at most `limit`, those
 * without any left out (pure). @internal
 */
export function weakestServices(
  answers: DataHealth[],
  limit = 3,
): DataHealth[] {
  return answers
    .filter(a => a.warnings.length > 0)
    .sort(
      (a, b) =>
        b.warnings.length - a.warnings.length ||
        a.entityRef.localeCompare(b.entityRef),
    )
    .slice(0, limit);
}
