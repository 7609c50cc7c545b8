import { stringifyEntityRef } from '@backstage/catalog-model';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { databases, startValueStream } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const DAY = 86_400;
const rel = (type: string, targetRef: string) => ({ type, targetRef });
const groupOf = (
  name: string,
  relations: { type: string; targetRef: string }[],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations,
});
const componentOf = (
  name: string,
  key: string,
  relations: { type: string; targetRef: string }[],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'jira/project-key': key },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'x' },
  relations,
});

const G = (n: string) => `group:default/${n}`;
const C = (n: string) => `component:default/${n}`;
// org → team-pay, team-web; team-web → org closes a cycle.
const ENTITIES: Entity[] = [
  groupOf('org', [
    rel('parentOf', G('team-pay')),
    rel('parentOf', G('team-web')),
    rel('childOf', G('team-web')),
  ]),
  groupOf('team-pay', [rel('childOf', G('org'))]),
  groupOf('team-web', [rel('childOf', G('org')), rel('parentOf', G('org'))]),
  groupOf('secret-team', []),
  componentOf('payments', 'PAY', [
    rel('ownedBy', G('team-pay')),
    rel('ownedBy', G('secret-team')),
  ]),
  // Owned twice (by team-pay and team-web), part of the shop system.
  componentOf('checkout', 'CHK', [
    rel('ownedBy', G('team-pay')),
    rel('ownedBy', G('team-web')),
    rel('partOf', 'system:default/shop'),
  ]),
  componentOf('secret', 'SEC', [rel('ownedBy', G('team-web'))]),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'shop', namespace: 'default' },
    spec: { owner: 'team-pay' },
    relations: [rel('hasPart', C('payments'))],
  },
];
/** Users may not read these; service principals see all. */
const HIDDEN = new Set([C('secret'), G('secret-team')]);

function hidingCatalog(entities: Entity[]) {
  const inner = catalogServiceMock({ entities });
  const hides = (options: any, e: Entity | undefined) =>
    e &&
    options?.credentials?.principal?.type === 'user' &&
    HIDDEN.has(stringifyEntityRef(e).toLowerCase());
  return catalogServiceMock.mock({
    queryEntities: (request, options) =>
      inner.queryEntities(request as any, options as any),
    getEntityByRef: async (ref, options) => {
      const e = await inner.getEntityByRef(ref, options as any);
      return hides(options, e) ? undefined : e;
    },
    getEntitiesByRefs: async (request, options) => {
      const { items } = await inner.getEntitiesByRefs(request, options as any);
      return { items: items.map(e => (hides(options, e) ? undefined : e)) };
    },
  }).factory;
}

let n = 0;
const ev = (type: string, at: string, data: object) => ({
  id: `org-${++n}`,
  source: 'jira',
  type,
  occurredAt: at,
  data,
});
const created = (key: string, at: string) =>
  ev('work_item.created', at, { key, title: key, itemType: 'feature' });
const moved = (key: string, from: string, to: string, at: string) =>
  ev('work_item.status_changed', at, { key, from, to });
const EVENTS = [
  // Previous period [2025-12-25, 2026-01-01): PAY-0 done, cycle time 2 days.
  created('PAY-0', '2025-12-20T00:00:00Z'),
  moved('PAY-0', 'To Do', 'In Progress', '2025-12-26T00:00:00Z'),
  moved('PAY-0', 'In Progress', 'Done', '2025-12-28T00:00:00Z'),
  // Window [2026-01-01, 2026-01-08).
  created('PAY-1', '2026-01-01T00:00:00Z'),
  moved('PAY-1', 'To Do', 'In Progress', '2026-01-02T00:00:00Z'),
  moved('PAY-1', 'In Progress', 'Done', '2026-01-04T00:00:00Z'),
  created('PAY-2', '2026-01-01T00:00:00Z'),
  moved('PAY-2', 'To Do', 'In Progress', '2026-01-03T00:00:00Z'),
  created('CHK-1', '2026-01-01T00:00:00Z'),
  moved('CHK-1', 'To Do', 'In Progress', '2026-01-02T00:00:00Z'),
  moved('CHK-1', 'In Progress', 'In Review', '2026-01-03T00:00:00Z'),
  ev('work_item.blocked', '2026-01-04T00:00:00Z', {
    key: 'CHK-1',
    reason: 'staging down',
  }),
  ev('work_item.unblocked', '2026-01-05T00:00:00Z', { key: 'CHK-1' }),
  moved('CHK-1', 'In Review', 'Done', '2026-01-06T00:00:00Z'),
  created('SEC-1', '2026-01-01T00:00:00Z'),
  moved('SEC-1', 'To Do', 'In Progress', '2026-01-02T00:00:00Z'),
  moved('SEC-1', 'In Progress', 'Done', '2026-01-03T00:00:00Z'),
];
const WINDOW = 'from=2026-01-01T00:00:00Z&to=2026-01-08T00:00:00Z';

