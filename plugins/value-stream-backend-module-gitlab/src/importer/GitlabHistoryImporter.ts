import type { Config } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  ImportFailedError,
  type HistoryImporter,
  type ImportPage,
  type ImportRunContext,
} from '@valuestream/backstage-plugin-value-stream-node';
import { SOURCE } from '../mapping/util';
import { GitlabApi, type GitlabApiOptions } from './GitlabApi';
import { FIRST, type ListPosition } from './listSince';
import { PHASES } from './readers';
import type { ApiProject } from './toHookPayloads';

/** A catalog entity, as the importer contract passes it. */
type Entity = Parameters<HistoryImporter['scopes']>[0];

const SLUG = 'gitlab.com/project-slug';
/** The host of a self-managed instance, as the community GitLab plugin names it. */
const INSTANCE = 'gitlab.com/instance';

/** Where a run stopped: the list being read and where in it (keyed on `updated_at`). */
interface Cursor {
  phase: string;
  at: ListPosition;
  /** Items of the lists already finished, so `total` grows with each list. */
  done: number;
  /** Items of this list read before `at`. */
  read: number;
}

/** A scope is `<host>/<group>/<project>`; the host names the `integrations.gitlab` entry. */
export function parseScope(scope: string): { host: string; path: string } {
  const slash = scope.indexOf('/');
  if (slash <= 0 || !scope.slice(slash + 1).includes('/'))
    throw new ImportFailedError(
      `GitLab import scope must be host/group/project, got ${scope}`,
    );
  return { host: scope.slice(0, slash), path: scope.slice(slash + 1) };
}

function parseCursor(cursor: string | null): Cursor {
  if (!cursor) return { phase: PHASES[0][0], at: FIRST, done: 0, read: 0 };
  let c: any;
  try {
    c = JSON.parse(cursor);
  } catch {
    c = {};
  }
  const at = c.at ?? {};
  if (
    !PHASES.some(([name]) => name === c.phase) ||
    !(at.page >= 1) ||
    !Array.isArray(at.skip) ||
    (at.after !== null && Number.isNaN(Date.parse(at.after)))
  )
    // retrying cannot fix it
    throw new ImportFailedError(`unreadable GitLab import cursor ${cursor}`);
  return {
    phase: c.phase,
    at: { after: at.after, skip: at.skip.map(Number), page: at.page },
    done: Number(c.done) || 0,
    read: Number(c.read) || 0,
  };
}

/** Tuning for tests: retries, backoff, timeouts, longest wait. */
export type GitlabImportTuning = Pick<
  GitlabApiOptions,
  'retries' | 'backoffMs' | 'timeoutMs' | 'maxWaitMs'
>;

/**
 * Imports a GitLab project's history (DESIGN §12): merge requests with their commits,
 * issues, pipelines and deployments updated since `context.since`, read through REST v4
 * with the `integrations.gitlab` token, turned into the webhook payloads they imply and
 * mapped by the webhook mapping, so an imported fact and its webhook are one event.
 */
export class GitlabHistoryImporter implements HistoryImporter {
  readonly source = SOURCE;

  static fromConfig(config: Config, tuning: GitlabImportTuning = {}) {
    return new GitlabHistoryImporter(
      ScmIntegrations.fromConfig(config),
      tuning,
    );
  }

  private constructor(
    private readonly integrations: ScmIntegrations,
    private readonly tuning: GitlabImportTuning,
  ) {}

  /** `<host>/<project-slug>` when the entity names a project and the host has a token. */
  scopes(entity: Entity): string[] {
    const annotations = entity.metadata.annotations ?? {};
    const slug = annotations[SLUG]?.trim().replace(/^\/+|\/+$/g, '');
    if (!slug || !slug.includes('/')) return [];
    const host = annotations[INSTANCE]?.trim() || 'gitlab.com';
    const integration = this.integrations.gitlab.byHost(host);
    return integration?.config.token ? [`${host}/${slug}`] : [];
  }

  async *pages(context: ImportRunContext): AsyncIterable<ImportPage> {
    const { host, path } = parseScope(context.scope);
    const integration = this.integrations.gitlab.byHost(host);
    if (!integration)
      throw new ImportFailedError(
        `integrations.gitlab has no entry for host ${host}; add one with a token that has the read_api scope`,
      );
    const api = new GitlabApi({
      ...this.tuning,
      host,
      apiBaseUrl: integration.config.apiBaseUrl,
      token: integration.config.token,
      signal: context.signal,
      onWait: ({ ms, reason }) =>
        context.logger.info(
          `GitLab import of ${path}: waiting ${Math.round(
            ms / 1000,
          )} s (${reason})`,
        ),
    });
    const project = await api.get<ApiProject>(
      `/projects/${encodeURIComponent(path)}`,
    );
    const since = context.since.toISOString();
    let cursor = parseCursor(context.cursor);
    let phase = PHASES.findIndex(([name]) => name === cursor.phase);
    while (phase < PHASES.length) {
      if (context.signal.aborted) return;
      const [name, read] = PHASES[phase];
      const result = await read({ api, project, since, at: cursor.at });
      const seen = cursor.read + result.items;
      let next: Cursor | null = null;
      if (result.next)
        next = { phase: name, at: result.next, done: cursor.done, read: seen };
      else if (phase + 1 < PHASES.length)
        next = {
          phase: PHASES[phase + 1][0],
          at: FIRST,
          done: cursor.done + seen,
          read: 0,
        };
      yield {
        events: result.events,
        items: result.items,
        total:
          result.total === undefined
            ? undefined
            : cursor.done + cursor.read + result.total,
        cursor: next && JSON.stringify(next),
      };
      if (!next) return;
      if (next.phase !== name) phase++;
      cursor = next;
    }
  }
}
