import {
  DEFAULT_STAGES,
  StageDefinition,
} from '@valuestream/backstage-plugin-value-stream-common';
import type {
  Build,
  Commit,
  Deployment,
  PullRequest,
  StoredEvent,
} from '../model';
import { buildJourney } from './buildJourney';
import type { Evidence } from './evidence';
import { itemEvidence, ItemEvidenceInput, roleStages } from './itemEvidence';

const H = 3_600_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const t = (hours: number) => T0 + hours * H;

const created: StoredEvent = {
  id: 'w1',
  source: 'jira',
  type: 'work_item.created',
  occurredAt: new Date(T0).toISOString(),
  at: T0,
  data: { key: 'PAY-1', title: 'x', itemType: 'feature' },
};
const commit: Commit = {
  sha: 'c1',
  repository: 'acme/payments',
  message: 'PAY-1 start',
  branch: 'feature/pay-1',
  onDefault: false,
  authoredAt: t(1),
  pushedAt: t(1),
};
const pr: PullRequest = {
  id: 'acme/payments#7',
  repository: 'acme/payments',
  number: 7,
  title: 'PAY-1',
  body: null,
  branch: 'feature/pay-1',
  state: 'merged',
  openedAt: t(2),
  mergedAt: t(3),
  closedAt: null,
  mergeCommitSha: 'm1',
  updatedAt: t(3),
  commits: ['c1'],
};
const build: Build = {
  buildId: 'b1',
  repository: 'acme/payments',
  pipeline: null,
  commitSha: 'm1',
  startedAt: t(4),
  finishedAt: t(5),
  status: 'success',
};
const deployment = (
  id: string,
  env: Deployment['envClass'],
  h: number,
): Deployment => ({
  deploymentId: id,
  environment: env,
  envClass: env,
  service: null,
  repository: 'acme/payments',
  entityRef: null,
  commitSha: 'm1',
  explicitCommits: false,
  startedAt: t(h),
  finishedAt: t(h + 1),
  status: 'success',
  rolledBackAt: null,
  commits: ['c1', 'm1'],
});

const input = (stages: readonly StageDefinition[]): ItemEvidenceInput => ({
  events: [created],
  pullRequests: [pr],
  commits: [commit],
  builds: [build],
  deployments: [
    deployment('s1', 'staging', 6),
    deployment('p1', 'production', 8),
  ],
  roles: roleStages(stages),
  mapStatus: () => undefined,
});
const autoStages = (evidence: Evidence[]) =>
  evidence.flatMap(e =>
    e.kind === 'auto' ? [[e.stage, (e.at - T0) / H, e.order]] : [],
  );

