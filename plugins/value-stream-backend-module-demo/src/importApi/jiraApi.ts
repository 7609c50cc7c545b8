import type { ApiAnswer } from './githubApi';
import { JIRA_STATUSES, type DemoJiraIssue } from './jiraProject';

const JQL =
  /project\s*=\s*"?([A-Z][A-Z0-9_]*)"?(?:.*updated\s*>=\s*"-(\d+)m")?/i;
const time = (s: string) => Date.parse(s.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));

/**
 * Jira Data Center REST API v2 answers to the Jira importer: `GET /rest/api/2/search`
 * (JQL `project = … AND updated >= "-Nm"`, `startAt`/`maxResults`/`total`,
 * `expand=changelog`) and `GET /rest/api/2/status`. It holds one project; any other
 * project key is answered with no issues (the feed's services have their Jira history
 * from the demo feed).
 */
export function jiraAnswer(
  project: { key: string; issues: DemoJiraIssue[] },
  url: URL,
  now: number,
): ApiAnswer {
  if (url.pathname === '/rest/api/2/status') {
    return {
      status: 200,
      body: JIRA_STATUSES.map(s => ({
        id: s.id,
        name: s.name,
        untranslatedName: s.name,
        statusCategory: { key: s.category, name: s.category },
      })),
    };
  }
  if (url.pathname !== '/rest/api/2/search') {
    return { status: 404, body: { errorMessages: ['Not Found'] } };
  }
  const match = JQL.exec(url.searchParams.get('jql') ?? '');
  if (!match) {
    return {
      status: 400,
      body: {
        errorMessages: ['The demo Jira reads `project = KEY` queries only'],
      },
    };
  }
  const startAt = Number(url.searchParams.get('startAt') ?? 0);
  const maxResults = Number(url.searchParams.get('maxResults') ?? 50);
  const since = match[2] ? now - Number(match[2]) * 60_000 : 0;
  const all =
    match[1].toUpperCase() === project.key
      ? project.issues.filter(i => time(i.fields.updated) >= since)
      : [];
  const page = all.slice(startAt, startAt + maxResults);
  return {
    status: 200,
    body: {
      expand: 'schema,names',
      startAt,
      maxResults,
      total: all.length,
      issues: page.map(({ histories, ...issue }) => ({
        expand: 'operations,changelog',
        self: `/rest/api/2/issue/${issue.id}`,
        ...issue,
        changelog: {
          startAt: 0,
          maxResults: histories.length,
          total: histories.length,
          histories,
        },
      })),
    },
    page: all.length > 0,
  };
}