describe.each(databases.eachSupportedId())(
  'roll-ups, comparison and the overview on %p',
  id => {
    let vs: Awaited<ReturnType<typeof startValueStream>>;
    beforeAll(async () => {
      vs = await startValueStream(id, {
        catalog: hidingCatalog(ENTITIES),
        config: { targets: { flowEfficiency: 0.4, cycleTimeP85Days: 5 } },
      });
      const r = await vs.post('/events', EVENTS);
      if (r.status !== 202) throw new Error(`POST /events: ${r.status}`);
    });
    afterAll(async () => {
      await vs.backend.stop();
    });

    const get = async (path: string, headers?: Record<string, string>) => {
      const r = await vs.get(path, headers);
      expect({
        path,
        status: r.status,
        body: r.status === 200 ? undefined : r.body,
      }).toEqual({
        path,
        status: 200,
        body: undefined,
      });
      return r.body;
    };

    it('rolls a group up with its sub-groups, an entity owned twice once', async () => {
      const body = await get(`/groups/default/org/metrics?${WINDOW}`);
      expect(body.entityRef).toBe(G('org'));
      expect(body.entityRefs).toEqual([C('checkout'), C('payments')]);
      // PAY-1 (2 days) and CHK-1 (4 days), CHK-1 once though two sub-groups own it.
      expect(body.flow.throughput.total).toBe(2);
      expect(body.flow.cycleTime.p50).toBe(3 * DAY);
      expect(body.flow.load).toBe(1);
    });

    it('counts only direct ownership with includeSubgroups=false', async () => {
      const org = await get(
        `/groups/default/org/metrics?${WINDOW}&includeSubgroups=false`,
      );
      expect(org.entityRefs).toEqual([]);
      expect(org.flow.throughput.total).toBe(0);
      const web = await get(
        `/groups/default/team-web/metrics?${WINDOW}&includeSubgroups=false`,
        vs.asService,
      );
      expect(web.entityRefs).toEqual([C('checkout'), C('secret')]);
    });

    it('ends the walk where the group graph closes a cycle', async () => {
      // team-web → org → team-pay, team-web (again): every entity, once.
      const all = await get(
        `/groups/default/team-web/metrics?${WINDOW}`,
        vs.asService,
      );
      expect(all.entityRefs).toEqual([
        C('checkout'),
        C('payments'),
        C('secret'),
      ]);
      expect(all.flow.throughput.total).toBe(3);
      const user = await get(`/groups/default/team-web/metrics?${WINDOW}`);
      expect(user.entityRefs).toEqual([C('checkout'), C('payments')]);
      expect(user.flow.throughput.total).toBe(2);
    });

    it('rolls a system up over its components (partOf and hasPart)', async () => {
      const body = await get(`/systems/default/shop/metrics?${WINDOW}`);
      expect(body.entityRef).toBe('system:default/shop');
      expect(body.entityRefs).toEqual([C('checkout'), C('payments')]);
      expect(body.flow.throughput.total).toBe(2);
    });

    it('adds the previous window of equal length with compare=previous, and the targets', async () => {
      const body = await get(
        `/entities/component/default/payments/metrics?${WINDOW}&compare=previous`,
      );
      expect(body.targets).toEqual({
        flowEfficiency: 0.4,
        cycleTimeP85Days: 5,
      });
      expect(body.flow.throughput.total).toBe(1);
      expect(body.previous.window).toEqual({
        from: '2025-12-25T00:00:00.000Z',
        to: '2026-01-01T00:00:00.000Z',
      });
      expect(body.previous.flow.throughput.total).toBe(1);
      expect(body.previous.flow.cycleTime.p50).toBe(2 * DAY);
      expect(body.previous.previous).toBeUndefined();
      const group = await get(
        `/groups/default/team-pay/metrics?${WINDOW}&compare=previous`,
      );
      expect(group.previous.entityRefs).toEqual(group.entityRefs);
      const plain = await get(
        `/entities/component/default/payments/metrics?${WINDOW}`,
      );
      expect(plain.previous).toBeUndefined();
    });

    it.each([
      ['compare=next', 'compare'],
      ['includeSubgroups=maybe', 'includeSubgroups'],
    ])('answers 400 naming the parameter for %s', async (query, field) => {
      const r = await vs.get(`/groups/default/org/metrics?${query}`);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(new RegExp(`^${field}`));
    });

    it('answers 404 for a group or system the user may not read', async () => {
      expect((await vs.get('/groups/default/secret-team/metrics')).status).toBe(
        404,
      );
      expect((await vs.get('/systems/default/nowhere/metrics')).status).toBe(
        404,
      );
    });

    it('gives every readable group with its roll-up, the previous period and the heatmap', async () => {
      const body = await get(`/overview?${WINDOW}`);
      expect(body.window).toEqual({
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-01-08T00:00:00.000Z',
      });
      // secret-team and the secret component are absent.
      expect(
        body.groups.map((g: any) => [g.groupRef, g.parentRefs, g.entityRefs]),
      ).toEqual([
        [G('org'), [G('team-web')], [C('checkout'), C('payments')]],
        [G('team-pay'), [G('org')], [C('checkout'), C('payments')]],
        [G('team-web'), [G('org')], [C('checkout'), C('payments')]],
      ]);
      const pay = body.groups[1];
      expect(pay.metrics.flow.throughput.total).toBe(2);
      expect(pay.metrics.flow.cycleTime.p50).toBe(3 * DAY);
      expect(pay.metrics.flow.load).toBe(1);
      // CHK-1 was blocked a day ("staging down"): the org's top blocker category.
      expect(pay.metrics.flow.blockedTime.total).toBe(DAY);
      expect(Object.values(pay.metrics.flow.blockedTime.byReason)).toEqual([
        DAY,
      ]);
      expect(pay.previous.window.from).toBe('2025-12-25T00:00:00.000Z');
      expect(pay.previous.flow.throughput.total).toBe(1);
      expect(pay.previous.flow.load).toBe(0);
      expect(
        body.heatmap.some((c: any) => c.groupRef === G('secret-team')),
      ).toBe(false);
      // Visits of PAY-1, PAY-2, CHK-1 that ended in the window: Backlog 1 + 2 + 1 days,
      // In Progress 2 + 1, Code Review 3 (of 10 days).
      const cells = Object.fromEntries(
        body.heatmap
          .filter((c: any) => c.groupRef === G('team-pay') && c.timeShare > 0)
          .map((c: any) => [c.stage, c.timeShare]),
      );
      expect(cells).toEqual({
        Backlog: 0.4,
        'In Progress': 0.3,
        'Code Review': 0.3,
      });
    });

    it('gives service principals the hidden group and entity too', async () => {
      const body = await get(`/overview?${WINDOW}`, vs.asService);
      expect(body.groups.map((g: any) => g.groupRef)).toContain(
        G('secret-team'),
      );
      const web = body.groups.find((g: any) => g.groupRef === G('team-web'));
      expect(web.entityRefs).toEqual([
        C('checkout'),
        C('payments'),
        C('secret'),
      ]);
      expect(web.metrics.flow.throughput.total).toBe(3);
    });
  },
);
