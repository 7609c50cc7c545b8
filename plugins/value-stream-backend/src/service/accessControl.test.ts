import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { mockServices } from '@backstage/backend-test-utils';
import {
  createServiceFactory,
  coreServices,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  component,
  databases,
  group,
  payments,
  startValueStream,
} from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const DAY = 86_400_000;
const at = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * DAY).toISOString();
let n = 0;
const ev = (
  type: string,
  daysAgo: number,
  data: object,
  extra: object = {},
) => ({
  id: `ac-${++n}`,
  source: 'test',
  type,
  occurredAt: at(daysAgo),
  data,
  ...extra,
});

const checkout = {
  ...component('checkout', {
    'github.com/project-slug': 'acme/checkout',
    'argocd/app-name': 'checkout',
    'pagerduty.com/service-id': 'PCHK',
  }),
};
const HIDDEN = 'component:default/checkout';
const PAYMENTS = 'component:default/payments';

/** A catalog in which users may not read `checkout` (as a catalog permission policy would). */
function catalogHidingCheckout(entities: Entity[]) {
  const inner = catalogServiceMock({ entities });
  const hides = (options: any) =>
    options?.credentials?.principal?.type === 'user';
  const refOf = (e: Entity) => stringifyEntityRef(e).toLowerCase();
  return catalogServiceMock.mock({
    queryEntities: (req, options) =>
      inner.queryEntities(req as any, options as any),
    getEntityByRef: async (ref, options) => {
      const e = await inner.getEntityByRef(ref, options as any);
      return e && hides(options) && refOf(e) === HIDDEN ? undefined : e;
    },
    getEntitiesByRefs: async (req, options) => {
      const { items } = await inner.getEntitiesByRefs(req, options as any);
      return {
        items: items.map(e =>
          e && hides(options) && refOf(e) === HIDDEN ? undefined : e,
        ),
      };
    },
  }).factory;
}

/** PAY-5 spans both entities: a commit, build, deployment and incident in each. */
const SHARED = [
  ev('work_item.created', 6, {
    key: 'PAY-5',
    title: 'Refunds',
    itemType: 'feature',
  }),
  ...(
    [
      ['acme/payments', 'payments', 'PPAY', 'aaaaaaa1'],
      ['acme/checkout', 'checkout', 'PCHK', 'bbbbbbb1'],
    ] as const
  ).flatMap(([repository, app, pd, sha]) => [
    ev(
      'commit.pushed',
      5,
      { sha, message: `PAY-5 refunds in ${app}`, branch: 'main' },
      { repository },
    ),
    ev(
      'build.finished',
      5,
      { buildId: `b-${app}`, commitSha: sha, status: 'success' },
      { repository },
    ),
    ev('deployment.finished', 4, {
      deploymentId: `d-${app}`,
      environment: 'production',
      service: app,
      commitSha: sha,
      status: 'success',
    }),
    ev('incident.opened', 4, {
      incidentId: `i-${app}`,
      service: pd,
      deploymentId: `d-${app}`,
    }),
  ]),
  // A work item no entity claims.
  ev('work_item.created', 6, {
    key: 'ZZZ-1',
    title: 'Orphan',
    itemType: 'defect',
  }),
];

