import {
  component,
  databases,
  group,
  startValueStream,
} from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

/**
 * Two services of acme/platform-mono (DESIGN §13): ledger by its source-location folder,
 * notifier by value-stream/paths; one Jira project key for both.
 */
const ledger = component('ledger', {
  'backstage.io/source-location':
    'url:https://github.com/acme/platform-mono/tree/main/services/ledger/',
  'jira/project-key': 'MONO',
});
const notifier = component('notifier', {
  'github.com/project-slug': 'acme/platform-mono',
  'value-stream/paths': 'services/notifier/**',
  'jira/project-key': 'MONO',
  'argocd/app-name': 'notifier',
});
const REPO = 'acme/platform-mono';
const WINDOW = 'from=2026-01-01T00:00:00Z&to=2026-01-15T00:00:00Z';

let n = 0;
const ev = (
  type: string,
  at: string,
  data: object,
  source = 'github',
  repository: string | undefined = REPO,
) => ({
  id: `mono${++n}`,
  source,
  type,
  occurredAt: `2026-01-${at}Z`,
  ...(repository ? { repository } : {}),
  data,
});
const created = (key: string) =>
  ev(
    'work_item.created',
    '01T09:00:00',
    { key, title: key, itemType: 'feature' },
    'jira',
    undefined,
  );
const push = (sha: string, at: string, message: string, files?: string[]) =>
  ev('commit.pushed', at, {
    sha,
    message,
    branch: 'main',
    defaultBranch: 'main',
    ...(files ? { files } : {}),
  });
const deploy = (id: string, at: string, commits: string[], service?: string) =>
  ev(
    'deployment.finished',
    at,
    {
      deploymentId: id,
      environment: 'production',
      status: 'success',
      commits,
      ...(service ? { service } : {}),
    },
    'argocd',
  );

// MONO-1: commit c1 in services/ledger (02 10:00), PR #1 merged as m1 (no files: the PR's),
// deployed by d1, which names only the repository (03 10:00): ledger, 24 h of lead time.
// MONO-2: c2 in services/notifier (04 10:00), PR #2, m2; d2 of service notifier (05 16:00):
// 30 h; d4 deploys m2 again (07 10:00). MONO-4: c3 touches both folders (05 08:00),
// deployed by the repository-only d3 (06 13:00): both, 29 h. MONO-3 has no change: both.
const EVENTS = [
  created('MONO-1'),
  created('MONO-2'),
  created('MONO-3'),
  created('MONO-4'),
  ev('commit.pushed', '02T10:00:00', {
    sha: 'c1c1c1c1',
    message: 'MONO-1 postings',
    branch: 'feature/MONO-1',
    defaultBranch: 'main',
    files: ['services/ledger/src/postings.ts'],
  }),
  ev('pull_request.merged', '02T12:00:00', {
    number: 1,
    title: 'MONO-1 postings',
    commits: ['c1c1c1c1'],
    mergeCommitSha: 'a1a1a1a1',
  }),
  push('a1a1a1a1', '02T12:00:00', 'MONO-1 postings (#1)'),
  deploy('d1', '03T10:00:00', ['c1c1c1c1', 'a1a1a1a1']),
  ev('commit.pushed', '04T10:00:00', {
    sha: 'c2c2c2c2',
    message: 'MONO-2 digest',
    branch: 'feature/MONO-2',
    defaultBranch: 'main',
    files: ['services/notifier/src/digest.ts'],
  }),
  ev('pull_request.merged', '04T12:00:00', {
    number: 2,
    title: 'MONO-2 digest',
    commits: ['c2c2c2c2'],
    mergeCommitSha: 'a2a2a2a2',
  }),
  push('a2a2a2a2', '04T12:00:00', 'MONO-2 digest (#2)'),
  deploy('d2', '05T16:00:00', ['c2c2c2c2', 'a2a2a2a2'], 'notifier'),
  push('c3c3c3c3', '05T08:00:00', 'MONO-4 shared config', [
    'services/ledger/config.yaml',
    'services/notifier/config.yaml',
  ]),
  deploy('d3', '06T13:00:00', ['c3c3c3c3']),
  deploy('d4', '07T10:00:00', ['a2a2a2a2'], 'notifier'),
];
const H = 3600;

describe.each(databases.eachSupportedId())('monorepos on %p', databaseId => {
  /** Posts the batches one after the other, then reads both services. */
  const read = async (...batches: object[][]) => {
    const vs = await startValueStream(databaseId, {
      entities: [ledger, notifier, group],
    });
    try {
      for (const events of batches)
        expect((await vs.post('/events', { events })).status).toBe(202);
      const of = async (name: string) => {
        const items = await vs.get(
          `/entities/component/default/${name}/work-items?state=all`,
        );
        const metrics = await vs.get(
          `/entities/component/default/${name}/metrics?${WINDOW}`,
        );
        expect(items.status).toBe(200);
        expect(metrics.status).toBe(200);
        const dora = metrics.body.dora;
        return {
          items: items.body.items.map((i: { key: string }) => i.key).sort(),
          deployments: dora.deploymentFrequency.count,
          leadTime: dora.leadTimeForChanges && {
            count: dora.leadTimeForChanges.count,
            mean: dora.leadTimeForChanges.mean,
          },
        };
      };
      return { ledger: await of('ledger'), notifier: await of('notifier') };
    } finally {
      await vs.backend.stop();
    }
  };

  it('gives each service of one repository its own work items, deployments and lead time', async () => {
    expect(await read(EVENTS)).toEqual({
      ledger: {
        items: ['MONO-1', 'MONO-3', 'MONO-4'],
        deployments: 2,
        leadTime: { count: 2, mean: ((24 + 29) / 2) * H },
      },
      notifier: {
        items: ['MONO-2', 'MONO-3', 'MONO-4'],
        deployments: 3,
        leadTime: { count: 2, mean: ((30 + 29) / 2) * H },
      },
    });
  });

  it('gives the same result when the deployments arrive before the pushes and PRs', async () => {
    const deployments = EVENTS.filter(e => e.type.startsWith('deployment.'));
    const rest = EVENTS.filter(e => !e.type.startsWith('deployment.'));
    expect(await read(deployments, rest)).toEqual(await read(EVENTS));
  });

  it('refuses an over-long file list or path with a 400 naming the field', async () => {
    const vs = await startValueStream(databaseId, {
      entities: [ledger, notifier, group],
    });
    try {
      for (const files of [
        ['x'.repeat(501)],
        Array.from({ length: 3001 }, (_, i) => `f${i}`),
      ]) {
        const r = await vs.post('/events', {
          events: [push('c9c9c9c9', '02T10:00:00', 'MONO-9', files)],
        });
        expect(r.status).toBe(400);
        expect(JSON.stringify(r.body)).toContain('files');
      }
    } finally {
      await vs.backend.stop();
    }
  });

  it('keeps the repository-wide rule while files are unknown', async () => {
    const withoutFiles = EVENTS.map(e =>
      e.type === 'commit.pushed'
        ? { ...e, data: { ...e.data, files: undefined } }
        : e,
    );
    const both = ['MONO-1', 'MONO-2', 'MONO-3', 'MONO-4'];
    const result = await read(withoutFiles);
    expect(result.ledger.items).toEqual(both);
    expect(result.notifier.items).toEqual(both);
    // d1 and d3 name only the repository: both services'.
    expect(result.ledger.deployments).toBe(2);
    expect(result.notifier.deployments).toBe(4);
  });
});
