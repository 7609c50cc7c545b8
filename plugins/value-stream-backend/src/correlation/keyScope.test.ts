import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { createDirectValueStream } from '../__testUtils__/directValueStream';
import { component, databases, group } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const payments = component('payments', {
  'github.com/project-slug': 'acme/payments',
  'jira/project-key': 'PAY',
});
const billing = component('billing', {
  'github.com/project-slug': 'acme/billing',
  'jira/project-key': 'ABC',
});

let n = 0;
const ev = (
  type: string,
  hour: number,
  data: Record<string, unknown>,
  extra: Partial<CanonicalEvent> = {},
): CanonicalEvent => ({
  id: `ev-${++n}`,
  source: 'test',
  type,
  occurredAt: new Date(
    Date.parse('2026-01-01T00:00:00Z') + hour * 3600_000,
  ).toISOString(),
  data,
  ...extra,
});
/** GitHub sends the owner's own spelling, which the slug annotation need not share. */
const history = (repository: string) => [
  ev('work_item.created', 0, {
    key: 'ABC-99',
    title: 'x',
    itemType: 'feature',
  }),
  ev('work_item.created', 0, { key: 'PAY-1', title: 'y', itemType: 'feature' }),
  ev(
    'commit.pushed',
    1,
    { sha: 'aaaaaaa1', message: 'Fix ABC-99 and PAY-1', branch: 'main' },
    { repository },
  ),
  ev(
    'deployment.finished',
    2,
    {
      deploymentId: 'd1',
      environment: 'production',
      commitSha: 'aaaaaaa1',
      status: 'success',
    },
    { repository },
  ),
];

describe.each(databases.eachSupportedId())(
  'work-item keys of a repository on %p',
  id => {
    for (const repository of ['acme/payments', 'Acme/Payments']) {
      for (const late of [false, true]) {
        it(`never links another project's item to a PAY commit (${repository}, catalog ${
          late ? 'after' : 'before'
        } the events)`, async () => {
          const entities = [payments, billing, group];
          const vs = await createDirectValueStream(id, late ? [] : entities);
          try {
            await vs.ingest.ingest(history(repository));
            if (late) {
              vs.catalog.entities.push(...entities);
              // eslint-disable-next-line jest/no-conditional-expect
              expect(await vs.index.refresh()).toBe(true);
            }
            expect(await vs.store.linksForItems(['ABC-99'])).toEqual([]);
            expect(await vs.store.workItem('ABC-99')).toMatchObject({
              stage: 'Backlog',
            });
            expect(await vs.store.entitiesOfItem('ABC-99')).toEqual([
              'component:default/billing',
            ]);
            // The repository's own project still links and moves.
            expect(await vs.store.workItem('PAY-1')).toMatchObject({
              stage: 'Monitoring',
            });
            expect(await vs.store.entitiesOfItem('PAY-1')).toEqual([
              'component:default/payments',
            ]);
          } finally {
            await vs.knex.destroy();
          }
        });
      }
    }
  },
);
