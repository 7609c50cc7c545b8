import { DEFAULT_STAGES } from '@valuestream/backstage-plugin-value-stream-common';
import type { DoneConfig } from '../config/readDone';
import type { Commit, Deployment, PullRequest } from '../model/artifacts';
import { buildJourney, ItemAttributes } from './buildJourney';
import {
  ChangeDelivery,
  changeDelivery,
  deliveredDone,
  withObservation,
} from './deliveredDone';
import type { Evidence } from './evidence';

const H = 3_600_000;
const T0 = Date.parse('2026-03-02T00:00:00Z');
const t = (hours: number) => T0 + hours * H;
const hours = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? ms : (ms - T0) / H;
const stages = [...DEFAULT_STAGES];
const DELIVERED: DoneConfig = { mode: 'delivered', observationHours: 24 };

const attrs: ItemAttributes = {
  key: 'PAY-1',
  createdAt: T0,
  title: 'Retry refunds',
  itemType: 'feature',
  priority: null,
  value: null,
  labels: [],
};
let n = 0;
const tracker = (h: number, stage: string): Evidence => ({
  kind: 'tracker',
  at: t(h),
  stage,
  order: `jira/${++n}`,
});
const auto = (h: number, stage: string): Evidence => ({
  kind: 'auto',
  at: t(h),
  stage,
  order: `github/${++n}`,
});
/** First commit 1 h, PR 2 h, merged 3 h, production deployment 4 h–5 h. */
const delivery = [
  auto(1, 'In Progress'),
  auto(2, 'Code Review'),
  auto(3, 'Build'),
  auto(4, 'Deploy Production'),
  auto(5, 'Monitoring'),
];
const DEPLOYED: ChangeDelivery = { changes: 1, deliveredAt: t(5) };

/** The journey as [stage, entered h, exited h] rows, with its done and due times in h. */
function journey(
  evidence: Evidence[],
  d: ChangeDelivery,
  nowHours: number,
  done: DoneConfig = DELIVERED,
) {
  const r = deliveredDone({
    evidence,
    stages,
    done,
    delivery: d,
    now: t(nowHours),
  });
  const j = withObservation(buildJourney(attrs, r.evidence, stages), r);
  return {
    path: j.intervals.map(i => [
      i.stage,
      hours(i.enteredAt),
      hours(i.exitedAt),
    ]),
    doneAt: hours(j.doneAt),
    observationEndsAt: hours(j.observationEndsAt),
    doneDueAt: hours(j.doneDueAt),
  };
}

const upToMonitoring = [
  ['Backlog', 0, 1],
  ['In Progress', 1, 2],
  ['Code Review', 2, 3],
  ['Build', 3, 4],
  ['Deploy Production', 4, 5],
];

describe('deliveredDone', () => {
  it('closed before the deployment: Done when the 24 h of observation end', () => {
    const evidence = [...delivery, tracker(3.5, 'Done')];
    // Closed at 3.5 h, deployed at 5 h: Done at max(3.5, 5 + 24) = 29 h.
    expect(journey(evidence, DEPLOYED, 40)).toEqual({
      path: [...upToMonitoring, ['Monitoring', 5, 29], ['Done', 29, null]],
      doneAt: 29,
      observationEndsAt: undefined,
      doneDueAt: undefined,
    });
    // Before that, it stays in Monitoring with 19 h of observation left at 10 h.
    expect(journey(evidence, DEPLOYED, 10)).toEqual({
      path: [...upToMonitoring, ['Monitoring', 5, null]],
      doneAt: null,
      observationEndsAt: 29,
      doneDueAt: 29,
    });
    // Exactly at the end of the observation it is done.
    expect(journey(evidence, DEPLOYED, 29).doneAt).toBe(29);
  });

  it('closed after the observation: Done at the close', () => {
    const evidence = [...delivery, tracker(30, 'Done')];
    expect(journey(evidence, DEPLOYED, 40)).toMatchObject({
      path: [...upToMonitoring, ['Monitoring', 5, 30], ['Done', 30, null]],
      doneAt: 30,
    });
    // Observed but not closed yet: Monitoring, observation over, nothing due.
    expect(journey(delivery, DEPLOYED, 29.5)).toEqual({
      path: [...upToMonitoring, ['Monitoring', 5, null]],
      doneAt: null,
      observationEndsAt: 29,
      doneDueAt: undefined,
    });
  });

  it('an item with no linked change enters Done at the tracker close', () => {
    const evidence = [tracker(1, 'In Progress'), tracker(6, 'Done')];
    const none = { changes: 0, deliveredAt: null };
    expect(journey(evidence, none, 7)).toEqual({
      path: [
        ['Backlog', 0, 1],
        ['In Progress', 1, 6],
        ['Done', 6, null],
      ],
      doneAt: 6,
      observationEndsAt: undefined,
      doneDueAt: undefined,
    });
  });

  it('closed while a change is not in production: stays where its evidence put it', () => {
    const evidence = [...delivery.slice(0, 3), tracker(3.5, 'Done')];
    expect(journey(evidence, { changes: 1, deliveredAt: null }, 100)).toEqual({
      path: [
        ['Backlog', 0, 1],
        ['In Progress', 1, 2],
        ['Code Review', 2, 3],
        ['Build', 3, null],
      ],
      doneAt: null,
      observationEndsAt: undefined,
      doneDueAt: undefined,
    });
  });

  it('a reopen during the observation moves it back; the next close waits for the observation', () => {
    const reopened = [
      ...delivery,
      tracker(6, 'Done'),
      tracker(10, 'In Progress'),
    ];
    // The close at 6 h would count at 29 h, after the reopen at 10 h: superseded.
    expect(journey(reopened, DEPLOYED, 40)).toEqual({
      path: [
        ...upToMonitoring,
        ['Monitoring', 5, 10],
        ['In Progress', 10, null],
      ],
      doneAt: null,
      observationEndsAt: 29,
      doneDueAt: undefined,
    });
    // Closed again at 20 h: Done at max(20, 29) = 29 h.
    expect(
      journey([...reopened, tracker(20, 'Done')], DEPLOYED, 40),
    ).toMatchObject({
      path: [
        ...upToMonitoring,
        ['Monitoring', 5, 10],
        ['In Progress', 10, 29],
        ['Done', 29, null],
      ],
      doneAt: 29,
    });
  });

  it('a reopen after Done moves it back as in the tracker mode', () => {
    const evidence = [
      ...delivery,
      tracker(6, 'Done'),
      tracker(35, 'In Progress'),
    ];
    expect(journey(evidence, DEPLOYED, 40)).toMatchObject({
      path: [
        ...upToMonitoring,
        ['Monitoring', 5, 29],
        ['Done', 29, 35],
        ['In Progress', 35, null],
      ],
      doneAt: null,
    });
  });

  it('the tracker mode keeps the close as it is', () => {
    const evidence = [...delivery, tracker(3.5, 'Done')];
    expect(
      journey(evidence, DEPLOYED, 40, {
        mode: 'tracker',
        observationHours: 24,
      }),
    ).toMatchObject({
      path: [
        ['Backlog', 0, 1],
        ['In Progress', 1, 2],
        ['Code Review', 2, 3],
        ['Build', 3, 3.5],
        ['Done', 3.5, null],
      ],
      doneAt: 3.5,
      observationEndsAt: undefined,
    });
  });

  it('takes its own observation hours', () => {
    const evidence = [...delivery, tracker(3.5, 'Done')];
    const twoHours: DoneConfig = { mode: 'delivered', observationHours: 2 };
    expect(journey(evidence, DEPLOYED, 40, twoHours).doneAt).toBe(7);
  });
});

