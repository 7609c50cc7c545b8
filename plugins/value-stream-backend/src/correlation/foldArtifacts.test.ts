import type { StoredEvent } from '../model';
import {
  artifactSubjects,
  foldArtifacts,
  inclusionRepositories,
  itemKeysOf,
  subjectsByKind,
  touchedShas,
} from './foldArtifacts';

const T0 = Date.parse('2026-01-01T00:00:00Z');
let n = 0;
const ev = (
  type: string,
  subject: string | null,
  data: Record<string, unknown>,
  extra: Partial<StoredEvent> = {},
): StoredEvent => ({
  id: `e${++n}`,
  source: 'test',
  type,
  occurredAt: new Date(T0 + n * 1000).toISOString(),
  at: T0 + n * 1000,
  subject,
  data,
  ...extra,
});
const repo = { repository: 'acme/payments' };
const envs = { production: ['production'], staging: ['staging'] };

const commit = ev(
  'commit.pushed',
  'commit:aaaaaaa',
  { sha: 'aaaaaaa', message: 'PAY-1', branch: 'main' },
  repo,
);
const pr = ev(
  'pull_request.merged',
  'pr:acme/payments#7',
  {
    number: 7,
    title: 'PAY-2',
    commits: ['bbbbbbb'],
    mergeCommitSha: 'ccccccc',
  },
  repo,
);
const build = ev('build.finished', 'build:b1', {
  buildId: 'b1',
  commitSha: 'ddddddd',
});
const deployment = ev('deployment.finished', 'deployment:d1', {
  deploymentId: 'd1',
  environment: 'production',
  service: 'payments-app',
  commitSha: 'eeeeeee',
});
const incident = ev('incident.opened', 'incident:i1', { incidentId: 'i1' });
const item = ev('work_item.created', 'item:PAY-1', {
  key: 'PAY-1',
  title: 'x',
  itemType: 'feature',
});
const reviewed = ev('pull_request.reviewed', null, {
  number: 7,
  state: 'approved',
});
const events = [
  item,
  commit,
  commit,
  pr,
  build,
  deployment,
  incident,
  reviewed,
];
const history = new Map(
  [commit, pr, build, deployment, incident].map(e => [e.subject!, [e]]),
);

describe('subjectsByKind', () => {
  it('lists each subject once per kind, and the artifacts and item keys among them', () => {
    const subjects = subjectsByKind(events);
    expect(subjects.get('commit')).toEqual(['commit:aaaaaaa']);
    expect(artifactSubjects(subjects)).toEqual([
      'commit:aaaaaaa',
      'pr:acme/payments#7',
      'build:b1',
      'deployment:d1',
      'incident:i1',
    ]);
    expect(itemKeysOf(subjects)).toEqual(['PAY-1']);
  });
});

describe('foldArtifacts', () => {
  const fold = (h = history) =>
    foldArtifacts(subjectsByKind(events), h, {
      environments: envs,
      repositoryForService: s =>
        s === 'payments-app' ? 'acme/payments-deploy' : null,
    });

  it('folds each artifact with a stored history, and gives Argo CD deployments their repository', () => {
    const a = fold();
    expect(a.commits.map(c => [c.sha, c.onDefault])).toEqual([
      ['aaaaaaa', true],
    ]);
    expect(a.prs.map(p => [p.id, p.state])).toEqual([
      ['acme/payments#7', 'merged'],
    ]);
    expect(a.builds.map(b => b.buildId)).toEqual(['b1']);
    expect(a.deployments).toEqual([
      expect.objectContaining({
        deploymentId: 'd1',
        envClass: 'production',
        repository: 'acme/payments-deploy',
      }),
    ]);
    expect(a.incidents.map(i => i.incidentId)).toEqual(['i1']);
  });

  it('skips subjects without a stored history', () => {
    const a = fold(new Map([['commit:aaaaaaa', [commit]]]));
    expect([a.commits.length, a.prs.length, a.deployments.length]).toEqual([
      1, 0, 0,
    ]);
  });

  it('names the repositories whose inclusion may change and the commits touched', () => {
    const a = fold();
    expect(inclusionRepositories(a)).toEqual([
      'acme/payments-deploy',
      'acme/payments',
    ]);
    expect(
      inclusionRepositories({
        ...a,
        commits: a.commits.map(c => ({ ...c, onDefault: false })),
        prs: [],
        deployments: a.deployments.map(d => ({ ...d, explicitCommits: true })),
      }),
    ).toEqual([]);
    expect([...touchedShas(a, ['fffffff'], ['aaaaaaa'])]).toEqual([
      'aaaaaaa',
      'ddddddd',
      'eeeeeee',
      'bbbbbbb',
      'ccccccc',
      'fffffff',
    ]);
  });
});
