import {
  STAGE,
  type CanonicalEvent,
  type ItemType,
} from '@valuestream/backstage-plugin-value-stream-common';
import {
  itemTypeFromLabels as typeFromLabels,
  type LabelVocabulary,
} from '@valuestream/backstage-plugin-value-stream-node';
import { canonical, iso, Payload, projectPath, required } from './util';

const LABEL_TYPES: LabelVocabulary = [
  ['defect', ['bug', 'type::bug', 'defect']],
  ['risk', ['security', 'type::security']],
  [
    'debt',
    ['debt', 'tech-debt', 'technical debt', 'refactor', 'type::maintenance'],
  ],
];

/** Item type from label titles: bug → defect, security → risk, debt/refactor/maintenance → debt, else feature. */
export function itemTypeFromLabels(labels: string[]): ItemType {
  return typeFromLabels(labels, LABEL_TYPES);
}

/** A GitLab iteration (REST `issue.iteration`, or a hook's) as a canonical one (DESIGN §14). */
export function gitlabIteration(
  id: unknown,
  it: Payload | null | undefined,
): { id: string; name: string; startAt: string | null; endAt: string | null } {
  const day = (d: unknown) =>
    typeof d === 'string' && /^\d{4}-\d\d-\d\d/.test(d)
      ? `${d.slice(0, 10)}T00:00:00.000Z`
      : null;
  const end = day(it?.due_date);
  return {
    id: String(id),
    name:
      typeof it?.title === 'string' && it.title
        ? it.title
        : `Iteration ${it?.iid ?? id}`,
    startAt: day(it?.start_date),
    // an iteration's due date is its last day: it ends at the next midnight
    endAt: end && new Date(Date.parse(end) + 86_400_000).toISOString(),
  };
}

/**
 * Issue Hook: open → `work_item.created` (key `<project path>#<iid>`); close →
 * status `closed` (stage Done); reopen → status `opened`; update with label,
 * title or iteration (`changes.iteration_id`) changes → `work_item.updated`.
 */
export function mapIssue(payload: Payload): CanonicalEvent[] {
  const issue: Payload = required(
    payload.object_attributes,
    'object_attributes',
  );
  const repository = projectPath(payload);
  const key = `${repository}#${required(issue.iid, 'object_attributes.iid')}`;
  const labels: string[] = (payload.labels ?? issue.labels ?? []).map(
    (l: Payload) => String(l.title),
  );
  const one = (
    id: string,
    type: string,
    occurredAt: string,
    data: Record<string, unknown>,
  ) => [
    canonical({ id, type, occurredAt, repository, data: { key, ...data } }),
  ];
  const updatedAt = () => iso(issue.updated_at, 'object_attributes.updated_at');
  switch (issue.action) {
    case 'open':
      return one(
        `issue:${key}:opened`,
        'work_item.created',
        iso(issue.created_at, 'object_attributes.created_at'),
        {
          title: issue.title ?? '',
          itemType: itemTypeFromLabels(labels),
          status: 'opened',
          labels,
        },
      );
    case 'close':
      return one(
        `issue:${key}:closed:${issue.updated_at}`,
        'work_item.status_changed',
        iso(issue.closed_at ?? issue.updated_at, 'object_attributes.closed_at'),
        {
          from: 'opened',
          to: 'closed',
          stage: STAGE.done,
        },
      );
    case 'reopen':
      return one(
        `issue:${key}:reopened:${issue.updated_at}`,
        'work_item.status_changed',
        updatedAt(),
        {
          from: 'closed',
          to: 'opened',
        },
      );
    case 'update': {
      const changes: Payload = payload.changes ?? {};
      const iteration = changes.iteration_id;
      if (!changes.labels && !changes.title && !iteration) return [];
      return one(
        `issue:${key}:updated:${issue.updated_at}`,
        'work_item.updated',
        updatedAt(),
        {
          title: changes.title ? issue.title : undefined,
          labels: changes.labels ? labels : undefined,
          itemType: changes.labels ? itemTypeFromLabels(labels) : undefined,
          ...(iteration
            ? {
                iteration:
                  iteration.current === null || iteration.current === undefined
                    ? null
                    : gitlabIteration(iteration.current, issue.iteration),
              }
            : {}),
        },
      );
    }
    default:
      return [];
  }
}
