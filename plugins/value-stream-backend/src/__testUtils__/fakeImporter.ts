import { createBackendModule } from '@backstage/backend-plugin-api';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import {
  type HistoryImporter,
  type ImportRunContext,
  valueStreamImportersExtensionPoint,
} from '@valuestream/backstage-plugin-value-stream-node';

/** The events of page `p` of project `key`: each page creates and starts one item. */
export function pageEvents(key: string, p: number): CanonicalEvent[] {
  const item = `${key}-${p + 1}`;
  const day = String(p + 1).padStart(2, '0');
  return [
    {
      id: `fake-${item}-created`,
      source: 'jira',
      type: 'work_item.created',
      occurredAt: `2026-01-${day}T00:00:00Z`,
      data: { key: item, title: `Imported ${item}`, itemType: 'feature' },
    },
    {
      id: `fake-${item}-started`,
      source: 'jira',
      type: 'work_item.status_changed',
      occurredAt: `2026-01-${day}T06:00:00Z`,
      data: { key: item, to: 'In Progress' },
    },
  ];
}

/**
 * A history importer of `pages` pages per `jira/project-key`, cursor = the next page's
 * number. `hooks.beforePage` may throw or wait (faults, kills); `runs` records each
 * `pages()` call and `active` how many run at once per scope.
 */
export function fakeImporter(
  options: {
    pages?: number;
    hooks?: {
      beforePage?: (page: number, ctx: ImportRunContext) => Promise<void>;
    };
  } = {},
) {
  const pages = options.pages ?? 4;
  const runs: { scope: string; cursor: string | null; since: Date }[] = [];
  const active = new Map<string, number>();
  let maxActive = 0;
  const importer: HistoryImporter = {
    source: 'fake',
    scopes: entity => {
      const key = entity.metadata.annotations?.['jira/project-key'];
      return key ? [key] : [];
    },
    async *pages(ctx) {
      runs.push({ scope: ctx.scope, cursor: ctx.cursor, since: ctx.since });
      const n = (active.get(ctx.scope) ?? 0) + 1;
      active.set(ctx.scope, n);
      maxActive = Math.max(maxActive, n);
      try {
        for (let p = ctx.cursor ? Number(ctx.cursor) : 0; p < pages; p++) {
          await options.hooks?.beforePage?.(p, ctx);
          if (ctx.signal.aborted) return;
          yield {
            events: pageEvents(ctx.scope, p),
            items: 1,
            total: pages,
            cursor: p + 1 < pages ? String(p + 1) : null,
          };
        }
      } finally {
        active.set(ctx.scope, (active.get(ctx.scope) ?? 1) - 1);
      }
    },
  };
  const module = createBackendModule({
    pluginId: 'value-stream',
    moduleId: 'fake-importer',
    register(env) {
      env.registerInit({
        deps: { importers: valueStreamImportersExtensionPoint },
        async init({ importers }) {
          importers.addImporters(importer);
        },
      });
    },
  });
  return { importer, module, runs, maxActive: () => maxActive };
}