describe('itemEvidence', () => {
  it('keeps the DESIGN §4 table for the default stages', () => {
    expect(autoStages(itemEvidence(input(DEFAULT_STAGES)))).toEqual([
      ['Code Review', 2, 'pr/acme/payments#7'],
      ['Build', 3, 'pr/acme/payments#7'],
      ['In Progress', 1, 'commit/c1'],
      ['Build', 4, 'build/b1'],
      ['Test', 5, 'build/b1'],
      ['Deploy Staging', 6, 'deployment/s1'],
      ['Validation', 7, 'deployment/s1'],
      ['Deploy Production', 8, 'deployment/p1'],
      ['Monitoring', 9, 'deployment/p1'],
    ]);
  });

  it('moves into the stage that claims the role, whatever its name', () => {
    const stages: StageDefinition[] = [
      { name: 'Todo', category: 'queue' },
      { name: 'Coding', category: 'active', roles: ['first_commit'] },
      { name: 'Review', category: 'wait', roles: ['pr_opened'] },
      {
        name: 'Shipping',
        category: 'active',
        roles: ['pr_merged', 'production_deploy_started'],
      },
      {
        name: 'Live',
        category: 'active',
        roles: ['production_deploy_succeeded'],
      },
      { name: 'Closed', category: 'done' },
    ];
    const evidence = itemEvidence(input(stages));
    // Builds and staging deployments name roles no stage claims: they move nothing.
    expect(autoStages(evidence)).toEqual([
      ['Review', 2, 'pr/acme/payments#7'],
      ['Shipping', 3, 'pr/acme/payments#7'],
      ['Coding', 1, 'commit/c1'],
      ['Shipping', 8, 'deployment/p1'],
      ['Live', 9, 'deployment/p1'],
    ]);
    const attrs = {
      key: 'PAY-1',
      createdAt: T0,
      title: 'x',
      itemType: 'feature' as const,
      priority: null,
      value: null,
      labels: [],
    };
    expect(
      buildJourney(attrs, evidence, stages).intervals.map(i => i.stage),
    ).toEqual(['Todo', 'Coding', 'Review', 'Shipping', 'Live']);
  });

  it('moves nothing automatically when no stage claims a role', () => {
    const stages: StageDefinition[] = [
      { name: 'Todo', category: 'queue' },
      { name: 'Review', category: 'wait' },
      { name: 'Closed', category: 'done' },
    ];
    expect(autoStages(itemEvidence(input(stages)))).toEqual([]);
  });

  it('turns tracker events into tracker, blocked and unblocked evidence', () => {
    const ev = (id: string, type: string, h: number, data: object) => ({
      id,
      source: 'jira',
      type,
      occurredAt: new Date(t(h)).toISOString(),
      at: t(h),
      data: { key: 'PAY-1', ...data },
    });
    const evidence = itemEvidence({
      ...input(DEFAULT_STAGES),
      pullRequests: [],
      commits: [],
      builds: [],
      deployments: [],
      events: [
        created,
        ev('w2', 'work_item.status_changed', 1, { to: 'Doing' }),
        ev('w3', 'work_item.status_changed', 2, { to: 'x', stage: 'Done' }),
        ev('w4', 'work_item.status_changed', 3, { to: 'Unknown' }),
        ev('w5', 'work_item.blocked', 4, { reason: 'staging down' }),
        ev('w6', 'work_item.unblocked', 5, {}),
      ],
      mapStatus: status => (status === 'Doing' ? 'In Progress' : undefined),
    });
    expect(evidence).toEqual([
      { kind: 'tracker', at: t(1), stage: 'In Progress', order: 'jira/w2' },
      { kind: 'tracker', at: t(2), stage: 'Done', order: 'jira/w3' },
      { kind: 'blocked', at: t(4), order: 'jira/w5', reason: 'staging down' },
      { kind: 'unblocked', at: t(5), order: 'jira/w6' },
    ]);
  });

  it('adds the blocked labels evidence of the items label changes', () => {
    const ev = (id: string, h: number, labels: string[]) => ({
      id,
      source: 'github',
      type: 'work_item.updated',
      occurredAt: new Date(t(h)).toISOString(),
      at: t(h),
      data: { key: 'acme/payments#1', labels },
    });
    const evidence = itemEvidence({
      ...input(DEFAULT_STAGES),
      pullRequests: [],
      commits: [],
      builds: [],
      deployments: [],
      events: [ev('a', 1, ['blocked:spec unclear']), ev('b', 2, [])],
      blockedLabels: ['blocked', 'blocked:*'],
    });
    expect(evidence).toEqual([
      {
        kind: 'blocked',
        at: t(1),
        order: 'github/a/blocked:spec unclear',
        reason: 'spec unclear',
      },
      { kind: 'unblocked', at: t(2), order: 'github/b' },
    ]);
  });

  it('counts a failed build or deployment as started only', () => {
    const evidence = itemEvidence({
      ...input(DEFAULT_STAGES),
      pullRequests: [],
      commits: [],
      builds: [{ ...build, status: 'failure' }],
      deployments: [
        { ...deployment('p1', 'production', 8), status: 'failure' },
        { ...deployment('o1', 'other', 9) },
      ],
    });
    expect(autoStages(evidence)).toEqual([
      ['Build', 4, 'build/b1'],
      ['Deploy Production', 8, 'deployment/p1'],
    ]);
  });
});
