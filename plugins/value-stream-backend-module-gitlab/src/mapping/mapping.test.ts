import fs from 'node:fs';
import path from 'node:path';
import { validateCanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { gitlabToEvents } from '.';
import { itemTypeFromLabels } from './issue';

function fixture(name: string): any {
  return JSON.parse(
    fs.readFileSync(
      path.join(__dirname, '..', '__fixtures__', `${name}.json`),
      'utf8',
    ),
  );
}

function map(payload: unknown) {
  const events = gitlabToEvents(payload, {});
  for (const e of events) {
    const result = validateCanonicalEvent(e);
    if (!result.ok) throw new Error(result.message);
  }
  return events;
}

describe('Push Hook', () => {
  it('maps each commit at its own timestamp', () => {
    const repo = 'tomaszkolek0/my-awesome-project';
    const common = { branch: 'tomek', defaultBranch: 'master' };
    expect(map(fixture('push_hook'))).toEqual([
      {
        id: `push:${repo}:tomek:66abd2da28809ffa128ed0447965cf11d7f863a7`,
        source: 'gitlab',
        type: 'commit.pushed',
        occurredAt: '2016-08-17T19:17:54.000Z',
        repository: repo,
        data: {
          sha: '66abd2da28809ffa128ed0447965cf11d7f863a7',
          message: 'b\n',
          ...common,
          authoredAt: '2016-08-17T19:17:54.000Z',
          files: ['a.txt'],
        },
      },
      {
        id: `push:${repo}:tomek:eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9`,
        source: 'gitlab',
        type: 'commit.pushed',
        occurredAt: '2016-08-17T19:18:06.000Z',
        repository: repo,
        data: {
          sha: 'eb6ae1e591e0819dc5bf187c6bfe18ec065a80e9',
          message: 'c\n',
          ...common,
          authoredAt: '2016-08-17T19:18:06.000Z',
          files: ['a.txt'],
        },
      },
    ]);
  });

  it('ignores tag pushes', () => {
    expect(map({ ...fixture('push_hook'), ref: 'refs/tags/v1' })).toEqual([]);
  });
});

describe('Merge Request Hook', () => {
  const repo = 'tomaszkolek0/my-awesome-project';
  const data = {
    number: 3,
    title: 'New Merge Request',
    body: 'updated desc',
    branch: 'tomek',
  };

  it('maps a merge to pull_request.merged with the merge commit', () => {
    expect(map(fixture('merge_request_hook.merged'))).toEqual([
      {
        id: `mr:${repo}!3:merged`,
        source: 'gitlab',
        type: 'pull_request.merged',
        occurredAt: '2016-08-22T20:41:06.000Z',
        repository: repo,
        data: {
          ...data,
          mergeCommitSha: '5bcfb805534d13224e8fa7698a2819bf0d055f29',
        },
      },
    ]);
  });

  it('maps open, close and a title update', () => {
    const payload = fixture('merge_request_hook.merged');
    payload.object_attributes.action = 'open';
    expect(map(payload).map(e => [e.type, e.id, e.occurredAt])).toEqual([
      [
        'pull_request.opened',
        `mr:${repo}!3:opened`,
        '2016-08-22T20:27:22.000Z',
      ],
    ]);
    payload.object_attributes.action = 'close';
    expect(map(payload).map(e => [e.type, e.occurredAt])).toEqual([
      ['pull_request.closed', '2016-08-22T20:41:06.000Z'],
    ]);
    payload.object_attributes.action = 'update';
    expect(map(payload)).toEqual([]);
    payload.changes = {
      title: { previous: 'WIP', current: 'New Merge Request' },
    };
    expect(map(payload).map(e => [e.type, e.occurredAt])).toEqual([
      ['pull_request.opened', '2016-08-22T20:27:22.000Z'],
    ]);
  });
});

describe('Pipeline Hook', () => {
  it('maps a successful pipeline to build.started + build.finished', () => {
    const repo = 'TomaszKolek/my-awesome-project';
    const data = {
      buildId: '4414206',
      commitSha: '6f88e719ccde3804b1b669cef9dfb236a92fbbff',
    };
    expect(map(fixture('pipeline_hook.success'))).toEqual([
      {
        id: `pipeline:${repo}:4414206:started`,
        source: 'gitlab',
        type: 'build.started',
        occurredAt: '2016-09-28T20:04:55.000Z',
        repository: repo,
        data,
      },
      {
        id: `pipeline:${repo}:4414206:finished`,
        source: 'gitlab',
        type: 'build.finished',
        occurredAt: '2016-09-28T20:22:34.000Z',
        repository: repo,
        data: { ...data, status: 'success' },
      },
    ]);
  });

  it('takes the pipeline name of the current payload shape', () => {
    const events = map(fixture('pipeline_hook.docs-example'));
    expect(events[1]).toMatchObject({
      repository: 'gitlab-org/gitlab-test',
      occurredAt: '2016-08-12T15:26:29.000Z',
      data: {
        buildId: '31',
        pipeline: 'Pipeline for branch: master',
        commitSha: 'bcbb5ec396a2c0f828686f14fac9b80b780504f2',
        status: 'success',
      },
    });
  });

  it('maps running to build.started only, failed to failure, skipped to nothing', () => {
    const payload = fixture('pipeline_hook.success');
    payload.object_attributes.status = 'running';
    expect(map(payload).map(e => e.type)).toEqual(['build.started']);
    payload.object_attributes.status = 'failed';
    expect(map(payload)[1].data.status).toBe('failure');
    payload.object_attributes.status = 'skipped';
    expect(map(payload)).toEqual([]);
  });
});

describe('Deployment Hook', () => {
  it('maps success with the full SHA from commit_url', () => {
    expect(map(fixture('deployment_hook.success'))).toEqual([
      {
        id: 'deployment:988572802:success',
        source: 'gitlab',
        type: 'deployment.finished',
        occurredAt: '2025-05-02T11:55:16.000Z',
        repository: 'vedant8600317/test',
        data: {
          deploymentId: '988572802',
          environment: 'production',
          commitSha: '58793660b22d6ceacbdc23b28a0562bca339702c',
          status: 'success',
        },
      },
    ]);
  });

  it('maps failed to status failure and running to deployment.started', () => {
    const failed = fixture('deployment_hook.failed');
    expect(map(failed)).toEqual([
      {
        id: 'deployment:988604916:failed',
        source: 'gitlab',
        type: 'deployment.finished',
        occurredAt: '2025-05-02T12:30:19.000Z',
        repository: 'vedant8600317/test',
        data: {
          deploymentId: '988604916',
          environment: 'production',
          commitSha: '846d8de0b7b3d694954249d2fd5d87fbe8c84e4c',
          status: 'failure',
        },
      },
    ]);
    const running = { ...failed, status: 'running' };
    expect(map(running).map(e => [e.type, e.data.status])).toEqual([
      ['deployment.started', undefined],
    ]);
  });
});

describe('Issue Hook', () => {
  // No captured Issue Hook was found; this follows the field names of GitLab's
  // documented issue event, on the project of deployment_hook.success.json.
  const issueHook = (action: string, extra: object = {}) => ({
    object_kind: 'issue',
    event_type: 'issue',
    project: fixture('deployment_hook.success').project,
    object_attributes: {
      iid: 23,
      title: 'Checkout fails on empty cart',
      action,
      state: action === 'close' ? 'closed' : 'opened',
      created_at: '2025-05-01 08:00:00 UTC',
      updated_at: '2025-05-03 09:30:00 UTC',
      closed_at: action === 'close' ? '2025-05-03 09:30:00 UTC' : null,
    },
    labels: [{ id: 206, title: 'bug' }],
    ...extra,
  });
  const key = 'vedant8600317/test#23';

  it('maps open to work_item.created', () => {
    expect(map(issueHook('open'))).toEqual([
      {
        id: `issue:${key}:opened`,
        source: 'gitlab',
        type: 'work_item.created',
        occurredAt: '2025-05-01T08:00:00.000Z',
        repository: 'vedant8600317/test',
        data: {
          key,
          title: 'Checkout fails on empty cart',
          itemType: 'defect',
          status: 'opened',
          labels: ['bug'],
        },
      },
    ]);
  });

  it('maps close, reopen and label updates', () => {
    expect(map(issueHook('close'))[0]).toMatchObject({
      type: 'work_item.status_changed',
      occurredAt: '2025-05-03T09:30:00.000Z',
      data: { key, from: 'opened', to: 'closed', stage: 'Done' },
    });
    expect(map(issueHook('reopen'))[0].data).toEqual({
      key,
      from: 'closed',
      to: 'opened',
    });
    expect(map(issueHook('update'))).toEqual([]);
    expect(
      map(issueHook('update', { changes: { labels: {} } }))[0],
    ).toMatchObject({
      type: 'work_item.updated',
      data: { key, labels: ['bug'], itemType: 'defect' },
    });
  });

  it('maps an iteration change to work_item.updated.iteration, and its removal to null', () => {
    const set = issueHook('update', {
      changes: { iteration_id: { previous: null, current: 1207 } },
    });
    expect(map(set)).toEqual([
      {
        id: `issue:${key}:updated:2025-05-03 09:30:00 UTC`,
        source: 'gitlab',
        type: 'work_item.updated',
        occurredAt: '2025-05-03T09:30:00.000Z',
        repository: 'vedant8600317/test',
        data: {
          key,
          iteration: {
            id: '1207',
            name: 'Iteration 1207',
            startAt: null,
            endAt: null,
          },
        },
      },
    ]);
    const removed = issueHook('update', {
      changes: { iteration_id: { previous: 1207, current: null } },
    });
    expect(map(removed)[0].data).toEqual({ key, iteration: null });
  });

  it("takes the iteration's title and dates when the hook carries them (due date: its last day)", () => {
    const hook: any = issueHook('update', {
      changes: { iteration_id: { previous: null, current: 1207 } },
    });
    hook.object_attributes.iteration = {
      id: 1207,
      iid: 4,
      title: 'Sprint 4',
      start_date: '2025-05-05',
      due_date: '2025-05-16',
    };
    expect(map(hook)[0].data.iteration).toEqual({
      id: '1207',
      name: 'Sprint 4',
      startAt: '2025-05-05T00:00:00.000Z',
      endAt: '2025-05-17T00:00:00.000Z',
    });
  });

  it('classifies labels', () => {
    expect(itemTypeFromLabels(['type::security'])).toBe('risk');
    expect(itemTypeFromLabels(['Refactor'])).toBe('debt');
    expect(itemTypeFromLabels(['frontend'])).toBe('feature');
  });
});

describe('gitlabToEvents', () => {
  it('ignores payload kinds it does not use', () => {
    expect(map({ object_kind: 'note' })).toEqual([]);
  });

  it('throws InputError for malformed payloads', () => {
    const input = expect.objectContaining({ name: 'InputError' });
    expect(() => gitlabToEvents('x', {})).toThrow(input);
    expect(() => gitlabToEvents({}, {})).toThrow(/object_kind/);
    expect(() =>
      gitlabToEvents({ object_kind: 'push', ref: 'refs/heads/a' }, {}),
    ).toThrow(/path_with_namespace/);
    const badTime = fixture('deployment_hook.success');
    badTime.status_changed_at = 'soon';
    expect(() => gitlabToEvents(badTime, {})).toThrow(
      /invalid status_changed_at/,
    );
  });
});
