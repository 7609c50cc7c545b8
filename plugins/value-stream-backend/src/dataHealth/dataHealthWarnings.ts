import type {
  DataHealth,
  DataHealthWarning,
} from '@valuestream/backstage-plugin-value-stream-common';

/** Days the data-health figures look back (DESIGN §16). */
export const DATA_HEALTH_DAYS = 30;
/** Days without an event after which an annotated source is reported silent. */
export const SILENT_SOURCE_DAYS = 7;
/** Share of unlinked input from which it is worth a warning. */
export const UNLINKED_WARNING_SHARE = 0.1;

const DAY_MS = 86_400_000;

/** A claim of the entity the resolution rule gave to others (claims.ts). */
export interface LostClaim {
  annotation: string;
  id: string;
  /** The entities that claim it too. */
  others: string[];
  /** Why the rule decided so. */
  reason: string;
}

export type DataHealthFigures = Omit<DataHealth, 'warnings'>;

const pct = (part: number, whole: number) => Math.round((part / whole) * 100);

function share(
  code: DataHealthWarning['code'],
  missing: number,
  total: number,
  text: (p: number) => string,
): DataHealthWarning[] {
  if (!total || !missing || missing / total < UNLINKED_WARNING_SHARE) return [];
  return [{ code, message: text(pct(missing, total)) }];
}

/**
 * The findings of an entity's data health (pure), worst input first; each message names the
 * fix in the words a team acts on.
 */
export function dataHealthWarnings(
  figures: DataHealthFigures,
  lost: LostClaim[],
  now: number,
): DataHealthWarning[] {
  const { commits, pullRequests, deployments, workItems } = figures;
  const warnings: DataHealthWarning[] = [
    ...lost.map(
      (c): DataHealthWarning => ({
        code: 'annotation_conflict',
        subject: c.annotation,
        message:
          `${c.annotation} "${c.id}" is also claimed by ${c.others.join(
            ', ',
          )} ` +
          `and ${c.reason}, so this entity gets none of its data: remove the wrong ` +
          'annotation, or ask your Backstage admin to pin it in valueStream.claims',
      }),
    ),
    ...share(
      'commits_unlinked',
      commits.total - commits.linked,
      commits.total,
      p =>
        `${p} % of commits name no work item: put the key in the branch name or the PR title`,
    ),
    ...share(
      'pull_requests_unlinked',
      pullRequests.total - pullRequests.linked,
      pullRequests.total,
      p =>
        `${p} % of pull requests are linked to no work item: put the key in the PR title or its branch name`,
    ),
    ...share(
      'deployments_without_commits',
      deployments.total - deployments.withCommits,
      deployments.total,
      p =>
        `${p} % of deployments carry no commits: send the deployed commitSha (or its commits) with each deployment event`,
    ),
    ...share(
      'items_without_changes',
      workItems.done - workItems.withChanges,
      workItems.done,
      p =>
        `${p} % of the items done in the last ${DATA_HEALTH_DAYS} days have no linked commit or PR: name the item's key in the commits, branch or PR title of its work`,
    ),
  ];
  for (const s of figures.sources) {
    const last = s.lastEventAt === null ? null : Date.parse(s.lastEventAt);
    if (last !== null && now - last < SILENT_SOURCE_DAYS * DAY_MS) continue;
    const since =
      last === null
        ? `in the last ${DATA_HEALTH_DAYS} days`
        : `for ${Math.floor((now - last) / DAY_MS)} days`;
    warnings.push({
      code: 'source_silent',
      subject: s.source,
      message: `${s.source} sent nothing ${since} though ${s.annotation} is set: check its webhook deliveries and secret, or re-run the history import`,
    });
  }
  if (figures.unresolvedEvents > 0)
    warnings.push({
      code: 'unresolved_events',
      message: `${figures.unresolvedEvents} events of the last ${DATA_HEALTH_DAYS} days name this entity's identifiers but went to no entity: resolve the annotation conflict`,
    });
  return warnings;
}
