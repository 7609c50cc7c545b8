import type { Entity } from '@backstage/catalog-model';
import { component } from './testBackend';

/** A second team's process (DESIGN §13 "Profiles"), as the demo's `product-flow`. */
export const PRODUCT_FLOW = {
  stages: [
    { name: 'Backlog', category: 'queue' },
    { name: 'Dev', category: 'active', roles: ['first_commit'] },
    { name: 'Review', category: 'wait', roles: ['pr_opened'] },
    { name: 'QA', category: 'active', roles: ['pr_merged'] },
    { name: 'Done', category: 'done' },
  ],
  wipLimits: { Dev: 2 },
  statusMapping: { 'In Dev': 'Dev', Testing: 'QA' },
  alerts: { blockedHours: 2 },
};

/** The plugin config of the profile tests: team-checkout's services follow product-flow. */
export const PROFILE_CONFIG = {
  profiles: { 'product-flow': PRODUCT_FLOW },
  profileByOwner: { 'group:default/team-checkout': 'product-flow' },
};

export const teamCheckout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-checkout', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

/** Owned by team-checkout: product-flow through profileByOwner. */
export const checkout: Entity = {
  ...component('checkout', {
    'github.com/project-slug': 'acme/checkout',
    'jira/project-key': 'CHK',
  }),
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-checkout',
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-checkout' }],
};

/** Owned by team-pay, but on product-flow by its annotation. */
export const mobile = component('mobile', {
  'jira/project-key': 'MOB',
  'value-stream/profile': 'product-flow',
});
