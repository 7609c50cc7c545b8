import pushFixture from '../__fixtures__/push_hook.json';
import { apiProject, type FakeProject } from './fakeGitlab';

/** A project the fake serves, with nothing in it yet. */
export const empty = (
  id: number,
  path: string,
  webUrl: string,
): FakeProject => ({
  project: apiProject({ id, path, web_url: webUrl, default_branch: 'master' }),
  mergeRequests: [],
  commits: {},
  issues: [],
  pipelines: [],
  deployments: [],
});

/** The facts of the webhook fixtures (src/__fixtures__), as the REST API reports them afterwards. */
export function fixtureProjects(): FakeProject[] {
  const awesome = empty(
    1534233,
    'tomaszkolek0/my-awesome-project',
    'https://gitlab.com/tomaszkolek0/my-awesome-project',
  );
  awesome.mergeRequests.push({
    iid: 3,
    title: 'New Merge Request',
    description: 'updated desc',
    state: 'merged',
    source_branch: 'tomek',
    target_branch: 'master',
    created_at: '2016-08-22T20:27:22.000Z',
    updated_at: '2016-08-22T20:41:06.000Z',
    merged_at: '2016-08-22T20:41:06.000Z',
    merge_commit_sha: '5bcfb805534d13224e8fa7698a2819bf0d055f29',
  });
  // Not in the webhook fixture (approval hooks carry no time): one approval of !3.
  awesome.approvals = {
    3: [
      {
        userId: 670043,
        username: 'tomaszkolek0',
        approved_at: '2016-08-22T20:35:00.000Z',
      },
    ],
  };
  // MR 3's diffs: the file its commits change (the Push Hook fixture's).
  awesome.diffs = { 3: ['a.txt'] };
  awesome.commits[3] = pushFixture.commits.map(c => ({
    id: c.id,
    message: c.message,
    committed_date: c.timestamp,
  }));
  const pipelines = empty(
    4,
    'TomaszKolek/my-awesome-project',
    'https://gitlab.com/TomaszKolek/my-awesome-project',
  );
  pipelines.pipelines.push({
    id: 4414206,
    sha: '6f88e719ccde3804b1b669cef9dfb236a92fbbff',
    ref: 'master',
    status: 'success',
    created_at: '2016-09-28T20:04:55.000Z',
    updated_at: '2016-09-28T20:22:34.000Z',
    finished_at: '2016-09-28T20:22:34.000Z',
  });
  const docs = empty(
    1,
    'gitlab-org/gitlab-test',
    'http://192.168.64.1:3005/gitlab-org/gitlab-test',
  );
  docs.pipelines.push({
    id: 31,
    iid: 3,
    name: 'Pipeline for branch: master',
    sha: 'bcbb5ec396a2c0f828686f14fac9b80b780504f2',
    ref: 'master',
    status: 'success',
    created_at: '2016-08-12T15:23:28.000Z',
    updated_at: '2016-08-12T15:26:29.000Z',
    finished_at: '2016-08-12T15:26:29.000Z',
  });
  const vedant = empty(
    69310893,
    'vedant8600317/test',
    'https://gitlab.com/vedant8600317/test',
  );
  vedant.deployments.push(
    {
      id: 988572802,
      sha: '58793660b22d6ceacbdc23b28a0562bca339702c',
      ref: 'master',
      environment: 'production',
      status: 'success',
      created_at: '2025-05-02T11:54:00.000Z',
      started_at: '2025-05-02T11:54:30.000Z',
      updated_at: '2025-05-02T11:55:16.000Z',
    },
    {
      id: 988604916,
      sha: '846d8de0b7b3d694954249d2fd5d87fbe8c84e4c',
      ref: 'master',
      environment: 'production',
      status: 'failed',
      created_at: '2025-05-02T12:29:00.000Z',
      started_at: '2025-05-02T12:29:40.000Z',
      updated_at: '2025-05-02T12:30:19.000Z',
    },
  );
  vedant.issues.push({
    iid: 23,
    title: 'Checkout fails on empty cart',
    state: 'closed',
    labels: ['bug'],
    created_at: '2025-05-01T08:00:00.000Z',
    updated_at: '2025-05-03T09:30:00.000Z',
    closed_at: '2025-05-03T09:30:00.000Z',
  });
  return [awesome, pipelines, docs, vedant];
}
