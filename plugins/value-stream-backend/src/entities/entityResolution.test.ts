import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { createDirectValueStream } from '../__testUtils__/directValueStream';
import { component, databases, group } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const payments = component('payments', {
  'github.com/project-slug': 'acme/payments',
  'jira/project-key': 'PAY',
  'argocd/app-name': 'payments-prod',
});
const checkout = component('checkout', {
  'github.com/project-slug': 'acme/checkout',
  'argocd/app-name': 'checkout-app',
});
const PAYMENTS = 'component:default/payments';
const CHECKOUT = 'component:default/checkout';

let n = 0;
const ev = (
  type: string,
  day: number,
  data: Record<string, unknown>,
  extra: Partial<CanonicalEvent> = {},
): CanonicalEvent => ({
  id: `ev-${++n}`,
  source: 'test',
  type,
  occurredAt: `2026-01-${String(day).padStart(2, '0')}T00:00:00Z`,
  data,
  ...extra,
});
const item = (key: string, day = 1, extra: Partial<CanonicalEvent> = {}) =>
  ev('work_item.created', day, { key, title: key, itemType: 'feature' }, extra);
const commit = (repository: string, sha: string, message: string) =>
  ev('commit.pushed', 2, { sha, message, branch: 'main' }, { repository });

describe.each(databases.eachSupportedId())('entity resolution on %p', id => {
  let vs: Awaited<ReturnType<typeof createDirectValueStream>>;
  beforeEach(async () => {
    vs = await createDirectValueStream(id, [payments, group]);
  });
  afterEach(async () => {
    await vs.knex.destroy();
  });
  const entitiesOf = (key: string) => vs.store.entitiesOfItem(key);
  const artifactEntities = async (kind: string, ref: string) =>
    (await vs.knex('vs_artifact_entities').where({ kind, ref }))
      .map(r => r.entity_ref)
      .sort();

  it('keeps an item no entity matches yet and attaches it when the catalog catches up', async () => {
    const r = await vs.ingest.ingest([
      item('acme/checkout#5'),
      commit('acme/checkout', '63310000', 'Compute totals in cents, closes #5'),
    ]);
    expect(r).toEqual({ accepted: 2, duplicates: 0, ignored: 0 });
    expect(await entitiesOf('acme/checkout#5')).toEqual([]);
    expect(
      await vs.knex('vs_events').whereIn('id', [`ev-${n - 1}`, `ev-${n}`]),
    ).toHaveLength(2);

    expect(await vs.index.refresh()).toBe(false); // nothing changed
    vs.catalog.entities.push(checkout);
    expect(await vs.index.refresh()).toBe(true);
    expect(await entitiesOf('acme/checkout#5')).toEqual([CHECKOUT]);
    const row = await vs.store.workItem('acme/checkout#5');
    expect(row).toMatchObject({ stage: 'In Progress' });
  });

  it('resolves Jira keys by project prefix', async () => {
    await vs.ingest.ingest([item('PAY-9'), item('OPS-1')]);
    expect(await entitiesOf('PAY-9')).toEqual([PAYMENTS]);
    expect(await entitiesOf('OPS-1')).toEqual([]);
  });

  it('lets an explicit entityRef win over the key prefix', async () => {
    vs.catalog.entities.push(checkout);
    await vs.index.refresh();
    await vs.ingest.ingest([item('PAY-8', 1, { entityRef: 'checkout' })]);
    expect(await entitiesOf('PAY-8')).toEqual([CHECKOUT]);
  });

  it('puts an item in every entity whose repository holds its commits', async () => {
    vs.catalog.entities.push(checkout);
    await vs.index.refresh();
    await vs.ingest.ingest([
      item('PAY-7'),
      commit('acme/payments', '70310000', 'PAY-7 refund API'),
      commit('acme/checkout', '6b310000', 'PAY-7 call the refund API'),
    ]);
    expect(await entitiesOf('PAY-7')).toEqual([CHECKOUT, PAYMENTS]);
  });

  // Bug (createValueStream.ts, index onChange): only items with no entity at all are
  // rebuilt, so an item already in one entity never gains the newly matching one.
  it('adds an entity to an item already attached elsewhere when the catalog catches up', async () => {
    await vs.ingest.ingest([
      item('PAY-6'),
      commit('acme/checkout', '6b360000', 'PAY-6 call the refund API'),
    ]);
    expect(await entitiesOf('PAY-6')).toEqual([PAYMENTS]);
    vs.catalog.entities.push(checkout);
    await vs.index.refresh();
    expect(await entitiesOf('PAY-6')).toEqual([CHECKOUT, PAYMENTS]);
  });

  it('resolves a deployment by data.service through argocd/app-name', async () => {
    await vs.ingest.ingest([
      ev('deployment.finished', 3, {
        deploymentId: 'd1',
        environment: 'production',
        service: 'payments-prod',
        status: 'success',
      }),
    ]);
    expect(await artifactEntities('deployment', 'd1')).toEqual([PAYMENTS]);
  });

  it('keeps a deployment of an unknown service and resolves it later', async () => {
    await vs.ingest.ingest([
      ev('deployment.finished', 3, {
        deploymentId: 'd2',
        environment: 'production',
        service: 'checkout-app',
        status: 'success',
      }),
      ev('incident.opened', 4, { incidentId: 'i2', service: 'checkout-app' }),
    ]);
    expect(await artifactEntities('deployment', 'd2')).toEqual([]);
    vs.catalog.entities.push(checkout);
    await vs.index.refresh();
    expect(await artifactEntities('deployment', 'd2')).toEqual([CHECKOUT]);
    expect(await artifactEntities('incident', 'i2')).toEqual([CHECKOUT]);
  });
});
