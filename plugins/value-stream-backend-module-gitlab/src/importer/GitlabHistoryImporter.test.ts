import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import type { ImportPage } from '@valuestream/backstage-plugin-value-stream-node';
import deploymentFailed from '../__fixtures__/deployment_hook.failed.json';
import deploymentSuccess from '../__fixtures__/deployment_hook.success.json';
import mergeRequestMerged from '../__fixtures__/merge_request_hook.merged.json';
import pipelineDocs from '../__fixtures__/pipeline_hook.docs-example.json';
import pipelineSuccess from '../__fixtures__/pipeline_hook.success.json';
import pushFixture from '../__fixtures__/push_hook.json';
import { empty, fixtureProjects } from './fixtureProjects';
import { gitlabToEvents } from '../mapping';
import { startFakeGitlab, type FakeProject } from './fakeGitlab';
import { GitlabHistoryImporter } from './GitlabHistoryImporter';

const TOKEN = 'glpat-test';
const HOST = 'gitlab.example.com';
const SINCE = new Date('2016-01-01T00:00:00Z');

type Fake = Awaited<ReturnType<typeof startFakeGitlab>>;
let fake: Fake;
afterEach(() => fake?.close());

const importer = (token = TOKEN) =>
  GitlabHistoryImporter.fromConfig(
    new ConfigReader({
      integrations: {
        gitlab: [{ host: HOST, apiBaseUrl: fake.apiBaseUrl, token }],
      },
    }),
    { backoffMs: 20, timeoutMs: 300 },
  );

async function run(
  scope: string,
  options: {
    cursor?: string | null;
    token?: string;
    stopAfter?: number;
    onPage?: (page: ImportPage) => void;
  } = {},
) {
  const pages: ImportPage[] = [];
  for await (const page of importer(options.token).pages({
    entityRef: 'component:default/x',
    scope: `${HOST}/${scope}`,
    cursor: options.cursor ?? null,
    since: SINCE,
    signal: new AbortController().signal,
    logger: mockServices.logger.mock(),
  })) {
    pages.push(page);
    options.onPage?.(page);
    if (pages.length === options.stopAfter) break;
  }
  return pages;
}

const byId = (events: CanonicalEvent[]) =>
  [...events].sort((a, b) => a.id.localeCompare(b.id));
const webhook = (...payloads: object[]) =>
  byId(payloads.flatMap(p => gitlabToEvents(p, {})));
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

const events = (pages: ImportPage[]) => byId(pages.flatMap(p => p.events));

