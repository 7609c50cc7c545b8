import type { IssuesEvent } from '@octokit/webhooks-types';
import {
  STAGE,
  type CanonicalEvent,
  type ItemType,
} from '@valuestream/backstage-plugin-value-stream-common';
import {
  itemTypeFromLabels as typeFromLabels,
  type LabelVocabulary,
} from '@valuestream/backstage-plugin-value-stream-node';
import { canonical, iso, repositoryOf, required } from './util';

const LABEL_TYPES: LabelVocabulary = [
  ['defect', ['bug']],
  ['risk', ['security']],
  ['debt', ['debt', 'tech-debt', 'refactor']],
];

/** Item type from labels: bug → defect, security → risk, debt/tech-debt/refactor → debt, else feature. */
export function itemTypeFromLabels(labels: string[]): ItemType {
  return typeFromLabels(labels, LABEL_TYPES);
}

/** The fields of a milestone the mapping reads (webhook and import). */
export interface MilestoneRef {
  title: string;
  created_at?: string | null;
  due_on?: string | null;
}

/**
 * A milestone as an iteration (DESIGN §14). GitHub milestones have a due date but no start:
 * the iteration starts when the milestone was created. Milestone titles are unique in a
 * repository, and the timeline the importer reads names milestones by title only, so the
 * id is `owner/repo/milestone/<title>`.
 */
export function milestoneIteration(repository: string, m: MilestoneRef) {
  return {
    id: `${repository}/milestone/${m.title}`,
    name: m.title,
    startAt: m.created_at ? new Date(m.created_at).toISOString() : null,
    endAt: m.due_on ? new Date(m.due_on).toISOString() : null,
  };
}

/**
 * `issues`: opened → `work_item.created` (key `owner/repo#n`); labeled,
 * unlabeled, edited → `work_item.updated`; milestoned, demilestoned →
 * `work_item.updated` with `iteration`; closed → status `closed` (stage
 * Done); reopened → status `open`.
 */
export function mapIssues(payload: IssuesEvent): CanonicalEvent[] {
  const issue = required(payload.issue, 'issue');
  const repository = repositoryOf(payload);
  const key = `${repository}#${required(issue.number, 'issue.number')}`;
  const labels = (issue.labels ?? []).map(l => l.name);
  const updatedAt = iso(issue.updated_at, 'issue.updated_at');
  const one = (
    id: string,
    type: string,
    occurredAt: string,
    data: Record<string, unknown>,
  ) => [
    canonical({ id, type, occurredAt, repository, data: { key, ...data } }),
  ];
  switch (payload.action) {
    case 'opened':
      return one(
        `issue:${key}:opened`,
        'work_item.created',
        iso(issue.created_at, 'issue.created_at'),
        {
          title: issue.title ?? '',
          itemType: itemTypeFromLabels(labels),
          status: 'open',
          labels,
        },
      );
    case 'labeled':
    case 'unlabeled':
      return one(
        `issue:${key}:${payload.action}:${issue.updated_at}:${
          payload.label?.name ?? ''
        }`,
        'work_item.updated',
        updatedAt,
        { labels, itemType: itemTypeFromLabels(labels) },
      );
    case 'milestoned':
    case 'demilestoned': {
      const milestone = required(payload.milestone, 'milestone');
      return one(
        `issue:${key}:${payload.action}:${issue.updated_at}:${milestone.title}`,
        'work_item.updated',
        updatedAt,
        {
          iteration:
            payload.action === 'milestoned'
              ? milestoneIteration(repository, milestone)
              : null,
        },
      );
    }
    case 'edited':
      return one(
        `issue:${key}:edited:${issue.updated_at}`,
        'work_item.updated',
        updatedAt,
        {
          title: issue.title ?? '',
        },
      );
    case 'closed':
      return one(
        `issue:${key}:closed:${issue.closed_at}`,
        'work_item.status_changed',
        iso(issue.closed_at ?? issue.updated_at, 'issue.closed_at'),
        { from: 'open', to: 'closed', stage: STAGE.done },
      );
    case 'reopened':
      return one(
        `issue:${key}:reopened:${issue.updated_at}`,
        'work_item.status_changed',
        updatedAt,
        {
          from: 'closed',
          to: 'open',
        },
      );
    default:
      return [];
  }
}
