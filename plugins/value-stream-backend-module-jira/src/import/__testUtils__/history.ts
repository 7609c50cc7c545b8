import created from '../../__fixtures__/jira-issue_created.json';
import done from '../../__fixtures__/jira-issue_updated.status-done.json';
import inProgress from '../../__fixtures__/jira-issue_updated.status-in-progress.json';
import reopened from '../../__fixtures__/jira-issue_updated.status-reopened.json';
import { jiraTime } from '../issueHistory';
import type { FakeIssue } from './fakeJira';

type Obj = Record<string, any>;

const CATEGORY: Record<string, string> = {
  'To Do': 'new',
  Backlog: 'new',
  Waiting: 'indeterminate',
  'In Progress': 'indeterminate',
  Done: 'done',
};

/** `GET /rest/api/3/status` in the documented shape ("Get all statuses"). */
export const STATUSES = Object.entries(CATEGORY).map(([name, key], i) => ({
  self: `https://your-domain.atlassian.net/rest/api/3/status/${10000 + i}`,
  description: '',
  iconUrl: 'https://your-domain.atlassian.net/images/icons/statuses/open.png',
  name,
  untranslatedName: name,
  id: String(10000 + i),
  statusCategory: {
    self: 'https://your-domain.atlassian.net/rest/api/3/statuscategory/2',
    id: { new: 2, indeterminate: 4, done: 3 }[key],
    key,
    colorName: 'blue-gray',
    name: key,
  },
}));

/** The webhooks Jira sent for an issue, and the issue as its REST API shows it afterwards. */
export interface IssueStory {
  webhooks: Obj[];
  issue: FakeIssue;
}

// Jira stamps a webhook some ms after the change; its history entry carries the change's
// own time, which is the payload's fields.updated (fields.created for the creation).
const atChangeTime = (payload: Obj): Obj => ({
  ...payload,
  timestamp: jiraTime(
    payload.webhookEvent === 'jira:issue_created'
      ? payload.issue.fields.created
      : payload.issue.fields.updated,
  ),
});

/**
 * The summary change no captured webhook carries: the captured bodies go from "Unit test
 * summary" (created) to "Unit test summary 1" (In Progress). Jira's changelog holds it, so
 * the fake does (id and time ours, between the two): a missed webhook the import fills.
 */
export const TES41_SUMMARY_CHANGE = {
  id: '10226',
  created: '2019-02-15T19:10:00.000-0800',
  items: [
    {
      field: 'summary',
      fieldtype: 'jira',
      fieldId: 'summary',
      from: null,
      fromString: 'Unit test summary',
      to: null,
      toString: 'Unit test summary 1',
    },
  ],
};

/** TES-41 from the four real webhook bodies (created, In Progress, Done, reopened). */
export function tes41(): IssueStory {
  const updates = [inProgress, done, reopened] as Obj[];
  return {
    webhooks: [created, ...updates].map(atChangeTime),
    issue: {
      id: reopened.issue.id,
      key: 'TES-41',
      fields: reopened.issue.fields,
      histories: [
        TES41_SUMMARY_CHANGE,
        ...updates.map(u => ({
          id: u.changelog.id,
          created: u.issue.fields.updated,
          items: u.changelog.items,
        })),
      ],
    },
  };
}

interface Change {
  id: string;
  at: string;
  items: Obj[];
}

/** A change applied forward, as Jira applies it (the importer's reading goes backward). */
function apply(fields: Obj, change: Change): Obj {
  const next: Obj = { ...fields, updated: change.at };
  for (const item of change.items) {
    // the changelog's `toString` field, not Object's method
    const to = (item.toString as unknown as string | null) ?? null;
    switch (item.fieldId) {
      case 'status':
        next.status = {
          name: to,
          statusCategory: { key: CATEGORY[to ?? ''] },
        };
        break;
      case 'summary':
        next.summary = to;
        break;
      case 'issuetype':
        next.issuetype = { name: to };
        break;
      case 'priority':
        next.priority = to && { name: to };
        break;
      case 'labels':
        next.labels = to ? to.split(' ') : [];
        break;
      case 'components':
        next.components = [
          ...(next.components ?? []).filter(
            (c: Obj) => c.name !== item.fromString,
          ),
          ...(to ? [{ id: item.to, name: to }] : []),
        ];
        break;
      case 'customfield_10016':
        next.customfield_10016 = to === null ? null : Number(to);
        break;
      case 'customfield_10021':
        next.customfield_10021 = to ? [{ value: to, id: item.to }] : null;
        break;
      default:
    }
  }
  return next;
}