describe('GitlabHistoryImporter, same facts as the webhooks', () => {
  beforeEach(async () => {
    fake = await startFakeGitlab({ token: TOKEN, projects: fixtureProjects() });
  });

  it('gives the events of the merged MR, the push of its commits and its approval, in 8 requests', async () => {
    const opened = clone(mergeRequestMerged);
    opened.object_attributes.action = 'open';
    const pages = await run('tomaszkolek0/my-awesome-project');
    const repository = 'tomaszkolek0/my-awesome-project';
    // Files (DESIGN §13) differ by path: a push lists each commit's, the import reads the
    // MR's diffs instead (hooks of an MR carry none, the REST commit list neither).
    const files = (list: CanonicalEvent[]) =>
      list.map(e => [e.type, e.data.files]);
    expect(files(events(pages))).toEqual([
      ['pull_request.reviewed', undefined],
      ['pull_request.merged', ['a.txt']],
      ['pull_request.opened', ['a.txt']],
      ['commit.pushed', undefined],
      ['commit.pushed', undefined],
    ]);
    expect(files(webhook(pushFixture)).every(([, f]) => f !== undefined)).toBe(
      true,
    );
    const noFiles = (list: CanonicalEvent[]) =>
      list.map(({ data: { files: _f, ...data }, ...e }) => ({ ...e, data }));
    expect(noFiles(events(pages))).toEqual(
      noFiles(
        byId([
          ...webhook(opened, mergeRequestMerged, pushFixture),
          {
            id: `mr:${repository}!3:approved:670043`,
            source: 'gitlab',
            type: 'pull_request.reviewed',
            occurredAt: '2016-08-22T20:35:00.000Z',
            repository,
            data: { number: 3, state: 'approved' },
          },
        ]),
      ),
    );
    // project, MRs, MR 3's commits, diffs and approvals, issues, pipelines, deployments
    expect(fake.requests.map(r => r.split('?')[0])).toEqual([
      '/projects/tomaszkolek0%2Fmy-awesome-project',
      '/projects/1534233/merge_requests',
      '/projects/1534233/merge_requests/3/commits',
      '/projects/1534233/merge_requests/3/diffs',
      '/projects/1534233/merge_requests/3/approvals',
      '/projects/1534233/issues',
      '/projects/1534233/pipelines',
      '/projects/1534233/deployments',
    ]);
    expect(fake.requests[1]).toContain(
      'updated_after=2016-01-01T00%3A00%3A00.000Z',
    );
    expect(fake.requests[1]).toContain('per_page=100');
    expect(
      pages.map(p => [p.items, p.cursor && JSON.parse(p.cursor).phase]),
    ).toEqual([
      [1, 'issues'],
      [0, 'pipelines'],
      [0, 'deployments'],
      [0, null],
    ]);
  });

  it('gives the events of the finished pipelines (read one by one for finished_at)', async () => {
    expect(events(await run('TomaszKolek/my-awesome-project'))).toEqual(
      webhook(pipelineSuccess),
    );
    expect(events(await run('gitlab-org/gitlab-test'))).toEqual(
      webhook(pipelineDocs),
    );
    expect(fake.requests).toContainEqual('/projects/1/pipelines/31');
  });

  it('gives the events of the deployment hooks and of the issue hooks', async () => {
    const running = (hook: typeof deploymentSuccess, at: string) => ({
      ...hook,
      status: 'running',
      status_changed_at: at,
    });
    const issueHook = (action: string) => ({
      object_kind: 'issue',
      project: deploymentSuccess.project,
      labels: [{ id: 206, title: 'bug' }],
      object_attributes: {
        iid: 23,
        title: 'Checkout fails on empty cart',
        action,
        created_at: '2025-05-01 08:00:00 UTC',
        updated_at: '2025-05-03 09:30:00 UTC',
        closed_at: action === 'close' ? '2025-05-03 09:30:00 UTC' : null,
      },
    });
    expect(events(await run('vedant8600317/test'))).toEqual(
      webhook(
        deploymentSuccess,
        deploymentFailed,
        running(deploymentSuccess, '2025-05-02 11:54:30 +0000'),
        running(deploymentFailed, '2025-05-02 12:29:40 +0000'),
        issueHook('open'),
        issueHook('close'),
      ),
    );
  });

  it('fails with a message naming the integration and the scope when the token is refused', async () => {
    await expect(
      run('vedant8600317/test', { token: 'revoked' }),
    ).rejects.toThrow(
      'integrations.gitlab (gitlab.example.com) GET /projects/vedant8600317%2Ftest: 401 Unauthorized; the token needs the read_api scope and at least the Reporter role on the project',
    );
    await expect(run('nobody/nothing')).rejects.toMatchObject({
      name: 'ImportFailedError',
      message: expect.stringContaining(
        ': 404 Project Not Found; the token needs the read_api scope',
      ),
    });
  });
});

