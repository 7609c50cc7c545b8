import { githubToEvents } from '.';
import { itemTypeFromLabels } from './issues';
import { example, map } from '../__testUtils__/githubExamples';

describe('workflow_run', () => {
  const base = {
    buildId: '289782451:1',
    commitSha: '3484a3fb816e0859fd6e1cea078d76385ff50625',
  };

  it('maps requested to build.started at run_started_at', () => {
    expect(map('workflow_run', example('workflow_run', 3))).toEqual([
      {
        id: 'build:octo-org/octo-repo:289782451:1:started',
        source: 'github',
        type: 'build.started',
        occurredAt: '2020-10-05T16:33:49.000Z',
        repository: 'octo-org/octo-repo',
        data: base,
      },
    ]);
  });

  it('maps completed to build.started and build.finished with the conclusion', () => {
    const events = map('workflow_run', example('workflow_run', 1));
    expect(events.map(e => [e.type, e.id, e.occurredAt])).toEqual([
      [
        'build.started',
        'build:octo-org/octo-repo:289782451:1:started',
        '2020-10-05T16:33:49.000Z',
      ],
      [
        'build.finished',
        'build:octo-org/octo-repo:289782451:1:finished',
        '2020-10-05T16:33:49.000Z',
      ],
    ]);
    expect(events[1].data).toEqual({ ...base, status: 'success' });
  });

  it('maps failure and cancelled conclusions', () => {
    const payload = example('workflow_run', 1);
    payload.workflow_run.conclusion = 'failure';
    expect(map('workflow_run', payload)[1].data.status).toBe('failure');
    payload.workflow_run.conclusion = 'cancelled';
    expect(map('workflow_run', payload)[1].data.status).toBe('canceled');
  });

  it('does not finish a run whose status is still queued', () => {
    const events = map('workflow_run', example('workflow_run', 0));
    expect(events.map(e => e.type)).toEqual(['build.started']);
    expect(events[0].data.pipeline).toBe('Manually triggered workflow');
  });
});

describe('check_suite', () => {
  it('maps completed to build.started + build.finished', () => {
    const events = map('check_suite', example('check_suite', 0));
    expect(events).toEqual([
      {
        id: 'build:Codertocat/Hello-World:check_suite:118578147:started',
        source: 'github',
        type: 'build.started',
        occurredAt: '2019-05-15T15:20:31.000Z',
        repository: 'Codertocat/Hello-World',
        data: {
          buildId: 'check_suite:118578147',
          pipeline: 'octocoders-linter',
          commitSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
        },
      },
      {
        id: 'build:Codertocat/Hello-World:check_suite:118578147:finished',
        source: 'github',
        type: 'build.finished',
        occurredAt: '2019-05-15T15:21:14.000Z',
        repository: 'Codertocat/Hello-World',
        data: {
          buildId: 'check_suite:118578147',
          pipeline: 'octocoders-linter',
          commitSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
          status: 'success',
        },
      },
    ]);
  });

  it('maps requested to build.started only', () => {
    const events = map('check_suite', example('check_suite', 4));
    expect(events.map(e => [e.type, e.occurredAt])).toEqual([
      ['build.started', '2019-05-15T15:20:33.000Z'],
    ]);
  });
});

describe('deployment and deployment_status', () => {
  const data = {
    deploymentId: '145988746',
    environment: 'production',
    commitSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
  };

  it('maps deployment created to deployment.started', () => {
    expect(map('deployment', example('deployment', 0))).toEqual([
      {
        id: 'deployment:145988746:started',
        source: 'github',
        type: 'deployment.started',
        occurredAt: '2019-05-15T15:20:53.000Z',
        repository: 'Codertocat/Hello-World',
        data,
      },
    ]);
  });

  it('maps a success status to deployment.finished', () => {
    expect(map('deployment_status', example('deployment_status', 0))).toEqual([
      {
        id: 'deployment:145988746:status:209916254',
        source: 'github',
        type: 'deployment.finished',
        occurredAt: '2019-05-15T15:20:55.000Z',
        repository: 'Codertocat/Hello-World',
        data: { ...data, status: 'success' },
      },
    ]);
  });

  it('maps failure and error to status failure, ignores in_progress', () => {
    const payload = example('deployment_status', 0);
    payload.deployment_status.state = 'error';
    expect(map('deployment_status', payload)[0].data.status).toBe('failure');
    expect(map('deployment_status', example('deployment_status', 1))).toEqual(
      [],
    );
  });
});

describe('githubToEvents', () => {
  it('answers [] for ping and events it does not use', () => {
    expect(
      githubToEvents(
        { zen: 'Keep it logically awesome.', hook_id: 1 },
        { 'x-github-event': 'ping' },
      ),
    ).toEqual([]);
    expect(map('release', example('release', 0))).toEqual([]);
  });

  it('throws an InputError without the event header', () => {
    expect(() => githubToEvents(example('push', 4), {})).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });

  it('throws an InputError for malformed payloads', () => {
    const bad = (name: string, payload: unknown) => () =>
      githubToEvents(payload, { 'x-github-event': name });
    expect(bad('push', [])).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
    expect(bad('push', { ref: 'refs/heads/main' })).toThrow(
      /repository.full_name/,
    );
    const noTime = example('push', 4);
    noTime.commits[0].timestamp = 'yesterday';
    expect(bad('push', noTime)).toThrow(/invalid commits\[\].timestamp/);
    expect(bad('pull_request', { action: 'opened' })).toThrow(/pull_request/);
    expect(
      bad('issues', {
        action: 'opened',
        issue: 5,
        repository: { full_name: 'a/b' },
      }),
    ).toThrow(expect.objectContaining({ name: 'InputError' }));
  });
});

describe('itemTypeFromLabels', () => {
  it.each([
    [['bug'], 'defect'],
    [['Security', 'bug'], 'defect'],
    [['security'], 'risk'],
    [['tech-debt'], 'debt'],
    [['refactor'], 'debt'],
    [['enhancement'], 'feature'],
    [[], 'feature'],
  ])('%j → %s', (labels, type) => {
    expect(itemTypeFromLabels(labels as string[])).toBe(type);
  });
});