const pr = (p: Partial<PullRequest>): PullRequest => ({
  id: 'acme/payments#10',
  repository: 'acme/payments',
  number: 10,
  title: 'PAY-1',
  body: null,
  branch: 'feature/pay-1',
  state: 'merged',
  openedAt: t(2),
  mergedAt: t(3),
  closedAt: t(3),
  mergeCommitSha: 'm1',
  updatedAt: t(3),
  commits: ['c1', 'c2'],
  ...p,
});
const commit = (sha: string, onDefault: boolean): Commit => ({
  sha,
  repository: 'acme/payments',
  message: `PAY-1 ${sha}`,
  branch: onDefault ? 'main' : 'feature/pay-1',
  onDefault,
  authoredAt: t(1),
  pushedAt: t(1),
});
const deployment = (
  id: string,
  finishedHours: number,
  status: string,
  commits: string[],
  environment = 'production',
): Deployment => ({
  deploymentId: id,
  environment,
  envClass: environment === 'production' ? 'production' : 'staging',
  service: 'payments',
  repository: 'acme/payments',
  entityRef: null,
  commitSha: commits[commits.length - 1] ?? null,
  explicitCommits: false,
  startedAt: t(finishedHours - 1),
  finishedAt: t(finishedHours),
  status,
  rolledBackAt: null,
  commits,
});

describe('changeDelivery', () => {
  it('a failed deployment does not deliver; the next successful one does', () => {
    const d = changeDelivery({
      pullRequests: [pr({})],
      commits: [commit('c1', false), commit('c2', false), commit('m1', true)],
      deployments: [
        deployment('d1', 5, 'failure', ['m1']),
        deployment('s1', 4, 'success', ['m1'], 'staging'),
        deployment('d2', 8, 'success', ['m1']),
      ],
    });
    // The merge commit is the PR's, not a change of its own: one change, at 8 h.
    expect({ changes: d.changes, deliveredAt: hours(d.deliveredAt) }).toEqual({
      changes: 1,
      deliveredAt: 8,
    });
  });

  it('two changes: delivered when the last of them reached production', () => {
    const d = changeDelivery({
      pullRequests: [pr({})],
      commits: [commit('m1', true), commit('h1', true)],
      deployments: [
        deployment('d1', 5, 'success', ['m1']),
        deployment('d2', 12, 'success', ['h1']),
        // A later deployment that includes both again changes nothing.
        deployment('d3', 20, 'success', ['m1', 'h1']),
      ],
    });
    expect({ changes: d.changes, deliveredAt: hours(d.deliveredAt) }).toEqual({
      changes: 2,
      deliveredAt: 12,
    });
    // One of them not deployed: not delivered.
    expect(
      changeDelivery({
        pullRequests: [pr({})],
        commits: [commit('m1', true), commit('h1', true)],
        deployments: [deployment('d1', 5, 'success', ['m1'])],
      }),
    ).toEqual({ changes: 2, deliveredAt: null });
  });

  it('open PRs and branch commits are no changes; a rolled-back deployment still delivered', () => {
    expect(
      changeDelivery({
        pullRequests: [
          pr({ state: 'open', mergedAt: null, mergeCommitSha: null }),
        ],
        commits: [commit('c1', false)],
        deployments: [],
      }),
    ).toEqual({ changes: 0, deliveredAt: null });
    const rolledBack = {
      ...deployment('d1', 5, 'rolled_back', ['m1']),
    };
    expect(
      changeDelivery({
        pullRequests: [pr({})],
        commits: [],
        deployments: [rolledBack],
      }),
    ).toEqual({ changes: 1, deliveredAt: t(5) });
  });
});
