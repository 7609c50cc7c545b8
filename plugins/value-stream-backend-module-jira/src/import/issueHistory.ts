import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { jiraToEvents, type JiraMappingOptions } from '../mapping';
import {
  DEFAULT_SPRINT_FIELD,
  isSprintItem,
  sprintIds,
  sprintsOf,
} from '../mapping/sprint';

type Obj = Record<string, any>;

/** One entry of an issue's changelog (`expand=changelog`, or `GET …/issue/{key}/changelog`). */
export interface JiraHistory {
  id: string;
  created: string;
  items: Obj[];
}

/** An issue as the search answers it, with its whole changelog. */
export interface JiraIssueWithHistory {
  key: string;
  fields: Obj;
  histories: JiraHistory[];
}

/** Jira writes offsets without a colon (`+0000`), which not every Date parser accepts. */
export function jiraTime(value: string): number {
  return Date.parse(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}

const DEFAULT_STORY_POINTS = 'customfield_10016';

/**
 * The fields before `history` happened, from those after it: every item that the mapping
 * reads (status, summary, type, priority, labels, components, story points) is undone.
 */
function undo(
  after: Obj,
  history: JiraHistory,
  categoryOf: (status: string) => string | undefined,
  storyPointsField: string,
  sprintField: string = DEFAULT_SPRINT_FIELD,
): Obj {
  const before: Obj = { ...after };
  for (const item of history.items) {
    const field = String(item.fieldId ?? item.field ?? '').toLowerCase();
    const from: string | null = item.fromString ?? null;
    if (field === 'status') {
      before.status = from
        ? { name: from, statusCategory: { key: categoryOf(from) ?? 'new' } }
        : undefined;
    } else if (field === 'summary') {
      before.summary = from ?? undefined;
    } else if (field === 'issuetype') {
      before.issuetype = from ? { name: from } : undefined;
    } else if (field === 'priority') {
      before.priority = from ? { name: from } : null;
    } else if (field === 'labels') {
      before.labels = from ? from.split(' ').filter(Boolean) : [];
    } else if (field === 'components' || field === 'component') {
      // one item per component added (toString) or removed (fromString)
      const names: Obj[] = Array.isArray(before.components)
        ? before.components
        : [];
      const kept = names.filter(c => c?.name !== item.toString);
      before.components = from ? [...kept, { name: from }] : kept;
    } else if (isSprintItem(item, sprintField)) {
      // the sprints before: those of `from`, described by the objects the field still lists
      const known = sprintsOf(after, sprintField);
      const names = sprintIds(item.fromString);
      before[sprintField] = sprintIds(item.from).map(
        (id, i) =>
          known.find(s => String(s.id) === id) ?? { id, name: names[i] },
      );
    } else if (item.fieldId === storyPointsField) {
      before[storyPointsField] =
        from === null || from === '' ? null : Number(from);
    }
  }
  return before;
}

/**
 * The webhooks Jira would have sent for an issue's history, rebuilt from its current
 * fields and changelog: `jira:issue_created` at `fields.created` with the fields as they
 * were then, and one `jira:issue_updated` per history entry at its time, with its
 * changelog id and the fields just after it. Pure.
 */
export function webhooksOfHistory(
  issue: JiraIssueWithHistory,
  categoryOf: (status: string) => string | undefined,
  storyPointsField: string = DEFAULT_STORY_POINTS,
  sprintField: string = DEFAULT_SPRINT_FIELD,
): Obj[] {
  const histories = [...issue.histories].sort(
    (a, b) =>
      jiraTime(a.created) - jiraTime(b.created) || Number(a.id) - Number(b.id),
  );
  const current = issue.fields;
  const updates: Obj[] = [];
  let fields: Obj = {
    ...current,
    status: current.status && {
      ...current.status,
      statusCategory: {
        key:
          current.status.statusCategory?.key ?? categoryOf(current.status.name),
      },
    },
  };
  for (let i = histories.length - 1; i >= 0; i--) {
    const history = histories[i];
    updates.unshift({
      webhookEvent: 'jira:issue_updated',
      timestamp: jiraTime(history.created),
      issue: { key: issue.key, fields },
      changelog: { id: String(history.id), items: history.items },
    });
    fields = undo(fields, history, categoryOf, storyPointsField, sprintField);
  }
  const created = {
    webhookEvent: 'jira:issue_created',
    timestamp: jiraTime(String(current.created)),
    issue: { key: issue.key, fields },
  };
  return [created, ...updates];
}

/**
 * The canonical events of an issue's history: exactly those its webhooks map to (same
 * ids, types, times and data), so an import after the webhooks, or during them, only adds
 * what was missed. Pure.
 */
export function eventsOfHistory(
  issue: JiraIssueWithHistory,
  categoryOf: (status: string) => string | undefined,
  options: JiraMappingOptions = {},
): CanonicalEvent[] {
  return webhooksOfHistory(
    issue,
    categoryOf,
    options.storyPointsField,
    options.sprintField,
  ).flatMap(payload => jiraToEvents(payload, options));
}
