import { stringifyEntityRef } from '@backstage/catalog-model';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  component,
  databases,
  group,
  payments,
  startValueStream,
} from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const checkout = component('checkout', {
  'github.com/project-slug': 'acme/checkout',
});
const HIDDEN = 'component:default/checkout';

/** A catalog in which users may not read `checkout`; service principals see all. */
function catalogHidingCheckout(entities: Entity[]) {
  const inner = catalogServiceMock({ entities });
  const hides = (options: any) =>
    options?.credentials?.principal?.type === 'user';
  const refOf = (e: Entity) => stringifyEntityRef(e).toLowerCase();
  return catalogServiceMock.mock({
    queryEntities: (request, options) =>
      inner.queryEntities(request as any, options as any),
    getEntityByRef: async (ref, options) => {
      const e = await inner.getEntityByRef(ref, options as any);
      return e && hides(options) && refOf(e) === HIDDEN ? undefined : e;
    },
    getEntitiesByRefs: async (request, options) => {
      const { items } = await inner.getEntitiesByRefs(request, options as any);
      return {
        items: items.map(e =>
          e && hides(options) && refOf(e) === HIDDEN ? undefined : e,
        ),
      };
    },
  }).factory;
}

let n = 0;
const ev = (type: string, day: number, data: object, extra: object = {}) => ({
  id: `ra-${++n}`,
  source: 'test',
  type,
  occurredAt: `2026-01-0${day}T00:00:00Z`,
  data,
  ...extra,
});
const created = (key: string) =>
  ev('work_item.created', 1, { key, title: key, itemType: 'feature' });
const EVENTS = [
  created('PAY-1'),
  created('acme/checkout#3'),
  created('PAY-2'),
  ev(
    'commit.pushed',
    2,
    { sha: '6b330000', message: 'Totals in cents, fixes #3', branch: 'main' },
    { repository: 'acme/checkout' },
  ),
  ev(
    'commit.pushed',
    2,
    { sha: '6b320000', message: 'PAY-2 call refunds', branch: 'main' },
    { repository: 'acme/checkout' },
  ),
  ev(
    'commit.pushed',
    2,
    { sha: '70320000', message: 'PAY-2 refunds API', branch: 'main' },
    { repository: 'acme/payments' },
  ),
];
const WINDOW = 'from=2026-01-01T00:00:00Z&to=2026-01-08T00:00:00Z';

describe.each(databases.eachSupportedId())('read access on %p', id => {
  let vs: Awaited<ReturnType<typeof startValueStream>>;
  let ingested: any;
  beforeAll(async () => {
    vs = await startValueStream(id, {
      catalog: catalogHidingCheckout([payments, checkout, group]),
    });
    ingested = await vs.post('/events', EVENTS);
  });
  afterAll(async () => {
    await vs.backend.stop();
  });

  it('stores the events', () => {
    expect(ingested.body).toEqual({
      accepted: EVENTS.length,
      duplicates: 0,
      ignored: 0,
    });
  });

  it.each([
    `metrics?${WINDOW}`,
    'work-items?state=all',
    'alerts?status=all',
    `timeseries?metric=wip&${WINDOW}`,
  ])('answers 404 for %s of an entity the user may not read', async path => {
    const r = await vs.get(`/entities/component/default/checkout/${path}`);
    expect(r.status).toBe(404);
    expect(r.body.error.name).toBe('NotFoundError');
    expect(
      (
        await vs.get(
          `/entities/component/default/checkout/${path}`,
          vs.asService,
        )
      ).status,
    ).toBe(200);
  });

  it('hides a work item that only belongs to that entity', async () => {
    const path = `/work-items/${encodeURIComponent('acme/checkout#3')}`;
    expect((await vs.get(path)).status).toBe(404);
    const asService = await vs.get(path, vs.asService);
    expect(asService.status).toBe(200);
    expect(asService.body.entityRefs).toEqual([HIDDEN]);
  });

  it('shows an item in both entities with only the readable entity', async () => {
    const r = await vs.get('/work-items/PAY-2');
    expect(r.status).toBe(200);
    expect(r.body.entityRefs).toEqual(['component:default/payments']);
    const all = await vs.get('/work-items/PAY-2', vs.asService);
    expect(all.body.entityRefs).toEqual([HIDDEN, 'component:default/payments']);
  });

  it('lists only readable entities of a group', async () => {
    const r = await vs.get(`/groups/default/team-pay/metrics?${WINDOW}`);
    expect(r.status).toBe(200);
    expect(r.body.entityRefs).toEqual(['component:default/payments']);
  });

  it('lists the readable entity as usual', async () => {
    const r = await vs.get(
      '/entities/component/default/payments/work-items?state=all',
    );
    expect(r.body.items.map((i: any) => i.key).sort()).toEqual([
      'PAY-1',
      'PAY-2',
    ]);
  });
});
