import { jiraTime, type JiraIssueWithHistory } from './issueHistory';

type Obj = Record<string, any>;

/** Where a run resumes: the JQL it started with (a page token belongs to one query). */
export interface Cursor {
  jql: string;
  startAt?: number;
  nextPageToken?: string;
}

/**
 * `updated >= -Nm` rather than a date: JQL reads dates in the user's time zone, a
 * relative time is the same everywhere. Ordered by creation, so pages stay stable while
 * issues are updated.
 */
export function jqlFor(project: string, since: Date, now = Date.now()): string {
  const minutes = Math.max(1, Math.ceil((now - since.getTime()) / 60_000) + 1);
  return `project = "${project}" AND updated >= "-${minutes}m" ORDER BY created ASC, key ASC`;
}

export function nextCursor(
  cursor: Cursor,
  page: Obj,
  count: number,
): Cursor | null {
  if ('nextPageToken' in page || 'isLast' in page) {
    return page.nextPageToken && page.isLast !== true
      ? { jql: cursor.jql, nextPageToken: String(page.nextPageToken) }
      : null;
  }
  const startAt = Number(page.startAt ?? cursor.startAt ?? 0) + count;
  return count > 0 && startAt < Number(page.total ?? 0)
    ? { jql: cursor.jql, startAt }
    : null;
}

/** The status an issue was created in, when it has left it since. */
function initialStatus(issue: JiraIssueWithHistory): string | undefined {
  const first = [...issue.histories]
    .sort((a, b) => jiraTime(a.created) - jiraTime(b.created))
    .flatMap(h => h.items)
    .find(i => String(i.fieldId ?? i.field).toLowerCase() === 'status');
  return first?.fromString ?? undefined;
}

/**
 * Status name → category key, read from `GET /status` only when an issue was created in
 * a status it is no longer in (the created event needs to know whether it started "new").
 */
export class StatusCategories {
  #byName = new Map<string, string>();
  #loaded = false;
  constructor(private readonly read: () => Promise<Obj[]>) {}

  async load(issues: JiraIssueWithHistory[]): Promise<void> {
    for (const issue of issues) {
      const status = issue.fields.status;
      if (status?.name && status.statusCategory?.key)
        this.#byName.set(status.name, status.statusCategory.key);
    }
    const needed = issues.some(issue => {
      const initial = initialStatus(issue);
      return initial !== undefined && !this.#byName.has(initial);
    });
    if (!needed || this.#loaded) return;
    this.#loaded = true;
    for (const status of await this.read()) {
      if (status?.name && status.statusCategory?.key)
        this.#byName.set(status.name, status.statusCategory.key);
    }
  }

  readonly of = (name: string) => this.#byName.get(name);
}
