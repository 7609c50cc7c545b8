import { EntityIndex } from '../entities/EntityIndex';
import type { StoredEvent } from '../model';
import { itemEntityRefs } from './itemEntities';

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
          { entity_ref: 'component:default/ledger', service: 'checkout-app' },
          { entity_ref: null, service: 'checkout-app' },
        ],
      }),
    ).toEqual([
      'component:default/checkout',
      'component:default/ledger',
      'component:default/payments',
    ]);
  });
});
