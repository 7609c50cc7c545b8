import type { Entity } from '@backstage/catalog-model';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { createDirectValueStream } from '../__testUtils__/directValueStream';
import {
  checkout,
  PROFILE_CONFIG,
  teamCheckout,
} from '../__testUtils__/profileFixtures';
import { databases, group, payments } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

let n = 0;
const ev = (type: string, hour: number, data: object): CanonicalEvent => ({
  id: `pr${++n}`,
  source: 'jira',
  type,
  occurredAt: new Date(
    Date.parse('2026-02-01T00:00:00Z') + hour * 3600_000,
  ).toISOString(),
  data: data as Record<string, unknown>,
});
const EVENTS = [
  ev('work_item.created', 0, { key: 'CHK-1', title: 'c', itemType: 'feature' }),
  ev('work_item.created', 0, { key: 'PAY-1', title: 'p', itemType: 'feature' }),
  // "Testing" is QA in product-flow, Test in the default stages.
  ev('work_item.status_changed', 1, { key: 'CHK-1', from: 'x', to: 'Testing' }),
  ev('work_item.status_changed', 1, { key: 'PAY-1', from: 'x', to: 'Testing' }),
];

const annotated = (profile: string): Entity => ({
  ...checkout,
  metadata: {
    ...checkout.metadata,
    annotations: {
      ...checkout.metadata.annotations,
      'value-stream/profile': profile,
    },
  },
});

describe.each(databases.eachSupportedId())(
  'profile changes on %p',
  databaseId => {
    it('rebuilds only the items of an entity whose profile annotation changed', async () => {
      const vs = await createDirectValueStream(
        databaseId,
        [payments, group, checkout, teamCheckout],
        PROFILE_CONFIG,
      );
      try {
        await vs.ingest.ingest(EVENTS);
        expect((await vs.store.workItem('CHK-1'))?.stage).toBe('QA');
        expect((await vs.store.workItem('PAY-1'))?.stage).toBe('Test');
        // Marks every stored row, so a row rewritten by the next pass shows.
        await vs.knex('vs_work_items').update({ digest: 'marked' });

        // The catalog now annotates checkout with the default profile.
        vs.catalog.entities = [
          payments,
          group,
          annotated('default'),
          teamCheckout,
        ];
        expect(await vs.index.refresh()).toBe(true);
        expect((await vs.store.workItem('CHK-1'))?.stage).toBe('Test');
        const digests = Object.fromEntries(
          (await vs.knex('vs_work_items').select('key', 'digest')).map(r => [
            r.key,
            r.digest,
          ]),
        );
        expect(digests['PAY-1']).toBe('marked');
        expect(digests['CHK-1']).not.toBe('marked');

        // And back to product-flow by annotation.
        vs.catalog.entities = [
          payments,
          group,
          annotated('product-flow'),
          teamCheckout,
        ];
        await vs.index.refresh();
        expect((await vs.store.workItem('CHK-1'))?.stage).toBe('QA');
        expect(
          (await vs.knex('vs_work_items').where({ key: 'PAY-1' }).first())
            .digest,
        ).toBe('marked');
      } finally {
        await vs.knex.destroy();
      }
    });

    it('on a restart, rebuilds the items of the entities of a profile whose mapping changed', async () => {
      const entities = [payments, group, checkout, teamCheckout];
      const first = await createDirectValueStream(
        databaseId,
        entities,
        PROFILE_CONFIG,
      );
      await first.ingest.ingest(EVENTS);
      const knex = first.knex;
      try {
        const changed = {
          ...PROFILE_CONFIG,
          profiles: {
            'product-flow': {
              ...PROFILE_CONFIG.profiles['product-flow'],
              statusMapping: { Testing: 'Review' },
            },
          },
        };
        await createDirectValueStream(databaseId, entities, changed, knex);
        expect((await first.store.workItem('CHK-1'))?.stage).toBe('Review');
        expect((await first.store.workItem('PAY-1'))?.stage).toBe('Test');
        const state = JSON.parse(
          (await first.store.getMeta('journey-profiles'))!,
        );
        expect(state.entities).toEqual({
          'component:default/checkout': 'product-flow',
        });
      } finally {
        await knex.destroy();
      }
    });

    it("falls back to the owner's profile when the annotation names no configured one", async () => {
      const vs = await createDirectValueStream(
        databaseId,
        [payments, group, annotated('mobile'), teamCheckout],
        PROFILE_CONFIG,
      );
      try {
        // The owner's profile applies instead.
        await vs.ingest.ingest(EVENTS);
        expect((await vs.store.workItem('CHK-1'))?.stage).toBe('QA');
      } finally {
        await vs.knex.destroy();
      }
    });
  },
);
