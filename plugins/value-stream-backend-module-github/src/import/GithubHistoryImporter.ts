import type { Config } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
  type GithubCredentialsProvider,
  type ScmIntegrationRegistry,
} from '@backstage/integration';
import {
  ImportFailedError,
  type HistoryImporter,
  type ImportPage,
  type ImportRunContext,
} from '@valuestream/backstage-plugin-value-stream-node';
import { createGithubClient, type GithubClientTuning } from './githubClient';
import { toImportError } from './githubErrors';
import { PHASES } from './phases';

const SLUG = 'github.com/project-slug';
const LOCATIONS = [
  'backstage.io/source-location',
  'backstage.io/managed-by-location',
];

/** Options of {@link GithubHistoryImporter}. @public */
export interface GithubHistoryImporterOptions {
  /** The app's `integrations` (hosts, `apiBaseUrl`s). */
  integrations: ScmIntegrationRegistry;
  /** Tokens per repository: a configured token or a GitHub App installation's. */
  credentials: GithubCredentialsProvider;
  /** Timeouts, backoff and rate-limit waits (tests shorten them). */
  client?: GithubClientTuning;
  /** Called for every HTTP request sent, retries included. */
  onRequest?: () => void;
}

interface Cursor {
  phase: string;
  after: string | null;
}

/** The scope `owner/repo` (github.com) or `host/owner/repo` (GitHub Enterprise). */
export function parseScope(scope: string) {
  const parts = scope.split('/');
  const [host, owner, name] =
    parts.length === 3 ? parts : ['github.com', parts[0], parts[1]];
  return { host, owner, name };
}

/**
 * The GitHub history importer (DESIGN §12): for an entity's `github.com/project-slug`, reads
 * pull requests with their commits, reviews, closes and merge, issues with their timeline,
 * commits on the default branch, deployments with their statuses and workflow runs, through
 * the integration's `apiBaseUrl`, as the very events the webhooks give.
 * @public
 */
export class GithubHistoryImporter implements HistoryImporter {
  /** The source of the webhook events this importer repeats. */
  readonly source = 'github';

  /** Reads `integrations.github` with `ScmIntegrations` and `DefaultGithubCredentialsProvider`. */
  static fromConfig(
    config: Config,
    options: Pick<GithubHistoryImporterOptions, 'client' | 'onRequest'> = {},
  ): GithubHistoryImporter {
    const integrations = ScmIntegrations.fromConfig(config);
    return new GithubHistoryImporter({
      ...options,
      integrations,
      credentials:
        DefaultGithubCredentialsProvider.fromIntegrations(integrations),
    });
  }

  constructor(private readonly options: GithubHistoryImporterOptions) {}

  /** Only hosts with a configured token or GitHub App (the default github.com entry has none). */
  private integrationFor(host: string) {
    const integration = this.options.integrations.github.byHost(host);
    const { token, apps } = integration?.config ?? {};
    return integration && (token || apps?.length) ? integration : undefined;
  }

  /** `owner/repo` of `github.com/project-slug` (GitHub Enterprise: `host/owner/repo`), if credentialed. */
  scopes(entity: Entity): string[] {
    const annotations = entity.metadata.annotations ?? {};
    const slug = annotations[SLUG]?.trim();
    if (!slug || !/^[\w.-]+\/[\w.-]+$/.test(slug)) return [];
    // GitHub Enterprise: the host of the entity's source location, when it is a GitHub host
    const host =
      LOCATIONS.map(a => annotations[a]?.replace(/^url:/, ''))
        .map(url => {
          try {
            return url ? new URL(url).host : undefined;
          } catch {
            return undefined;
          }
        })
        .find(h => h && this.options.integrations.github.byHost(h)) ??
      'github.com';
    if (!this.integrationFor(host)) return [];
    return [host === 'github.com' ? slug : `${host}/${slug}`];
  }

  /** PRs, issues, default-branch commits, deployments, runs: page by page from the cursor. */
  async *pages(context: ImportRunContext): AsyncIterable<ImportPage> {
    const { host, owner, name } = parseScope(context.scope);
    const integration = this.integrationFor(host);
    if (!integration)
      throw new ImportFailedError(
        `integrations.github: no token or GitHub App configured for ${host}`,
      );
    const url = `https://${host}/${owner}/${name}`;
    const client = createGithubClient({
      ...this.options.client,
      baseUrl: integration.config.apiBaseUrl ?? 'https://api.github.com',
      headers: async () => {
        try {
          return (await this.options.credentials.getCredentials({ url }))
            .headers;
        } catch (e) {
          // e.g. no installation of the GitHub App for this owner
          throw new ImportFailedError(
            `integrations.github (${host}): no credentials for ${owner}/${name}: ${
              (e as Error).message
            }; install the GitHub App on ${owner} or configure a token`,
          );
        }
      },
      signal: context.signal,
      logger: context.logger,
      onRequest: this.options.onRequest,
    });
    const start = decodeCursor(context.cursor);
    const first = Math.max(
      0,
      PHASES.findIndex(p => p.id === start.phase),
    );
    for (let i = first; i < PHASES.length; i++) {
      const phase = PHASES[i];
      const reading = {
        host,
        repository: `${owner}/${name}`,
        appPermission: phase.appPermission,
      };
      const pages = phase.read({
        client,
        owner,
        name,
        since: context.since,
        after: i === first ? start.after : null,
      });
      for (;;) {
        context.signal.throwIfAborted();
        let page;
        try {
          page = await pages.next();
        } catch (e) {
          throw toImportError(e, reading);
        }
        if (page.done) break;
        const { events, items, after } = page.value;
        // within the phase, or the start of the next one; null after the last
        const following = PHASES[i + 1];
        let resume: Cursor | null = null;
        if (after !== null) resume = { phase: phase.id, after };
        else if (following) resume = { phase: following.id, after: null };
        yield { events, items, cursor: resume && JSON.stringify(resume) };
      }
    }
  }
}

function decodeCursor(cursor: string | null): Cursor {
  if (!cursor) return { phase: PHASES[0].id, after: null };
  try {
    const parsed = JSON.parse(cursor);
    if (typeof parsed?.phase === 'string') return parsed;
  } catch {
    // a cursor this version did not write: start over (repeats are no-ops)
  }
  return { phase: PHASES[0].id, after: null };
}