describe('GitlabHistoryImporter, pages and faults', () => {
  const PATH = 'team/big';
  function bigProject(mergeRequests: number): FakeProject {
    const p = empty(77, PATH, 'https://gitlab.example.com/team/big');
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    for (let iid = 1; iid <= mergeRequests; iid++) {
      const at = new Date(t0 + iid * 60_000).toISOString();
      p.mergeRequests.push({
        iid,
        title: `Change ${iid}`,
        state: 'opened',
        source_branch: `feature/${iid}`,
        created_at: at,
        updated_at: at,
      });
      p.commits[iid] = [
        {
          id: `${iid}`.padStart(40, 'a'),
          message: `c${iid}`,
          committed_date: at,
        },
      ];
    }
    return p;
  }

  it('pages MRs 100 at a time from the last update read, in the cursor; a resumed run gives the rest', async () => {
    fake = await startFakeGitlab({ token: TOKEN, projects: [bigProject(250)] });
    const whole = await run(PATH);
    // each page after the first starts at the last MR read, which is not given twice
    expect(whole.map(p => [p.items, p.total])).toEqual([
      [100, 250],
      [99, 250],
      [51, 250],
      [0, 250],
      [0, 250],
      [0, 250],
    ]);
    expect(events(whole)).toHaveLength(500); // opened + one pushed commit per MR
    // 1 project + 3 MR pages + 250 commit lists, diffs and approvals + issues, pipelines, deployments
    expect(fake.requests).toHaveLength(757);
    expect(
      fake.requests[
        fake.requests.indexOf('/projects/77/merge_requests/100/approvals') + 1
      ],
    ).toContain(
      `updated_after=${encodeURIComponent('2026-01-01T01:40:00.000Z')}`,
    );

    const first = await run(PATH, { stopAfter: 2 });
    expect(JSON.parse(first[1].cursor!)).toEqual({
      phase: 'merge_requests',
      at: { after: '2026-01-01T03:19:00.000Z', skip: [1199], page: 1 },
      done: 0,
      read: 199,
    });
    const rest = await run(PATH, { cursor: first[1].cursor });
    expect(rest[0].items).toBe(51);
    expect(events([...first, ...rest])).toEqual(events(whole));
  });

  it('misses no MR when one already read is updated during the run (it moves to the end)', async () => {
    const project = bigProject(250);
    fake = await startFakeGitlab({ token: TOKEN, projects: [project] });
    let updated = false;
    const pages = await run(PATH, {
      onPage: () => {
        if (updated) return;
        updated = true;
        // with page=2 next, MR 101 would now be the 100th of the list: on the page read
        project.mergeRequests[49].updated_at = '2026-06-01T00:00:00.000Z';
      },
    });
    const opened = new Set(
      pages
        .flatMap(p => p.events)
        .filter(e => e.type === 'pull_request.opened')
        .map(e => e.data.number),
    );
    expect(opened.size).toBe(250);
    expect(pages.slice(0, 3).map(p => p.items)).toEqual([100, 99, 52]);
  });

  it('goes on by page when a whole page shares one updated_at (a bulk edit)', async () => {
    const project = bigProject(150);
    for (const mr of project.mergeRequests.slice(0, 120))
      mr.updated_at = '2025-12-01T00:00:00.000Z';
    fake = await startFakeGitlab({ token: TOKEN, projects: [project] });
    const pages = await run(PATH);
    // the second request starts at the shared time and gives the 100 read again
    expect(pages.slice(0, 3).map(p => p.items)).toEqual([100, 0, 50]);
    expect(JSON.parse(pages[0].cursor!).at).toEqual({
      after: '2025-12-01T00:00:00.000Z',
      skip: Array.from({ length: 100 }, (_, i) => 1001 + i),
      page: 1,
    });
    const opened = new Set(
      pages
        .flatMap(p => p.events)
        .filter(e => e.type === 'pull_request.opened')
        .map(e => e.data.number),
    );
    expect(opened.size).toBe(150);
  });

  it('gives every close and reopen of an issue from its state events, as the issue hooks would', async () => {
    const project = empty(78, PATH, 'https://gitlab.example.com/team/big');
    project.issues.push({
      iid: 7,
      title: 'Flaky checkout',
      state: 'closed',
      labels: ['bug'],
      created_at: '2026-02-01T10:00:00.000Z',
      updated_at: '2026-02-05T09:00:00.250Z',
      closed_at: '2026-02-05T09:00:00.250Z',
    });
    project.stateEvents = {
      7: [
        { state: 'closed', created_at: '2026-02-02T10:00:00.120Z' },
        { state: 'reopened', created_at: '2026-02-03T11:30:00.900Z' },
        { state: 'closed', created_at: '2026-02-05T09:00:00.250Z' },
      ],
    };
    fake = await startFakeGitlab({ token: TOKEN, projects: [project] });
    const hook = (action: string, updatedAt: string) => ({
      object_kind: 'issue',
      project: { path_with_namespace: PATH },
      labels: [{ title: 'bug' }],
      object_attributes: {
        iid: 7,
        title: 'Flaky checkout',
        action,
        created_at: '2026-02-01 10:00:00 UTC',
        updated_at: updatedAt,
        closed_at: action === 'close' ? updatedAt : null,
      },
    });
    expect(events(await run(PATH))).toEqual(
      webhook(
        hook('open', '2026-02-01 10:00:00 UTC'),
        hook('close', '2026-02-02 10:00:00 UTC'),
        hook('reopen', '2026-02-03 11:30:00 UTC'),
        hook('close', '2026-02-05 09:00:00 UTC'),
      ),
    );
    expect(fake.requests).toContainEqual(
      expect.stringMatching(
        /^\/projects\/78\/issues\/7\/resource_state_events\?/,
      ),
    );
  });

  describe('iterations (Premium)', () => {
    const sprint4 = {
      id: 90,
      iid: 4,
      group_id: 162,
      title: null,
      state: 3,
      start_date: '2026-03-02',
      due_date: '2026-03-15',
    };
    const sprint5 = {
      id: 91,
      iid: 5,
      group_id: 162,
      title: 'Sprint 5',
      state: 2,
      start_date: '2026-03-16',
      due_date: '2026-03-29',
    };
    const withIssue = () => {
      const project = empty(78, PATH, 'https://gitlab.example.com/team/big');
      project.issues.push({
        iid: 9,
        title: 'Invoice export',
        state: 'opened',
        created_at: '2026-03-01T08:00:00.000Z',
        updated_at: '2026-03-16T08:30:00.000Z',
        iteration: sprint5,
      });
      return project;
    };
    const created = [
      'issue:team/big#9:opened',
      'work_item.created',
      '2026-03-01T08:00:00.000Z',
      {
        key: 'team/big#9',
        title: 'Invoice export',
        itemType: 'feature',
        status: 'opened',
        labels: [],
      },
    ];
    const rows = (list: CanonicalEvent[]) =>
      list.map(e => [e.id, e.type, e.occurredAt, e.data]);
    const iterationRequests = () =>
      fake.requests.filter(r => r.includes('/resource_iteration_events'));

    it('gives each add and remove of the iteration events at its time: in sprint 4, out, in sprint 5', async () => {
      const project = withIssue();
      project.iterationEvents = {
        9: [
          {
            action: 'add',
            created_at: '2026-03-02T09:15:30.400Z',
            iteration: sprint4,
          },
          {
            action: 'remove',
            created_at: '2026-03-10T17:00:00.000Z',
            iteration: sprint4,
          },
          {
            action: 'add',
            created_at: '2026-03-16T08:30:00.000Z',
            iteration: sprint5,
          },
        ],
      };
      fake = await startFakeGitlab({ token: TOKEN, projects: [project] });
      expect(rows(events(await run(PATH)))).toEqual([
        created,
        [
          'issue:team/big#9:updated:2026-03-02 09:15:30 UTC',
          'work_item.updated',
          '2026-03-02T09:15:30.000Z',
          {
            key: 'team/big#9',
            iteration: {
              id: '90',
              name: 'Iteration 4',
              startAt: '2026-03-02T00:00:00.000Z',
              endAt: '2026-03-16T00:00:00.000Z',
            },
          },
        ],
        [
          'issue:team/big#9:updated:2026-03-10 17:00:00 UTC',
          'work_item.updated',
          '2026-03-10T17:00:00.000Z',
          { key: 'team/big#9', iteration: null },
        ],
        [
          'issue:team/big#9:updated:2026-03-16 08:30:00 UTC',
          'work_item.updated',
          '2026-03-16T08:30:00.000Z',
          {
            key: 'team/big#9',
            iteration: {
              id: '91',
              name: 'Sprint 5',
              startAt: '2026-03-16T00:00:00.000Z',
              endAt: '2026-03-30T00:00:00.000Z',
            },
          },
        ],
      ]);
      expect(iterationRequests()).toEqual([
        '/projects/78/issues/9/resource_iteration_events?per_page=100&page=1',
      ]);
    });

    it('a move (remove and add in one second) is one change, to the added iteration', async () => {
      const project = withIssue();
      project.iterationEvents = {
        9: [
          {
            action: 'remove',
            created_at: '2026-03-16T08:30:00.100Z',
            iteration: sprint4,
          },
          {
            action: 'add',
            created_at: '2026-03-16T08:30:00.200Z',
            iteration: sprint5,
          },
        ],
      };
      fake = await startFakeGitlab({ token: TOKEN, projects: [project] });
      const updated = events(await run(PATH)).filter(
        e => e.type === 'work_item.updated',
      );
      expect(
        updated.map(e => [
          e.occurredAt,
          (e.data.iteration as { id: string } | null)?.id,
        ]),
      ).toEqual([['2026-03-16T08:30:00.000Z', '91']]);
    });

    it.each([
      ['404 (older GitLab)', undefined],
      ['403 (not Premium)', 403],
    ])(
      'on a %s falls back to the current iteration from the creation, and asks once a run',
      async (_name, status) => {
        const project = withIssue();
        project.issues.push({
          ...project.issues[0],
          iid: 10,
          title: 'Invoice import',
          iteration: null,
        });
        fake = await startFakeGitlab({ token: TOKEN, projects: [project] });
        if (status)
          fake.fail({
            path: '/projects/78/issues/9/resource_iteration_events',
            status,
          });
        const got = rows(events(await run(PATH)));
        expect(got.filter(r => String(r[0]).includes('#9'))).toEqual([
          created,
          [
            'issue:team/big#9:updated:2026-03-01 08:00:00 UTC',
            'work_item.updated',
            '2026-03-01T08:00:00.000Z',
            {
              key: 'team/big#9',
              iteration: {
                id: '91',
                name: 'Sprint 5',
                startAt: '2026-03-16T00:00:00.000Z',
                endAt: '2026-03-30T00:00:00.000Z',
              },
            },
          ],
        ]);
        expect(
          got.filter(r => String(r[0]).includes('#10')).map(r => r[1]),
        ).toEqual(['work_item.created']);
        // issue 10 (in no iteration, changed since its creation) is not asked after the 4xx
        expect(iterationRequests()).toHaveLength(1);
      },
    );

    it('asks nothing for an issue unchanged since its creation, or where GitLab lists no iteration', async () => {
      const project = withIssue();
      project.issues[0].updated_at = project.issues[0].created_at;
      project.issues.push({
        iid: 10,
        title: 'No iterations here',
        state: 'opened',
        created_at: '2026-03-01T08:00:00.000Z',
        updated_at: '2026-03-05T08:00:00.000Z',
      });
      project.iterationEvents = {};
      fake = await startFakeGitlab({ token: TOKEN, projects: [project] });
      await run(PATH);
      expect(iterationRequests()).toEqual([]);
    });
  });

  it("leaves out the commits of a fork's MR (pushed to the fork, not here)", async () => {
    const project = bigProject(2);
    project.mergeRequests[1].source_project_id = 999;
    project.mergeRequests[1].source_branch = 'main';
    fake = await startFakeGitlab({ token: TOKEN, projects: [project] });
    const pushed = events(await run(PATH)).filter(
      e => e.type === 'commit.pushed',
    );
    expect(pushed.map(e => e.data.branch)).toEqual(['feature/1']);
    expect(
      fake.requests.some(r => r.includes('/merge_requests/2/commits')),
    ).toBe(false);
  });

  it('waits out a 429 for its Retry-After and retries a 502 and a timeout', async () => {
    fake = await startFakeGitlab({ token: TOKEN, projects: [bigProject(2)] });
    fake.fail({
      path: '/projects/77/merge_requests',
      status: 429,
      body: { message: 'Retry later' },
      headers: { 'retry-after': '1' },
    });
    fake.fail({
      path: '/projects/77/merge_requests/1/commits',
      status: 502,
      body: { message: '502 Bad Gateway' },
    });
    fake.fail({ path: '/projects/77/issues', status: 0, hang: true });
    const started = Date.now();
    const pages = await run(PATH);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(events(pages)).toHaveLength(4);
    const paths = fake.requests.map(r => r.split('?')[0]);
    expect(paths.filter(p => p === '/projects/77/merge_requests')).toHaveLength(
      2,
    );
    expect(
      paths.filter(p => p === '/projects/77/merge_requests/1/commits'),
    ).toHaveLength(2);
    expect(paths.filter(p => p === '/projects/77/issues')).toHaveLength(2);
  });
});

