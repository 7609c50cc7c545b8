import { EntityIndex } from '../entities/EntityIndex';
import type { StoredEvent } from '../model';
import { itemComponents, itemEntityRefs } from './itemEntities';

const index = new EntityIndex([
  {
    kind: 'Component',
    metadata: {
      name: 'payments',
      annotations: {
        'github.com/project-slug': 'acme/payments',
        'jira/project-key': 'PAY',
      },
    },
  },
  {
    kind: 'Component',
    metadata: {
      name: 'checkout',
      annotations: {
        'github.com/project-slug': 'acme/checkout',
        'argocd/app-name': 'checkout-app',
      },
    },
  },
]);
const created = (entityRef?: string): StoredEvent => ({
  id: '1',
  source: 'jira',
  type: 'work_item.created',
  occurredAt: '2026-01-01T00:00:00Z',
  at: 0,
  entityRef,
  data: { key: 'PAY-1', title: 'x', itemType: 'feature' },
});
const none = { pullRequests: [], commits: [], deployments: [] };

describe('itemEntityRefs', () => {
  it('takes the entity its events name over the one of its key', () => {
    expect(
      itemEntityRefs(index, 'PAY-1', {
        ...none,
        events: [created('Component:default/Billing')],
      }),
    ).toEqual(['component:default/billing']);
    expect(
      itemEntityRefs(index, 'PAY-1', { ...none, events: [created()] }),
    ).toEqual(['component:default/payments']);
  });

  it("adds the entities of its PRs', commits' and deployments' repositories and services", () => {
    expect(
      itemEntityRefs(index, 'PAY-1', {
        events: [created()],
        pullRequests: [{ repository: 'acme/checkout' }],
        commits: [{ repository: 'acme/payments' }, { repository: null }],
        deployments: [
          { entityRef: 'component:default/ledger', service: 'checkout-app' },
          { entityRef: null, service: 'checkout-app' },
        ],
      }),
    ).toEqual([
      'component:default/checkout',
      'component:default/ledger',
      'component:default/payments',
    ]);
  });
});

describe('itemComponents', () => {
  const at = (e: StoredEvent, ms: number, data: object): StoredEvent => ({
    ...e,
    id: `${ms}`,
    at: ms,
    data: { ...e.data, ...data },
  });

  it('takes the components of the latest created or updated event that lists them', () => {
    const base = created();
    const updated = { ...base, type: 'work_item.updated' };
    const status = { ...base, type: 'work_item.status_changed' };
    expect(itemComponents([at(base, 0, {})])).toEqual([]);
    expect(
      itemComponents([
        at(updated, 2, { components: ['Ledger'] }),
        at(base, 1, { components: ['Billing'] }),
        at(updated, 3, {}),
        at(status, 4, { components: ['Ignored'] }),
      ]),
    ).toEqual(['Ledger']);
    expect(
      itemComponents([
        at(base, 1, { components: ['Billing'] }),
        at(updated, 2, { components: [] }),
      ]),
    ).toEqual([]);
  });
});

describe('itemEntityRefs with jira/component', () => {
  const shared = new EntityIndex([
    {
      kind: 'Component',
      metadata: {
        name: 'payments',
        annotations: { 'jira/project-key': 'PAY' },
      },
      relations: [{ type: 'ownedBy', targetRef: 'group:default/team-pay' }],
    },
    {
      kind: 'Component',
      metadata: {
        name: 'billing',
        annotations: {
          'jira/project-key': 'PAY',
          'jira/component': 'Billing',
        },
      },
      relations: [{ type: 'ownedBy', targetRef: 'group:default/team-pay' }],
    },
  ]);
  const withComponents = (components?: string[]) => ({
    ...none,
    events: [
      {
        ...created(),
        data: { ...created().data, ...(components && { components }) },
      },
    ],
  });

  it('narrows a shared project key to the entity of a matching component', () => {
    expect(
      itemEntityRefs(shared, 'PAY-1', withComponents(['billing'])),
    ).toEqual(['component:default/billing']);
    expect(itemEntityRefs(shared, 'PAY-1', withComponents())).toEqual([
      'component:default/billing',
      'component:default/payments',
    ]);
    expect(itemEntityRefs(shared, 'PAY-1', withComponents(['Web']))).toEqual([
      'component:default/payments',
    ]);
  });
});
