import { DEFAULT_STAGES } from '@valuestream/backstage-plugin-value-stream-common';
import { EntityIndex } from '../entities/EntityIndex';
import type {
  Commit,
  Deployment,
  WorkItemLink,
  PullRequest,
  StoredEvent,
  StoredJourney,
} from '../model';
import { roleStages } from './itemEvidence';
import {
  itemShas,
  journeyDigest,
  JourneyContext,
  journeysToWrite,
  LinkedArtifacts,
  statusMapping,
  storedJourney,
} from './rebuildItems';

const H = 3_600_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const t = (hours: number) => T0 + hours * H;
const stages = DEFAULT_STAGES.map(s => ({ ...s }));

const event = (
  id: string,
  type: string,
  hours: number,
  data: Record<string, unknown>,
): StoredEvent => ({
  id,
  source: 'jira',
  type,
  occurredAt: new Date(t(hours)).toISOString(),
  at: t(hours),
  data: { key: 'PAY-1', ...data },
});
const link = (kind: WorkItemLink['kind'], ref: string): WorkItemLink => ({
  itemKey: 'PAY-1',
  kind,
  ref,
});
const commit = (sha: string, hours: number): Commit => ({
  sha,
  repository: 'acme/payments',
  message: 'PAY-1',
  branch: null,
  onDefault: false,
  authoredAt: t(hours),
  pushedAt: t(hours),
});
const pr: PullRequest = {
  id: 'acme/payments#7',
  repository: 'acme/payments',
  number: 7,
  title: 'PAY-1',
  body: null,
  branch: null,
  state: 'merged',
  openedAt: t(2),
  mergedAt: t(3),
  closedAt: null,
  mergeCommitSha: 'm1',
  updatedAt: t(3),
  commits: ['c1', 'c2'],
};
const deployment: Deployment = {
  deploymentId: 'd1',
  environment: 'production',
  envClass: 'production',
  service: 'payments-app',
  repository: null,
  entityRef: null,
  commitSha: 'm1',
  explicitCommits: false,
  startedAt: t(4),
  finishedAt: t(5),
  status: 'success',
  rolledBackAt: null,
  commits: ['m1'],
};

describe('statusMapping', () => {
  it("asks the module's mapper first, then the configured mapping in lower case", () => {
    const map = statusMapping({ 'in review': 'Code Review' }, ({ status }) =>
      status === 'Shipped' ? 'Done' : undefined,
    );
    expect(map('Shipped', 'jira')).toBe('Done');
    expect(map('In Review', 'jira')).toBe('Code Review');
    expect(map('Parked', 'jira')).toBeUndefined();
    expect(statusMapping({ done: 'Done' })('DONE', 'github')).toBe('Done');
  });
});

describe('itemShas', () => {
  it("takes linked commits and the linked PRs' commits and merge commit", () => {
    expect([
      ...itemShas(
        [link('commit', 'c0'), link('pr', pr.id), link('pr', 'acme/x#1')],
        new Map([[pr.id, pr]]),
      ),
    ]).toEqual(['c0', 'c1', 'c2', 'm1']);
  });
});

describe('storedJourney', () => {
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
        name: 'payments-app',
        annotations: { 'argocd/app-name': 'payments-app' },
      },
    },
  ]);
  const ctx: JourneyContext = {
    index,
    stages,
    roles: roleStages(stages),
    mapStatus: statusMapping({ done: 'Done' }),
    now: t(10),
  };
  const linked: LinkedArtifacts = {
    links: new Map([['PAY-1', [link('pr', pr.id)]]]),
    pullRequests: new Map([[pr.id, pr]]),
    commits: new Map([
      ['c1', commit('c1', 1)],
      ['c2', commit('c2', 1.5)],
    ]),
    builds: new Map(),
    deploymentsBySha: new Map([['m1', [deployment]]]),
  };

  it('moves the item by its own and its artifacts’ evidence and places it in their entities', () => {
    const events = [
      event('e1', 'work_item.created', 0, {
        title: 'Retry',
        itemType: 'defect',
      }),
    ];
    const item = storedJourney('PAY-1', events, linked, ctx);
    expect(item.journey).toMatchObject({
      key: 'PAY-1',
      title: 'Retry',
      itemType: 'defect',
      stage: 'Monitoring',
      stageEnteredAt: t(5),
      startedAt: t(1),
    });
    expect(item.journey.intervals.map(i => i.stage)).toEqual([
      'Backlog',
      'In Progress',
      'Code Review',
      'Build',
      'Deploy Production',
      'Monitoring',
    ]);
    expect(item.entityRefs).toEqual([
      'component:default/payments',
      'component:default/payments-app',
    ]);
  });

  it('maps tracker statuses through the context', () => {
    const events = [
      event('e1', 'work_item.created', 0, {
        title: 'Retry',
        itemType: 'defect',
      }),
      event('e2', 'work_item.status_changed', 6, { to: 'Done' }),
    ];
    const item = storedJourney('PAY-1', events, linked, ctx);
    expect(item.journey).toMatchObject({ stage: 'Done', doneAt: t(6) });
    expect(item.stats.cycleTime).toBe(5 * 3600);
  });
});

describe('journeysToWrite', () => {
  const item = (key: string, doneAt: number | null): StoredJourney =>
    ({
      journey: { key, doneAt },
      stats: {},
      entityRefs: ['component:default/payments'],
    } as unknown as StoredJourney);
  const a = item('A', null);
  const b = item('B', t(1));
  const c = item('C', t(2));

  it('writes only changed items, and reports those that entered done anew', () => {
    const stored = new Map([
      ['A', { digest: journeyDigest(a), doneAt: null }],
      ['B', { digest: 'old', doneAt: t(1) }],
    ]);
    const { write, done } = journeysToWrite([a, b, c], stored);
    expect(write.map(o => o.journey.key)).toEqual(['B', 'C']);
    expect(write[0].digest).toBe(journeyDigest(b));
    expect(done.map(o => o.journey.key)).toEqual(['C']);
  });

  it('does not report an item whose done time only moved', () => {
    const moved = item('B', t(3));
    const stored = new Map([['B', { digest: 'old', doneAt: t(1) }]]);
    const { write, done } = journeysToWrite([moved], stored);
    expect(write.map(o => o.journey.key)).toEqual(['B']);
    expect(done).toEqual([]);
  });

  it('writes every item when forced', () => {
    const stored = new Map([['A', { digest: journeyDigest(a), doneAt: null }]]);
    expect(
      journeysToWrite([a, b], stored, true).write.map(o => o.journey.key),
    ).toEqual(['A', 'B']);
  });

  it('digests journey and entities', () => {
    expect(journeyDigest(a)).toBe(
      journeyDigest({
        ...a,
        stats: { cycleTime: 1 } as StoredJourney['stats'],
      }),
    );
    expect(journeyDigest(a)).not.toBe(
      journeyDigest({ ...a, entityRefs: ['component:default/other'] }),
    );
  });
});
