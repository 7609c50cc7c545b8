import type { ItemType } from '@valuestream/backstage-plugin-value-stream-common';
import type { PlannedItem } from '../generate/plan';
import type { Millis } from '../generate/time';

/** A changelog entry as Jira REST API v2 answers it (`expand=changelog`). */
export interface DemoJiraHistory {
  id: string;
  created: string;
  items: Array<{
    field: string;
    fieldtype: string;
    fieldId: string;
    from: string | null;
    fromString: string | null;
    to: string | null;
    toString: string | null;
  }>;
}

/** An issue as Jira's search answers it, with its whole changelog. */
export interface DemoJiraIssue {
  id: string;
  key: string;
  fields: Record<string, unknown> & { created: string; updated: string };
  histories: DemoJiraHistory[];
}

/** Jira's statuses of the demo workflow and their categories (`GET /rest/api/2/status`). */
export const JIRA_STATUSES = [
  { id: '10000', name: 'To Do', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '10001', name: 'Done', category: 'done' },
];

const ISSUE_TYPES: Record<ItemType, string> = {
  feature: 'Story',
  defect: 'Bug',
  risk: 'Risk',
  debt: 'Task',
};

/** Jira's time format: milliseconds and an offset without a colon. */
export const jiraTime = (t: Millis) =>
  new Date(Math.floor(t / 1000) * 1000).toISOString().replace('Z', '+0000');

const status = (name: string) => {
  const s = JIRA_STATUSES.find(x => x.name === name)!;
  return { id: s.id, name: s.name, statusCategory: { key: s.category } };
};

/**
 * One planned item as its Jira issue, by `end`: created in To Do, In Progress when work
 * starts, flagged while blocked, Done when it reached production. Pure.
 */
function jiraIssue(
  item: PlannedItem,
  index: number,
  end: Millis,
): DemoJiraIssue {
  const id = 10_000 + index;
  const changes: Array<{ at: Millis; item: DemoJiraHistory['items'][number] }> =
    [];
  const move = (at: Millis, from: string, to: string) =>
    changes.push({
      at,
      item: {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: status(from).id,
        fromString: from,
        to: status(to).id,
        toString: to,
      },
    });
  const flag = (at: Millis, on: boolean) =>
    changes.push({
      at,
      item: {
        field: 'Flagged',
        fieldtype: 'custom',
        fieldId: 'customfield_10021',
        from: on ? null : '[10019]',
        fromString: on ? null : 'Impediment',
        to: on ? '[10019]' : null,
        toString: on ? 'Impediment' : null,
      },
    });
  move(item.startedAt, 'To Do', 'In Progress');
  for (const block of item.blocks) {
    flag(block.from, true);
    flag(block.to, false);
  }
  if (item.doneAt !== undefined) move(item.doneAt, 'In Progress', 'Done');
  const happened = changes.filter(c => c.at <= end).sort((a, b) => a.at - b.at);
  const moves = happened.filter(c => c.item.field === 'status');
  const current = moves.length
    ? moves[moves.length - 1].item.toString!
    : 'To Do';
  const flagged = happened.filter(c => c.item.field === 'Flagged').pop();
  return {
    id: String(id),
    key: item.key,
    fields: {
      summary: item.text.title,
      issuetype: { name: ISSUE_TYPES[item.itemType] },
      priority: { name: item.text.priority },
      labels: [],
      components: [],
      status: status(current),
      customfield_10016: item.value ?? null,
      customfield_10021: flagged?.item.to ? [{ value: 'Impediment' }] : null,
      created: jiraTime(item.createdAt),
      updated: jiraTime(
        happened.length ? happened[happened.length - 1].at : item.createdAt,
      ),
    },
    histories: happened.map((c, i) => ({
      id: String(id * 100 + i),
      created: jiraTime(c.at),
      items: [c.item],
    })),
  };
}

/** The planned items created by `end` as the issues of their Jira project. Pure. */
export function jiraProject(
  items: PlannedItem[],
  end: Millis,
): DemoJiraIssue[] {
  return [...items]
    .filter(i => i.createdAt <= end)
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((item, index) => jiraIssue(item, index, end));
}
