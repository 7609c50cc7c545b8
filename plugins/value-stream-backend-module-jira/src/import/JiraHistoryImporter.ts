import {
  fetchJson,
  type FetchJsonOptions,
  type HistoryImporter,
  type ImportPage,
  type ImportRunContext,
} from '@valuestream/backstage-plugin-value-stream-node';
import {
  eventsOfHistory,
  type JiraHistory,
  type JiraIssueWithHistory,
} from './issueHistory';
import {
  type Cursor,
  jqlFor,
  nextCursor,
  StatusCategories,
} from './jiraSearch';
import type { JiraImportConfig } from './jiraImportConfig';
import { DEFAULT_SPRINT_FIELD } from '../mapping/sprint';

type Obj = Record<string, any>;
type Entity = Parameters<HistoryImporter['scopes']>[0];

const PAGE_SIZE = 50;
const CHANGELOG_PAGE = 100;

/** Options of {@link JiraHistoryImporter}. */
export interface JiraHistoryImporterOptions {
  config: JiraImportConfig;
  /** Retry tuning passed to `fetchJson` (tests shorten the backoff). */
  fetchOptions?: Pick<FetchJsonOptions, 'backoffMs' | 'timeoutMs' | 'retries'>;
  /** Issues per search page; default 50. */
  pageSize?: number;
}

/** The project keys of `jira/project-key` (comma-separated, as entity resolution reads them). */
export function projectKeysOf(entity: Entity): string[] {
  const value = entity.metadata.annotations?.['jira/project-key'] ?? '';
  return [
    ...new Set(
      value
        .split(',')
        .map(k => k.trim().toUpperCase())
        .filter(k => /^[A-Z][A-Z0-9_]*$/.test(k)),
    ),
  ];
}

/**
 * Jira's history (DESIGN §12): per project, issues updated since `since`, by JQL with
 * `expand=changelog`, mapped to exactly the events the webhooks give. Cloud reads
 * `GET /rest/api/3/search/jql` (`nextPageToken`; the total from
 * `POST /rest/api/3/search/approximate-count`), Data Center `GET /rest/api/2/search`
 * (`startAt`/`maxResults`/`total`). A changelog longer than the search embeds is read in
 * full. Every event of such an issue is sent, also those before `since`: they are
 * duplicates when already stored and complete the journey when not.
 */
export class JiraHistoryImporter implements HistoryImporter {
  readonly source = 'jira';
  readonly #config: JiraImportConfig;
  readonly #fetchOptions: JiraHistoryImporterOptions['fetchOptions'];
  readonly #pageSize: number;

  constructor(options: JiraHistoryImporterOptions) {
    this.#config = options.config;
    this.#fetchOptions = options.fetchOptions;
    this.#pageSize = options.pageSize ?? PAGE_SIZE;
  }

  scopes(entity: Entity): string[] {
    return projectKeysOf(entity);
  }

  async *pages(context: ImportRunContext): AsyncIterable<ImportPage> {
    const project = context.scope;
    const cloud = this.#config.deployment === 'cloud';
    let cursor: Cursor = context.cursor
      ? JSON.parse(context.cursor)
      : { jql: jqlFor(project, context.since) };
    const get = <T>(path: string, init: RequestInit = {}) =>
      this.#get<T>(path, project, context.signal, init);
    const categories = new StatusCategories(() =>
      get<Obj[]>(`/rest/api/${cloud ? 3 : 2}/status`),
    );
    const total = cloud
      ? (
          await get<{ count?: number }>(
            '/rest/api/3/search/approximate-count',
            {
              method: 'POST',
              body: JSON.stringify({ jql: cursor.jql }),
            },
          )
        ).count
      : undefined;

    for (;;) {
      const page = await get<Obj>(this.#searchPath(cursor));
      const issues: Obj[] = Array.isArray(page.issues) ? page.issues : [];
      const withHistory: JiraIssueWithHistory[] = [];
      for (const issue of issues) {
        withHistory.push({
          key: String(issue.key),
          fields: issue.fields ?? {},
          histories: await this.#histories(issue, get),
        });
      }
      await categories.load(withHistory);
      const events = withHistory.flatMap(issue =>
        eventsOfHistory(issue, categories.of, {
          storyPointsField: this.#config.storyPointsField,
          sprintField: this.#config.sprintField,
        }),
      );
      const next = nextCursor(cursor, page, issues.length);
      yield {
        events,
        items: issues.length,
        total: cloud ? total : Number(page.total ?? 0),
        cursor: next && JSON.stringify(next),
      };
      if (!next || context.signal.aborted) return;
      cursor = next;
    }
  }

  #searchPath(cursor: Cursor): string {
    const params = new URLSearchParams({
      jql: cursor.jql,
      fields: [
        'summary',
        'issuetype',
        'priority',
        'labels',
        'components',
        'status',
        'created',
        'updated',
        this.#config.storyPointsField ?? 'customfield_10016',
        this.#config.sprintField ?? DEFAULT_SPRINT_FIELD,
      ].join(','),
      expand: 'changelog',
      maxResults: String(this.#pageSize),
    });
    if (this.#config.deployment === 'cloud') {
      if (cursor.nextPageToken)
        params.set('nextPageToken', cursor.nextPageToken);
      return `/rest/api/3/search/jql?${params}`;
    }
    params.set('startAt', String(cursor.startAt ?? 0));
    return `/rest/api/2/search?${params}`;
  }

  /** The whole changelog: the search embeds at most 100 entries per issue. */
  async #histories(
    issue: Obj,
    get: <T>(path: string) => Promise<T>,
  ): Promise<JiraHistory[]> {
    const changelog: Obj = issue.changelog ?? {};
    const embedded: JiraHistory[] = changelog.histories ?? [];
    if (!(Number(changelog.total) > embedded.length)) return embedded;
    const key = encodeURIComponent(String(issue.key));
    if (this.#config.deployment !== 'cloud') {
      const full = await get<Obj>(
        `/rest/api/2/issue/${key}?fields=status&expand=changelog`,
      );
      return full.changelog?.histories ?? embedded;
    }
    const all: JiraHistory[] = [];
    for (let startAt = 0; ; ) {
      const page = await get<Obj>(
        `/rest/api/3/issue/${key}/changelog?startAt=${startAt}&maxResults=${CHANGELOG_PAGE}`,
      );
      const values: JiraHistory[] = page.values ?? [];
      all.push(...values);
      startAt += values.length;
      if (page.isLast !== false || values.length === 0) return all;
    }
  }

  async #get<T>(
    path: string,
    project: string,
    signal: AbortSignal,
    init: RequestInit = {},
  ): Promise<T> {
    const { baseUrl, authorization } = this.#config;
    const answer = await fetchJson<T>(
      `${baseUrl}${path}`,
      {
        ...init,
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          authorization,
        },
      },
      {
        integration: `valueStream.sources.jira (${baseUrl})`,
        missingRight: `the account needs the "Browse projects" permission on project ${project} (and valid credentials: email + apiToken on Cloud, token on Data Center)`,
        signal,
        ...this.#fetchOptions,
      },
    );
    return answer.data;
  }
}
