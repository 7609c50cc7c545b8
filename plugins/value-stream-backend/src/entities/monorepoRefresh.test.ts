import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { createDirectValueStream } from '../__testUtils__/directValueStream';
import { component, databases, group } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const REPO = 'acme/mono';
const ledger = component('ledger', {
  'github.com/project-slug': REPO,
  'value-stream/paths': 'services/ledger/**',
  'jira/project-key': 'MONO',
});
/** notifier first owns the whole repository, then only its folder. */
const notifier = (paths?: string) =>
  component('notifier', {
    'github.com/project-slug': REPO,
    'jira/project-key': 'MONO',
    ...(paths ? { 'value-stream/paths': paths } : {}),
  });
const LEDGER = 'component:default/ledger';
const NOTIFIER = 'component:default/notifier';

let n = 0;
const ev = (
  type: string,
  day: number,
  data: Record<string, unknown>,
): CanonicalEvent => ({
  id: `mr-${++n}`,
  source: 'test',
  type,
  occurredAt: `2026-01-0${day}T00:00:00Z`,
  repository: REPO,
  data,
});

describe.each(databases.eachSupportedId())(
  'monorepo paths after a catalog change on %p',
  id => {
    it('moves items, repository-placed deployments and lead times when paths change', async () => {
      const vs = await createDirectValueStream(id, [ledger, notifier(), group]);
      try {
        await vs.ingest.ingest([
          ev('work_item.created', 1, {
            key: 'MONO-1',
            title: 'postings',
            itemType: 'feature',
          }),
          ev('commit.pushed', 2, {
            sha: 'c1c1c1c1',
            message: 'MONO-1 postings',
            branch: 'main',
            files: ['services/ledger/postings.ts'],
          }),
          ev('deployment.finished', 3, {
            deploymentId: 'd1',
            environment: 'production',
            status: 'success',
            commits: ['c1c1c1c1'],
          }),
        ]);
        const state = async () => ({
          item: await vs.store.entitiesOfItem('MONO-1'),
          deployment: (
            await vs
              .knex('vs_artifact_entities')
              .where({ kind: 'deployment', ref: 'd1' })
          )
            .map(r => r.entity_ref)
            .sort(),
          changes: (
            await vs.knex('vs_entity_changes').where({ change_id: 'c1c1c1c1' })
          )
            .map(r => r.entity_ref)
            .sort(),
        });
        // notifier has no paths yet: it owns every commit of the repository.
        expect(await state()).toEqual({
          item: [LEDGER, NOTIFIER],
          deployment: [LEDGER, NOTIFIER],
          changes: [LEDGER, NOTIFIER],
        });
        vs.catalog.entities.splice(1, 1, notifier('services/notifier/**'));
        expect(await vs.index.refresh()).toBe(true);
        expect(await state()).toEqual({
          item: [LEDGER],
          deployment: [LEDGER],
          changes: [LEDGER],
        });
      } finally {
        await vs.knex.destroy();
      }
    });
  },
);