describe.each(databases.eachSupportedId())('access control on %p', id => {
  describe('work item detail', () => {
    let vs: Awaited<ReturnType<typeof startValueStream>>;
    beforeAll(async () => {
      vs = await startValueStream(id, {
        catalog: catalogHidingCheckout([payments, checkout, group]),
      });
      // eslint-disable-next-line jest/no-standalone-expect
      expect((await vs.post('/events', SHARED)).status).toBe(202);
    });
    afterAll(() => vs.backend.stop());

    it('leaves out the links and incidents of an entity the user may not read', async () => {
      const all = await vs.get('/work-items/PAY-5', vs.asService);
      expect(all.body.entityRefs).toEqual([HIDDEN, PAYMENTS]);
      expect(
        all.body.links.commits.map((c: any) => c.repository).sort(),
      ).toEqual(['acme/checkout', 'acme/payments']);
      expect(
        all.body.links.incidents.map((i: any) => i.incidentId).sort(),
      ).toEqual(['i-checkout', 'i-payments']);

      const r = await vs.get('/work-items/PAY-5');
      expect(r.status).toBe(200);
      expect(r.body.entityRefs).toEqual([PAYMENTS]);
      const { commits, builds, deployments, incidents } = r.body.links;
      expect(commits.map((c: any) => c.repository)).toEqual(['acme/payments']);
      expect(builds.map((b: any) => b.buildId)).toEqual(['b-payments']);
      expect(deployments.map((d: any) => d.deploymentId)).toEqual([
        'd-payments',
      ]);
      expect(incidents.map((i: any) => i.incidentId)).toEqual(['i-payments']);
    });

    it('gives an item of no entity to service principals only', async () => {
      const user = await vs.get('/work-items/ZZZ-1');
      expect(user.status).toBe(404);
      expect(user.body.error.name).toBe('NotFoundError');
      const service = await vs.get('/work-items/ZZZ-1', vs.asService);
      expect(service.status).toBe(200);
      expect(service.body).toMatchObject({ key: 'ZZZ-1', entityRefs: [] });
    });
  });

  it('refuses an item of no entity to a service principal denied value-stream.unresolved.read', async () => {
    const vs = await startValueStream(id, {
      features: [
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () => ({
            authorize: async (requests: any[]) =>
              requests.map(r => ({
                result:
                  r.permission.name === 'value-stream.unresolved.read'
                    ? AuthorizeResult.DENY
                    : AuthorizeResult.ALLOW,
              })),
            authorizeConditional: async (requests: any[]) =>
              requests.map(() => ({ result: AuthorizeResult.ALLOW })),
          }),
        }),
      ],
    });
    try {
      await vs.post('/events', [SHARED[0], SHARED[SHARED.length - 1]]);
      expect((await vs.get('/work-items/ZZZ-1', vs.asService)).status).toBe(
        404,
      );
      expect((await vs.get('/work-items/PAY-5', vs.asService)).status).toBe(
        200,
      );
    } finally {
      await vs.backend.stop();
    }
  });

  it('answers 403 to a user denied value-stream.entity.read', async () => {
    const vs = await startValueStream(id, {
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    try {
      const r = await vs.get('/entities/component/default/payments/metrics');
      expect(r.status).toBe(403);
      expect(r.body.error.name).toBe('NotAllowedError');
    } finally {
      await vs.backend.stop();
    }
  });

  it("gives another team's entity none of a repository, key or app it names", async () => {
    const owned = {
      ...payments,
      metadata: {
        ...payments.metadata,
        annotations: {
          ...payments.metadata.annotations,
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/payments/blob/main/catalog-info.yaml',
        },
      },
    };
    const evil: Entity = {
      ...component('evil', {
        'github.com/project-slug': 'acme/payments',
        'jira/project-key': 'PAY',
        'argocd/app-name': 'payments',
      }),
      relations: [{ type: 'ownedBy', targetRef: 'group:default/team-evil' }],
    };
    const vs = await startValueStream(id, { entities: [owned, evil, group] });
    try {
      const events = [
        ev('work_item.created', 6, {
          key: 'PAY-7',
          title: 'Refunds',
          itemType: 'feature',
        }),
        ev('work_item.created', 6, {
          key: 'PAY-8',
          title: 'Secret',
          itemType: 'feature',
        }),
        ev(
          'commit.pushed',
          5,
          { sha: 'ccccccc1', message: 'PAY-7 refunds', branch: 'main' },
          { repository: 'acme/payments' },
        ),
        ev(
          'deployment.finished',
          4,
          {
            deploymentId: 'd-7',
            environment: 'production',
            service: 'payments',
            commitSha: 'ccccccc1',
            status: 'success',
          },
          { repository: 'acme/payments' },
        ),
      ];
      expect((await vs.post('/events', events)).status).toBe(202);
      const items = async (name: string) =>
        (
          await vs.get(
            `/entities/component/default/${name}/work-items?state=all`,
          )
        ).body.items.map((i: any) => i.key);
      expect(await items('payments')).toEqual(['PAY-7']);
      expect(await items('evil')).toEqual([]);
      const deployments = async (name: string) =>
        (await vs.get(`/entities/component/default/${name}/metrics`)).body.dora
          .deploymentFrequency.count;
      expect(await deployments('payments')).toBe(1);
      expect(await deployments('evil')).toBe(0);
      // PAY is contested by two owners: PAY-8, with no commit, is nobody's.
      expect((await vs.get('/work-items/PAY-8')).status).toBe(404);
    } finally {
      await vs.backend.stop();
    }
  });

  describe('static external access tokens (docs/install.md)', () => {
    const WRITE_ONLY = 'write-only-token-0123456789';
    const READER = 'unrestricted-token-0123456789';
    let vs: Awaited<ReturnType<typeof startValueStream>>;
    const as = (token: string) => ({ Authorization: `Bearer ${token}` });
    beforeAll(async () => {
      vs = await startValueStream(id, {
        rootConfig: {
          backend: {
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: WRITE_ONLY, subject: 'ci-ingest' },
                  accessRestrictions: [
                    {
                      plugin: 'value-stream',
                      permission: 'value-stream.event.create',
                    },
                  ],
                },
                {
                  type: 'static',
                  options: { token: READER, subject: 'reporting' },
                },
              ],
            },
          },
        },
        features: [
          authServiceFactory,
          httpAuthServiceFactory,
          permissionsServiceFactory,
        ],
      });
    });
    afterAll(() => vs.backend.stop());

    const READS = [
      '/entities/component/default/payments/metrics',
      '/entities/component/default/payments/work-items?state=all',
      '/entities/component/default/payments/alerts?status=all',
      '/entities/component/default/payments/timeseries?metric=wip',
      '/work-items/PAY-5',
      '/work-items/ZZZ-1',
      '/groups/default/team-pay/metrics',
      '/ingest/status',
    ];

    it('lets a token restricted to value-stream.event.create write events', async () => {
      const r = await vs.post('/events', SHARED, as(WRITE_ONLY));
      expect(r.status).toBe(202);
      expect(r.body.accepted).toBe(SHARED.length);
    });

    it.each(READS)('answers 403 to that token on GET %s', async path => {
      const r = await vs.get(path, as(WRITE_ONLY));
      expect(r.status).toBe(403);
      expect(r.body.error.name).toBe('NotAllowedError');
    });

    it.each(READS)('answers an unrestricted token on GET %s', async path => {
      const r = await vs.get(path, as(READER));
      expect(r.status).toBe(200);
    });

    it('reads the written data with the unrestricted token', async () => {
      const r = await vs.get('/work-items/PAY-5', as(READER));
      expect(r.body.entityRefs).toEqual([PAYMENTS]);
    });
  });
});
