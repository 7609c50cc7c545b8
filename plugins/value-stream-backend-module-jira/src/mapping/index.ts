import { InputError } from '@backstage/errors';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import {
  canonicalEvent,
  isObject,
  required as requiredField,
} from '@valuestream/backstage-plugin-value-stream-node';
import { itemTypeOf } from './itemType';
import {
  currentSprint,
  DEFAULT_SPRINT_FIELD,
  isSprintItem,
  iterationOfChange,
  sprintsOf,
} from './sprint';

/** Options of the Jira mapping. @public */
export interface JiraMappingOptions {
  /** Custom field holding story points, used as `value` when 1–100. Default `customfield_10016`. */
  storyPointsField?: string;
  /** Custom field of the sprint, mapped to `iteration` (DESIGN §14). Default `customfield_10020`. */
  sprintField?: string;
}

type Obj = Record<string, any>;
const SOURCE = 'jira';
const DEFAULT_STORY_POINTS = 'customfield_10016';
// fields whose change re-sends the work item's attributes
const ATTRIBUTE_FIELDS = [
  'summary',
  'issuetype',
  'priority',
  'labels',
  'components',
  'component',
];

const required = <T>(value: T | null | undefined, field: string): T =>
  requiredField(value, field, 'Jira payload');

function event(
  id: string,
  type: string,
  occurredAt: string,
  data: Record<string, unknown>,
): CanonicalEvent {
  return canonicalEvent({ id, source: SOURCE, type, occurredAt, data });
}

function attributes(fields: Obj, storyPointsField: string) {
  const points = fields[storyPointsField];
  return {
    title: typeof fields.summary === 'string' ? fields.summary : undefined,
    itemType: itemTypeOf(fields.issuetype?.name),
    priority: fields.priority?.name ?? undefined,
    value:
      typeof points === 'number' && points >= 1 && points <= 100
        ? points
        : undefined,
    labels: Array.isArray(fields.labels)
      ? fields.labels.map(String)
      : undefined,
    // Names, which `jira/component` annotations match (case-insensitively).
    components: Array.isArray(fields.components)
      ? fields.components.flatMap((c: unknown) =>
          isObject(c) && typeof c.name === 'string' ? [c.name] : [],
        )
      : undefined,
  };
}

/**
 * Maps a Jira Cloud webhook (`jira:issue_created`, `jira:issue_updated`) to
 * canonical events. Status transitions come from the changelog; the time is the
 * webhook's `timestamp`. Pure.
 * @public
 */
export function jiraToEvents(
  payload: unknown,
  options: JiraMappingOptions = {},
): CanonicalEvent[] {
  if (!isObject(payload))
    throw new InputError('Jira payload must be a JSON object');
  const kind = payload.webhookEvent;
  if (kind !== 'jira:issue_created' && kind !== 'jira:issue_updated') return [];
  const issue: Obj = required(payload.issue, 'issue');
  const key = String(required(issue.key, 'issue.key'));
  const fields: Obj = isObject(issue.fields) ? issue.fields : {};
  const ts = Number(required(payload.timestamp, 'timestamp'));
  if (!Number.isFinite(ts))
    throw new InputError('Jira payload has an invalid timestamp');
  const occurredAt = new Date(ts).toISOString();
  const attrs = attributes(
    fields,
    options.storyPointsField ?? DEFAULT_STORY_POINTS,
  );
  const status: string | undefined = fields.status?.name;
  const sprintField = options.sprintField ?? DEFAULT_SPRINT_FIELD;

  if (kind === 'jira:issue_created') {
    const events = [
      event(`${key}:created`, 'work_item.created', occurredAt, {
        key,
        ...attrs,
        title: attrs.title ?? '',
        status,
      }),
    ];
    // created straight into a started status (e.g. by a workflow post-function)
    if (status && fields.status?.statusCategory?.key !== 'new') {
      events.push(
        event(`${key}:created:status`, 'work_item.status_changed', occurredAt, {
          key,
          to: status,
        }),
      );
    }
    // created into a sprint
    const sprint = currentSprint(sprintsOf(fields, sprintField));
    if (sprint) {
      events.push(
        event(`${key}:created:iteration`, 'work_item.updated', occurredAt, {
          key,
          iteration: sprint,
        }),
      );
    }
    return events;
  }

  const changelog: Obj = isObject(payload.changelog) ? payload.changelog : {};
  const items: Obj[] = Array.isArray(changelog.items) ? changelog.items : [];
  const changeId = String(changelog.id ?? ts);
  const events: CanonicalEvent[] = [];
  for (const item of items) {
    const fieldName = String(item.field ?? '').toLowerCase();
    if (item.fieldId === 'status' || fieldName === 'status') {
      events.push(
        event(
          `${key}:${changeId}:status`,
          'work_item.status_changed',
          occurredAt,
          {
            key,
            from: item.fromString ?? undefined,
            to: required(item.toString, 'changelog.items[].toString'),
          },
        ),
      );
    } else if (isSprintItem(item, sprintField)) {
      events.push(
        event(`${key}:${changeId}:iteration`, 'work_item.updated', occurredAt, {
          key,
          iteration: iterationOfChange(item, fields, sprintField),
        }),
      );
    } else if (fieldName === 'flagged') {
      const flagged = Boolean(item.toString);
      events.push(
        event(
          `${key}:${changeId}:${flagged ? 'blocked' : 'unblocked'}`,
          flagged ? 'work_item.blocked' : 'work_item.unblocked',
          occurredAt,
          {
            key,
            reason: (flagged ? item.toString : item.fromString) ?? undefined,
          },
        ),
      );
    }
  }
  const changesAttributes = items.some(
    i =>
      ATTRIBUTE_FIELDS.includes(String(i.fieldId ?? i.field).toLowerCase()) ||
      i.fieldId === (options.storyPointsField ?? DEFAULT_STORY_POINTS),
  );
  if (changesAttributes) {
    events.push(
      event(`${key}:${changeId}:updated`, 'work_item.updated', occurredAt, {
        key,
        ...attrs,
      }),
    );
  }
  return events;
}