describe('GitlabHistoryImporter, what retrying cannot fix', () => {
  beforeEach(async () => {
    fake = await startFakeGitlab({ token: TOKEN, projects: fixtureProjects() });
  });

  it('fails on a cursor it cannot read', async () => {
    for (const cursor of [
      '{not json',
      '{"phase":"wikis","at":{"after":null,"skip":[],"page":1}}',
    ])
      await expect(run('vedant8600317/test', { cursor })).rejects.toMatchObject(
        {
          name: 'ImportFailedError',
          message: `unreadable GitLab import cursor ${cursor}`,
        },
      );
  });
});

describe('GitlabHistoryImporter.scopes', () => {
  const entity = (annotations: Record<string, string>) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x', annotations },
  });
  const scopes = (config: object, annotations: Record<string, string>) =>
    GitlabHistoryImporter.fromConfig(new ConfigReader(config)).scopes(
      entity(annotations),
    );
  const apiBaseUrl = `https://${HOST}/api/v4`;
  const withToken = {
    integrations: { gitlab: [{ host: HOST, apiBaseUrl, token: TOKEN }] },
  };

  it('names host and project when an integration with a token serves the host', () => {
    expect(
      scopes(withToken, {
        'gitlab.com/project-slug': 'group/sub/app',
        'gitlab.com/instance': HOST,
      }),
    ).toEqual([`${HOST}/group/sub/app`]);
    expect(
      scopes(
        { integrations: { gitlab: [{ host: 'gitlab.com', token: TOKEN }] } },
        {
          'gitlab.com/project-slug': 'group/app',
        },
      ),
    ).toEqual(['gitlab.com/group/app']);
  });

  it('is empty without the annotation, an integration for the host, or a token', () => {
    expect(scopes(withToken, { 'gitlab.com/instance': HOST })).toEqual([]);
    expect(
      scopes(withToken, { 'gitlab.com/project-slug': 'group/app' }),
    ).toEqual([]);
    expect(scopes({}, { 'gitlab.com/project-slug': 'group/app' })).toEqual([]);
    const noToken = { integrations: { gitlab: [{ host: HOST, apiBaseUrl }] } };
    expect(
      scopes(noToken, {
        'gitlab.com/project-slug': 'group/app',
        'gitlab.com/instance': HOST,
      }),
    ).toEqual([]);
    expect(
      scopes(withToken, {
        'gitlab.com/project-slug': 'app',
        'gitlab.com/instance': HOST,
      }),
    ).toEqual([]);
  });
});
