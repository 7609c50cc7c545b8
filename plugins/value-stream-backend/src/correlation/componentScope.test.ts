import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { createDirectValueStream } from '../__testUtils__/directValueStream';
import { component, databases, group } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

/** Two entities of one team share project key PAY; billing narrows it to a component. */
const payments = component('payments', { 'jira/project-key': 'PAY' });
const billing = (annotations: Record<string, string> = {}) =>
  component('billing', { 'jira/project-key': 'PAY', ...annotations });
const BILLING = 'component:default/billing';
const PAYMENTS = 'component:default/payments';

let n = 0;
const item = (
  key: string,
  components?: string[],
  type = 'work_item.created',
): CanonicalEvent => ({
  id: `ev-${++n}`,
  source: 'jira',
  type,
  occurredAt: new Date(
    Date.parse('2026-01-01T00:00:00Z') + n * 60_000,
  ).toISOString(),
  data: {
    key,
    ...(type === 'work_item.created' && { title: key, itemType: 'feature' }),
    ...(components && { components }),
  },
});
const history = () => [
  item('PAY-1', ['Billing']),
  item('PAY-2'),
  item('PAY-3', ['Checkout']),
];

describe.each(databases.eachSupportedId())('jira/component on %p', id => {
  for (const late of [false, true]) {
    it(`attaches an item with component Billing only to the Billing entity (catalog ${
      late ? 'after' : 'before'
    } the events)`, async () => {
      const entities = [
        payments,
        billing({ 'jira/component': 'Billing' }),
        group,
      ];
      const vs = await createDirectValueStream(id, late ? [] : entities);
      try {
        await vs.ingest.ingest(history());
        if (late) {
          vs.catalog.entities.push(...entities);
          // eslint-disable-next-line jest/no-conditional-expect
          expect(await vs.index.refresh()).toBe(true);
        }
        expect(await vs.store.entitiesOfItem('PAY-1')).toEqual([BILLING]);
        // Without components the item may be any component's: both entities of the team.
        expect((await vs.store.entitiesOfItem('PAY-2')).sort()).toEqual([
          BILLING,
          PAYMENTS,
        ]);
        // A component nobody names belongs to the whole-project entity.
        expect(await vs.store.entitiesOfItem('PAY-3')).toEqual([PAYMENTS]);

        // The tracker clears the component: the item widens again.
        await vs.ingest.ingest([item('PAY-1', [], 'work_item.updated')]);
        expect((await vs.store.entitiesOfItem('PAY-1')).sort()).toEqual([
          BILLING,
          PAYMENTS,
        ]);
      } finally {
        await vs.knex.destroy();
      }
    });
  }

  it('narrows existing items when the jira/component annotation is added', async () => {
    const vs = await createDirectValueStream(id, [payments, billing(), group]);
    try {
      await vs.ingest.ingest(history());
      expect((await vs.store.entitiesOfItem('PAY-1')).sort()).toEqual([
        BILLING,
        PAYMENTS,
      ]);
      vs.catalog.entities = [
        payments,
        billing({ 'jira/component': 'Billing' }),
        group,
      ];
      expect(await vs.index.refresh()).toBe(true);
      expect(await vs.store.entitiesOfItem('PAY-1')).toEqual([BILLING]);
      expect(await vs.store.entitiesOfItem('PAY-3')).toEqual([PAYMENTS]);
    } finally {
      await vs.knex.destroy();
    }
  });
});
