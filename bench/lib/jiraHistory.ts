// A Jira project of `count` issues for the import benchmark, in the shape of the fake Jira
// (plugins/value-stream-backend-module-jira/src/import/__testUtils__/fakeJira.ts): current
// fields plus the changelog, oldest entry first. Each issue goes To Do → In Progress → Done,
// every third is reopened and done again, every fifth is reprioritised: 2–5 changes.
import type { FakeIssue } from '../../plugins/value-stream-backend-module-jira/src/import/__testUtils__/fakeJira';

const HOUR = 3_600_000;
const CATEGORY: Record<string, string> = {
  'To Do': 'new',
  'In Progress': 'indeterminate',
  Done: 'done',
};

/** Jira's timestamp format, e.g. 2026-11-02T09:00:00.000+0000. */
const jiraAt = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

const statusItem = (from: string, to: string) => ({
  field: 'status',
  fieldtype: 'jira',
  fieldId: 'status',
  from: `status-${from}`,
  fromString: from,
  to: `status-${to}`,
  toString: to,
});

/** Issues PROJ-1…PROJ-count, one created every 20 min back from `end`. */
export function generateJiraIssues(
  count: number,
  { project = 'BEN', end = Date.now() - HOUR } = {},
): FakeIssue[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const created = end - (count - i) * (HOUR / 3) - 6 * HOUR;
    const changes: Array<{ at: number; items: object[] }> = [
      { at: created + HOUR, items: [statusItem('To Do', 'In Progress')] },
      { at: created + 3 * HOUR, items: [statusItem('In Progress', 'Done')] },
    ];
    if (n % 3 === 0)
      changes.push(
        { at: created + 4 * HOUR, items: [statusItem('Done', 'In Progress')] },
        { at: created + 5 * HOUR, items: [statusItem('In Progress', 'Done')] },
      );
    let priority = 'Medium';
    if (n % 5 === 0) {
      priority = 'High';
      changes.push({
        at: created + 5.5 * HOUR,
        items: [
          {
            field: 'priority',
            fieldtype: 'jira',
            fieldId: 'priority',
            from: '3',
            fromString: 'Medium',
            to: '2',
            toString: 'High',
          },
        ],
      });
    }
    const last = changes[changes.length - 1].at;
    return {
      id: String(100_000 + n),
      key: `${project}-${n}`,
      fields: {
        summary: `${project}-${n} change ${n}`,
        issuetype: { name: n % 4 === 0 ? 'Bug' : 'Story' },
        priority: { name: priority },
        labels: [],
        components: [],
        status: { name: 'Done', statusCategory: { key: CATEGORY.Done } },
        created: jiraAt(created),
        updated: jiraAt(last),
        customfield_10016: null,
      },
      histories: changes.map((c, k) => ({
        id: String(1_000_000 + n * 10 + k),
        created: jiraAt(c.at),
        items: c.items,
      })),
    } as FakeIssue;
  });
}
