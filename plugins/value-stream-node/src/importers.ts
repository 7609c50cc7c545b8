import {
  createExtensionPoint,
  type LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';

/**
 * What one run of an import job gets (DESIGN §12): the job's (entity, scope), where to
 * resume, and how far back to read.
 * @public
 */
export interface ImportRunContext {
  entityRef: string;
  /** What the job imports, as {@link HistoryImporter.scopes} named it. */
  scope: string;
  /**
   * Where the last run stopped (the `cursor` of the last page whose events were
   * accepted), or `null` on the first run and after a finished one.
   */
  cursor: string | null;
  /**
   * Read facts from this time on: now − `valueStream.import.historyDays` on a first run;
   * on reconciliation the last finished run's start minus an overlap (repeats are no-ops).
   */
  since: Date;
  /** Aborted when the backend stops or the job's lease is lost: stop between pages. */
  signal: AbortSignal;
  logger: LoggerService;
}

/**
 * One page of history. The backend accepts `events` through the same path as webhooks
 * (ids derive from the facts, so a fact already received by webhook is a duplicate), and
 * only then stores `cursor`: a kill between pages repeats at most one page.
 * @public
 */
export interface ImportPage {
  events: CanonicalEvent[];
  /** Items (issues, PRs, cards…) this page covered, for progress. */
  items: number;
  /** Items in all, when the tool tells (progress bar). */
  total?: number;
  /** Resume point after this page; `null` when this was the last page. */
  cursor: string | null;
}

/**
 * A tool whose history can be read through its API, next to its webhooks (DESIGN §12).
 * Modules register one through {@link valueStreamImportersExtensionPoint}.
 * @public
 */
export interface HistoryImporter {
  /** The source id its events carry (`github`, `jira`, …): one job per (entity, source, scope). */
  source: string;
  /**
   * What to import for a catalog entity, from its annotations (e.g. the repository of
   * `github.com/project-slug`), or `[]`. Only scopes the importer has credentials for.
   */
  scopes(entity: Entity): string[];
  /**
   * Reads the history page by page from `context.cursor`. Rate limits are waited out and
   * 5xx answers and timeouts retried inside; a failure that waiting cannot fix (401, 403,
   * 404) is thrown as an {@link ImportFailedError}.
   */
  pages(context: ImportRunContext): AsyncIterable<ImportPage>;
}

/**
 * A failure that retrying will not fix: the job fails with this message, which names the
 * integration and the missing right, e.g. "integrations.github (github.com): 401 Bad
 * credentials; the token needs the repo scope".
 * @public
 */
export class ImportFailedError extends Error {
  readonly name = 'ImportFailedError';
}

/**
 * An extension point that allows modules to add history importers.
 * @public
 */
export interface ValueStreamImportersExtensionPoint {
  addImporters(...importers: HistoryImporter[]): void;
}

/** @public */
export const valueStreamImportersExtensionPoint =
  createExtensionPoint<ValueStreamImportersExtensionPoint>({
    id: 'value-stream.importers',
  });
