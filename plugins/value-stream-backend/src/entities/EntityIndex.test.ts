import { ConfigReader } from '@backstage/config';
import { EntityIndex, type IndexedEntity } from './EntityIndex';
import { describeContest, readClaimPins } from './claims';

function entity(
  name: string,
  owner: string | null,
  annotations: Record<string, string>,
  extra: { kind?: string; namespace?: string } = {},
): IndexedEntity {
  return {
    kind: extra.kind ?? 'Component',
    metadata: { name, namespace: extra.namespace ?? 'default', annotations },
    relations: owner ? [{ type: 'ownedBy', targetRef: owner }] : [],
  };
}
const ref = (name: string, ns = 'default') => `component:${ns}/${name}`;
const TEAM_PAY = 'group:default/team-pay';
const TEAM_EVIL = 'group:default/team-evil';
const inRepo = (repo: string) => ({
  'backstage.io/managed-by-location': `url:https://github.com/${repo}/blob/main/catalog-info.yaml`,
});

describe('EntityIndex claims', () => {
  describe('repositories', () => {
    it('gives a repository to the entity defined in it, not to others naming it', () => {
      const index = new EntityIndex([
        entity('payments', TEAM_PAY, {
          'github.com/project-slug': 'acme/payments',
          ...inRepo('acme/payments'),
        }),
        // A catalog author of another team names the same repository, in every way.
        entity('evil', TEAM_EVIL, {
          'github.com/project-slug': 'acme/payments',
          'backstage.io/source-location':
            'url:https://github.com/acme/payments/tree/main/',
          ...inRepo('acme/evil'),
        }),
      ]);
      expect(index.entitiesForRepository('acme/payments')).toEqual([
        ref('payments'),
      ]);
      expect(index.entitiesForRepository('ACME/Payments')).toEqual([
        ref('payments'),
      ]);
      expect(index.entitiesForKey('acme/payments#12')).toEqual([
        ref('payments'),
      ]);
      expect(index.contests).toEqual([
        expect.objectContaining({
          kind: 'repository',
          id: 'acme/payments',
          winners: [ref('payments')],
          losers: [ref('evil')],
        }),
      ]);
      expect(describeContest(index.contests[0])).toMatch(
        /repository "acme\/payments".*component:default\/evil gets none of its data/,
      );
    });

    it('gives it to nobody when claimants of different owners prove nothing', () => {
      const index = new EntityIndex([
        entity('payments', TEAM_PAY, { 'github.com/project-slug': 'acme/pay' }),
        entity('evil', TEAM_EVIL, { 'github.com/project-slug': 'acme/pay' }),
      ]);
      expect(index.entitiesForRepository('acme/pay')).toEqual([]);
      expect(index.contests).toHaveLength(1);
      expect(index.contests[0].losers.sort()).toEqual([
        ref('evil'),
        ref('payments'),
      ]);
    });

    it('shares a repository between entities of one owner (DESIGN §5)', () => {
      const index = new EntityIndex([
        entity('api', TEAM_PAY, { 'github.com/project-slug': 'acme/mono' }),
        entity('worker', TEAM_PAY, { 'github.com/project-slug': 'acme/mono' }),
      ]);
      expect(index.entitiesForRepository('acme/mono').sort()).toEqual([
        ref('api'),
        ref('worker'),
      ]);
      expect(index.contests).toEqual([]);
    });

    it('shares it between every entity defined in it, whatever their owners', () => {
      const index = new EntityIndex([
        entity('api', TEAM_PAY, {
          'github.com/project-slug': 'acme/mono',
          ...inRepo('acme/mono'),
        }),
        entity('web', 'group:default/team-web', {
          'github.com/project-slug': 'acme/mono',
          'backstage.io/managed-by-origin-location':
            'url:https://github.com/acme/mono/blob/main/catalog-info.yaml',
        }),
      ]);
      expect(index.entitiesForRepository('acme/mono').sort()).toEqual([
        ref('api'),
        ref('web'),
      ]);
    });

    it('does not take a repository with a longer name or a file elsewhere as proof', () => {
      const index = new EntityIndex([
        entity('payments', TEAM_PAY, {
          'github.com/project-slug': 'acme/payments',
        }),
        entity('evil', TEAM_EVIL, {
          'github.com/project-slug': 'acme/payments',
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/payments-fork/blob/main/x.yaml',
          'backstage.io/managed-by-origin-location':
            'file:/tmp/acme/payments/catalog-info.yaml',
        }),
      ]);
      expect(index.entitiesForRepository('acme/payments')).toEqual([]);
    });

    it('takes the repository of a service and its key extraction from winners only', () => {
      const index = new EntityIndex([
        entity('payments', TEAM_PAY, {
          'github.com/project-slug': 'acme/Payments',
          'jira/project-key': 'PAY',
          ...inRepo('acme/payments'),
        }),
        entity('evil', TEAM_EVIL, {
          'github.com/project-slug': 'acme/payments',
          'gitlab.com/project-slug': 'acme/payments',
          'argocd/app-name': 'evil-app',
          'jira/project-key': 'EVIL',
        }),
      ]);
      expect(index.repositoryForService('evil-app')).toBeNull();
      expect(index.repositoryForService('payments')).toBe('acme/Payments');
      expect([...index.projectKeysForRepository('acme/payments')]).toEqual([
        'PAY',
      ]);
      expect(index.hostOf('acme/payments')).toBe('github.com');
    });
  });

  describe('project keys', () => {
    it('gives a key claimed by different owners to nobody, by one owner to all', () => {
      const index = new EntityIndex([
        entity('payments', TEAM_PAY, { 'jira/project-key': 'PAY,OPS' }),
        entity('refunds', TEAM_PAY, { 'jira/project-key': 'PAY' }),
        entity('evil', TEAM_EVIL, { 'jira/project-key': 'OPS' }),
      ]);
      expect(index.entitiesForKey('PAY-1').sort()).toEqual([
        ref('payments'),
        ref('refunds'),
      ]);
      expect(index.entitiesForKey('OPS-1')).toEqual([]);
      expect(index.contests.map(c => [c.kind, c.id])).toEqual([
        ['projectKey', 'OPS'],
      ]);
      expect([...index.projectKeysForEntity(ref('payments'))]).toEqual(['PAY']);
    });

    it('narrows a shared key by jira/component', () => {
      const index = new EntityIndex([
        entity('platform', TEAM_PAY, { 'jira/project-key': 'PAY' }),
        entity('api', TEAM_PAY, {
          'jira/project-key': 'PAY',
          'jira/component': 'API, Gateway',
        }),
      ]);
      expect(index.entitiesForKey('PAY-1', ['api'])).toEqual([ref('api')]);
      expect(index.entitiesForKey('PAY-1', ['Gateway', 'x'])).toEqual([
        ref('api'),
      ]);
      // A component nobody names goes to the whole-project claimant.
      expect(index.entitiesForKey('PAY-1', ['web'])).toEqual([ref('platform')]);
      // Components unknown: the item may be any component's.
      expect(index.entitiesForKey('PAY-1').sort()).toEqual([
        ref('api'),
        ref('platform'),
      ]);
    });

    it('splits a key between owners by component, and a whole-project claim vetoes', () => {
      const split = new EntityIndex([
        entity('api', TEAM_PAY, {
          'jira/project-key': 'PAY',
          'jira/component': 'api',
        }),
        entity('web', 'group:default/team-web', {
          'jira/project-key': 'PAY',
          'jira/component': 'web',
        }),
      ]);
      expect(split.entitiesForKey('PAY-1', ['api'])).toEqual([ref('api')]);
      expect(split.entitiesForKey('PAY-1', ['web'])).toEqual([ref('web')]);
      expect(split.entitiesForKey('PAY-1', ['other'])).toEqual([]);
      expect(split.entitiesForKey('PAY-1')).toEqual([]);
      expect(describeContest(split.contests[0])).toMatch(
        /only items with a matching jira\/component/,
      );

      // Another team naming the whole project reads no component's items.
      const vetoed = new EntityIndex([
        entity('api', TEAM_PAY, {
          'jira/project-key': 'PAY',
          'jira/component': 'api',
        }),
        entity('evil', TEAM_EVIL, { 'jira/project-key': 'PAY' }),
      ]);
      expect(vetoed.entitiesForKey('PAY-1', ['api'])).toEqual([]);
      expect(vetoed.entitiesForKey('PAY-1')).toEqual([]);
      // A component no other owner names is the whole-project claimant's alone.
      expect(vetoed.entitiesForKey('PAY-1', ['web'])).toEqual([ref('evil')]);
      // …and another team naming the same component does not either.
      const same = new EntityIndex([
        entity('api', TEAM_PAY, {
          'jira/project-key': 'PAY',
          'jira/component': 'api',
        }),
        entity('evil', TEAM_EVIL, {
          'jira/project-key': 'PAY',
          'jira/component': 'api',
        }),
      ]);
      expect(same.entitiesForKey('PAY-1', ['api'])).toEqual([]);
    });

    it('reports a key whose components changed, though its whole-project winners stay', () => {
      const before = new EntityIndex([
        entity('platform', TEAM_PAY, {
          'jira/project-key': 'PAY',
          'github.com/project-slug': 'acme/platform',
        }),
        entity('billing', TEAM_PAY, { 'jira/project-key': 'PAY' }),
      ]);
      const after = new EntityIndex([
        entity('platform', TEAM_PAY, {
          'jira/project-key': 'PAY',
          'github.com/project-slug': 'acme/platform',
        }),
        entity('billing', TEAM_PAY, {
          'jira/project-key': 'PAY',
          'jira/component': 'Billing',
        }),
      ]);
      expect(before.entitiesForKey('PAY-1')).toEqual(
        after.entitiesForKey('PAY-1'),
      );
      expect(before.changesTo(after)).toEqual({
        repositories: [],
        projectKeys: ['PAY'],
        services: [],
      });
      expect(after.changesTo(after)).toEqual({
        repositories: [],
        projectKeys: [],
        services: [],
      });
    });

    it('reports the repositories of an entity whose project keys changed', () => {
      const annotations = {
        'jira/project-key': 'PAY',
        'github.com/project-slug': 'acme/api',
      };
      const before = new EntityIndex([
        entity('api', TEAM_PAY, annotations),
        entity('web', 'group:default/team-web', { 'jira/project-key': 'PAY' }),
      ]);
      // Components split the key between the owners: api now extracts PAY keys.
      const after = new EntityIndex([
        entity('api', TEAM_PAY, { ...annotations, 'jira/component': 'api' }),
        entity('web', 'group:default/team-web', {
          'jira/project-key': 'PAY',
          'jira/component': 'web',
        }),
      ]);
      expect([...before.projectKeysForRepository('acme/api')]).toEqual([]);
      expect([...after.projectKeysForRepository('acme/api')]).toEqual(['PAY']);
      expect(before.changesTo(after)).toMatchObject({
        repositories: ['acme/api'],
        projectKeys: ['PAY'],
      });
    });
  });

  describe('services', () => {
    it('gives an Argo CD app, PagerDuty service or Jenkins job claimed by different owners to nobody', () => {
      const index = new EntityIndex([
        entity('payments', TEAM_PAY, {
          'argocd/app-name': 'payments-prod',
          'pagerduty.com/service-id': 'PPAY',
          'jenkins.io/job-full-name': 'pay/build',
        }),
        entity('evil', TEAM_EVIL, {
          'argocd/app-name': 'payments-prod',
          'pagerduty.com/service-id': 'PPAY',
          'jenkins.io/job-full-name': 'pay/build',
        }),
        entity('payments-worker', TEAM_PAY, {
          'argocd/app-name': 'payments-prod',
        }),
      ]);
      for (const s of ['payments-prod', 'PPAY', 'pay/build'])
        expect(index.entitiesForService(s)).toEqual([]);
      expect(index.contests.map(c => c.id).sort()).toEqual([
        'pay/build',
        'payments-prod',
        'ppay',
      ]);
    });

    it('matches entity names within the namespace only (default for events)', () => {
      const index = new EntityIndex([
        entity('payments', TEAM_PAY, {}),
        entity('checkout', TEAM_EVIL, {}, { namespace: 'evil' }),
        entity('payments', TEAM_EVIL, {}, { namespace: 'evil' }),
      ]);
      expect(index.entitiesForService('payments')).toEqual([ref('payments')]);
      expect(index.entitiesForService('checkout')).toEqual([]);
      expect(index.entitiesForService('checkout', 'evil')).toEqual([
        ref('checkout', 'evil'),
      ]);
      expect(index.entitiesForService('payments', 'evil')).toEqual([
        ref('payments', 'evil'),
      ]);
      expect(index.contests).toEqual([]);
    });

    it('lets an entity name and another owner’s annotation contest one service', () => {
      const index = new EntityIndex([
        entity('payments', TEAM_PAY, {}),
        entity('evil', TEAM_EVIL, { 'argocd/app-name': 'payments' }),
      ]);
      expect(index.entitiesForService('payments')).toEqual([]);
    });
  });

  describe('valueStream.claims pins', () => {
    const pins = readClaimPins(
      new ConfigReader({
        valueStream: {
          claims: [
            { repository: 'Acme/Pay', entityRefs: ['payments'] },
            { projectKey: 'ops', entityRefs: ['component:default/evil'] },
            { service: 'PPAY', entityRefs: ['Component:default/payments'] },
          ],
        },
      }),
    );
    it('gives a pinned identifier to the pinned entities only', () => {
      const index = new EntityIndex(
        [
          entity('payments', TEAM_PAY, {
            'github.com/project-slug': 'acme/pay',
            'pagerduty.com/service-id': 'PPAY',
            'jira/project-key': 'OPS',
          }),
          entity('evil', TEAM_EVIL, {
            'github.com/project-slug': 'acme/pay',
            'pagerduty.com/service-id': 'PPAY',
            'jira/project-key': 'OPS',
            'jira/component': 'x',
          }),
        ],
        { pins },
      );
      expect(index.entitiesForRepository('acme/pay')).toEqual([
        ref('payments'),
      ]);
      expect(index.entitiesForService('ppay')).toEqual([ref('payments')]);
      expect(index.entitiesForKey('OPS-1', ['x'])).toEqual([ref('evil')]);
      expect(index.contests).toEqual([]);
    });

    it('refuses a malformed pin', () => {
      expect(() =>
        readClaimPins(
          new ConfigReader({
            valueStream: {
              claims: [{ repository: 'a/b', service: 'c', entityRefs: [] }],
            },
          }),
        ),
      ).toThrow(/exactly one of repository, projectKey or service/);
      expect(() =>
        readClaimPins(
          new ConfigReader({
            valueStream: {
              claims: [{ service: 'c', entityRefs: ['component:'] }],
            },
          }),
        ),
      ).toThrow(/valueStream.claims\[0\].entityRefs/);
    });
  });
});