const item = (
  fieldId: string,
  field: string,
  fromString: string | null,
  toString: string | null,
): Obj => ({
  field,
  fieldtype: fieldId.startsWith('customfield') ? 'custom' : 'jira',
  fieldId,
  from: fromString && `${field}-${fromString}`,
  fromString,
  to: toString && `${field}-${toString}`,
  toString,
});

function story(
  id: string,
  key: string,
  first: Obj,
  changes: Change[],
): IssueStory {
  const initial = { ...first, updated: first.created };
  const webhooks: Obj[] = [
    {
      timestamp: jiraTime(first.created),
      webhookEvent: 'jira:issue_created',
      issue: { id, key, fields: initial },
    },
  ];
  let fields: Obj = initial;
  for (const change of changes) {
    fields = apply(fields, change);
    webhooks.push({
      timestamp: jiraTime(change.at),
      webhookEvent: 'jira:issue_updated',
      issue: { id, key, fields },
      changelog: { id: change.id, items: change.items },
    });
  }
  return {
    webhooks,
    issue: {
      id,
      key,
      fields,
      histories: changes.map(c => ({
        id: c.id,
        created: c.at,
        items: c.items,
      })),
    },
  };
}

/**
 * TES-42 (a bug through flag on/off, priority, labels, a component, type, summary and
 * story points to Done), TES-43 (created straight into In Progress), TES-44 (created in
 * Waiting, a status it left: its category comes from GET /status).
 */
export function generatedStories(): IssueStory[] {
  const base = {
    issuetype: { name: 'Bug' },
    priority: { name: 'Medium' },
    labels: [],
    components: [{ id: '10000', name: 'Billing' }],
    customfield_10016: null,
  };
  const status = (name: string) => ({
    name,
    statusCategory: { key: CATEGORY[name] },
  });
  return [
    story(
      '10042',
      'TES-42',
      {
        ...base,
        summary: 'Card declined',
        status: status('To Do'),
        created: '2026-11-02T09:00:00.000+0000',
      },
      [
        {
          id: '10301',
          at: '2026-11-02T10:00:00.000+0000',
          items: [item('status', 'status', 'To Do', 'In Progress')],
        },
        {
          id: '10302',
          at: '2026-11-03T10:00:00.000+0000',
          items: [item('customfield_10021', 'Flagged', null, 'Impediment')],
        },
        {
          id: '10303',
          at: '2026-11-03T11:00:00.000+0000',
          items: [
            item('priority', 'priority', 'Medium', 'High'),
            item('labels', 'labels', '', 'payments urgent'),
          ],
        },
        {
          id: '10304',
          at: '2026-11-04T10:00:00.000+0000',
          items: [
            item('customfield_10021', 'Flagged', 'Impediment', null),
            item('components', 'Component', null, 'Checkout'),
          ],
        },
        {
          id: '10305',
          at: '2026-11-05T10:00:00.000+0000',
          items: [
            item('issuetype', 'issuetype', 'Bug', 'Task'),
            item(
              'summary',
              'summary',
              'Card declined',
              'Card declined on retry',
            ),
            item('customfield_10016', 'Story point estimate', null, '5'),
          ],
        },
        {
          id: '10306',
          at: '2026-11-06T10:00:00.000+0000',
          items: [item('status', 'status', 'In Progress', 'Done')],
        },
      ],
    ),
    story(
      '10043',
      'TES-43',
      {
        ...base,
        summary: 'Hotfix',
        status: status('In Progress'),
        created: '2026-11-03T08:00:00.000+0000',
      },
      [],
    ),
    story(
      '10044',
      'TES-44',
      {
        ...base,
        summary: 'Waiting on vendor',
        status: status('Waiting'),
        created: '2026-11-04T08:00:00.000+0000',
      },
      [
        {
          id: '10401',
          at: '2026-11-05T08:00:00.000+0000',
          items: [item('status', 'status', 'Waiting', 'Done')],
        },
      ],
    ),
  ];
}
