import { apiProject, startFakeGitlab } from './fakeGitlab';
import { GitlabApi } from './GitlabApi';

const TOKEN = 'glpat-test';
type Fake = Awaited<ReturnType<typeof startFakeGitlab>>;
let fake: Fake;
beforeEach(async () => {
  fake = await startFakeGitlab({
    token: TOKEN,
    projects: [
      {
        project: apiProject({
          id: 5,
          path: 'g/p',
          web_url: 'https://h/g/p',
          default_branch: 'main',
        }),
        mergeRequests: [],
        commits: {},
        issues: [],
        pipelines: [],
        deployments: [],
      },
    ],
  });
});
afterEach(() => fake.close());

const api = (extra: Partial<ConstructorParameters<typeof GitlabApi>[0]> = {}) =>
  new GitlabApi({
    apiBaseUrl: fake.apiBaseUrl,
    host: 'gitlab.example.com',
    token: TOKEN,
    backoffMs: 10,
    timeoutMs: 300,
    ...extra,
  });

describe('GitlabApi', () => {
  it('sends the token in PRIVATE-TOKEN and counts requests', async () => {
    const client = api();
    expect(await client.get('/projects/g%2Fp')).toMatchObject({
      path_with_namespace: 'g/p',
    });
    expect(client.requests).toBe(1);
  });

  it('waits for RateLimit-Reset after RateLimit-Remaining: 0, before the next request', async () => {
    const waits: string[] = [];
    const client = api({ maxWaitMs: 150, onWait: w => waits.push(w.reason) });
    fake.setRemaining(0);
    await client.get('/projects/5');
    expect(waits).toEqual([]);
    const started = Date.now();
    await client.get('/projects/5');
    expect(waits).toEqual(['RateLimit-Remaining is 0']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('gives up on 5xx after its retries', async () => {
    // a 500: gitlab.com sends RateLimit-Reset on every answer, and a 503 with one is waited out
    fake.fail({
      path: '/projects/5',
      status: 500,
      body: { message: 'down' },
      times: 10,
    });
    await expect(api({ retries: 2 }).get('/projects/5')).rejects.toThrow(
      'integrations.gitlab (gitlab.example.com) GET /projects/5: 500 down after 2 retries',
    );
    expect(fake.requests).toHaveLength(3);
  });

  it('fails at once on 403 naming the right, and on other 4xx', async () => {
    fake.fail({
      path: '/projects/5',
      status: 403,
      body: { message: '403 Forbidden' },
    });
    await expect(api().get('/projects/5')).rejects.toThrow(
      'integrations.gitlab (gitlab.example.com) GET /projects/5: 403 Forbidden; the token needs the read_api scope and at least the Reporter role on the project',
    );
    fake.fail({
      path: '/projects/5',
      status: 400,
      body: { error: 'page is invalid' },
    });
    await expect(api().get('/projects/5')).rejects.toMatchObject({
      name: 'ImportFailedError',
      message: expect.stringContaining('400 page is invalid'),
    });
    expect(fake.requests).toHaveLength(2);
  });

  it('stops waiting when the signal aborts', async () => {
    const controller = new AbortController();
    fake.fail({
      path: '/projects/5',
      status: 429,
      headers: { 'retry-after': '30' },
    });
    const pending = api({ signal: controller.signal }).get('/projects/5');
    setTimeout(() => controller.abort(new Error('lease lost')), 50);
    await expect(pending).rejects.toThrow('lease lost');
  });
});
