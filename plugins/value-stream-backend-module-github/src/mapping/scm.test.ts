import { example, map } from '../__testUtils__/githubExamples';

const REPO = 'Codertocat/Hello-World';

describe('push', () => {
  it('maps each commit of a branch push at its own time', () => {
    expect(map('push', example('push', 4))).toEqual([
      {
        id: `push:${REPO}:master:6113728f27ae82c7b1a177c8d03f9e96e0adf246`,
        source: 'github',
        type: 'commit.pushed',
        occurredAt: '2019-05-15T15:19:25.000Z',
        repository: REPO,
        data: {
          sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
          message: 'Initial commit',
          branch: 'master',
          defaultBranch: 'master',
          authoredAt: '2019-05-15T15:19:25.000Z',
          files: ['README.md'],
        },
      },
    ]);
  });

  it("carries each commit's added, modified and removed files, each once", () => {
    const push = example('push', 4);
    push.commits[0].added = ['services/a/new.ts'];
    push.commits[0].modified = ['services/b/x.ts', 'services/a/new.ts'];
    push.commits[0].removed = ['old.md'];
    expect(map('push', push)[0].data.files).toEqual([
      'services/a/new.ts',
      'services/b/x.ts',
      'old.md',
    ]);
    push.commits[0].added = [];
    push.commits[0].modified = [];
    push.commits[0].removed = [];
    expect(map('push', push)[0].data).not.toHaveProperty('files');
  });

  it('ignores tag pushes', () => {
    expect(map('push', example('push', 0))).toEqual([]);
  });
});

describe('pull_request', () => {
  const data = {
    number: 2,
    title: 'Update the README with new information.',
    body: 'This is a pretty simple change that we need to pull into master.',
    branch: 'changes',
  };

  it('maps opened', () => {
    expect(map('pull_request', example('pull_request', 0))).toEqual([
      {
        id: `pr:${REPO}#2:opened`,
        source: 'github',
        type: 'pull_request.opened',
        occurredAt: '2019-05-15T15:20:33.000Z',
        repository: REPO,
        data,
      },
    ]);
  });

  it('maps closed without merge to pull_request.closed', () => {
    expect(map('pull_request', example('pull_request', 3))).toEqual([
      {
        id: `pr:${REPO}#2:closed:2019-05-15T15:21:18Z`,
        source: 'github',
        type: 'pull_request.closed',
        occurredAt: '2019-05-15T15:21:18.000Z',
        repository: REPO,
        data,
      },
    ]);
  });

  it('maps a merged close to pull_request.merged with the merge commit', () => {
    // the package has no merged example: the closed one with GitHub's merge fields set
    const payload = example('pull_request', 3);
    payload.pull_request.merged = true;
    payload.pull_request.merged_at = '2019-05-15T15:21:17Z';
    expect(map('pull_request', payload)).toEqual([
      {
        id: `pr:${REPO}#2:merged`,
        source: 'github',
        type: 'pull_request.merged',
        occurredAt: '2019-05-15T15:21:17.000Z',
        repository: REPO,
        data: {
          ...data,
          mergeCommitSha: 'c4295bd74fb0f4fda03689c3df3f2803b658fd85',
        },
      },
    ]);
  });

  it('maps reopened to a new pull_request.opened', () => {
    const [event] = map('pull_request', example('pull_request', 18));
    expect(event.type).toBe('pull_request.opened');
    expect(event.id).toBe(`pr:${REPO}#2:reopened:2019-05-15T15:20:33Z`);
  });

  it('maps edited to pull_request.opened at the creation time with the new title', () => {
    const payload = example('pull_request', 0);
    payload.action = 'edited';
    payload.pull_request.title = 'HW-7 Update the README';
    payload.pull_request.updated_at = '2019-05-15T16:00:00Z';
    expect(map('pull_request', payload)).toEqual([
      {
        id: `pr:${REPO}#2:edited:2019-05-15T16:00:00Z`,
        source: 'github',
        type: 'pull_request.opened',
        occurredAt: '2019-05-15T15:20:33.000Z',
        repository: REPO,
        data: { ...data, title: 'HW-7 Update the README' },
      },
    ]);
  });

  it('ignores actions that change no stage', () => {
    expect(map('pull_request', example('pull_request', 22))).toEqual([]); // synchronize
    expect(map('pull_request', example('pull_request', 8))).toEqual([]); // labeled
  });
});

describe('pull_request_review', () => {
  it('maps a submitted review', () => {
    expect(
      map('pull_request_review', example('pull_request_review', 0)),
    ).toEqual([
      {
        id: `review:${REPO}#2:237895671`,
        source: 'github',
        type: 'pull_request.reviewed',
        occurredAt: '2019-05-15T15:20:38.000Z',
        repository: REPO,
        data: { number: 2, state: 'commented' },
      },
    ]);
  });

  it('lower-cases the review state (GitHub sends APPROVED in some payloads)', () => {
    const payload = example('pull_request_review', 0);
    payload.review.state = 'APPROVED';
    expect(map('pull_request_review', payload)[0].data.state).toBe('approved');
  });

  it('ignores dismissed reviews', () => {
    expect(
      map('pull_request_review', example('pull_request_review', 1)),
    ).toEqual([]);
  });
});

describe('issues', () => {
  const key = `${REPO}#1`;

  it('maps opened to work_item.created with the item type from labels', () => {
    expect(map('issues', example('issues', 15))).toEqual([
      {
        id: `issue:${key}:opened`,
        source: 'github',
        type: 'work_item.created',
        occurredAt: '2019-05-15T15:20:18.000Z',
        repository: REPO,
        data: {
          key,
          title: 'Spelling error in the README file',
          itemType: 'defect',
          status: 'open',
          labels: ['bug'],
        },
      },
    ]);
  });

  it('maps labeled to work_item.updated', () => {
    expect(map('issues', example('issues', 9))).toEqual([
      {
        id: `issue:${key}:labeled:2019-05-15T15:20:18Z:bug`,
        source: 'github',
        type: 'work_item.updated',
        occurredAt: '2019-05-15T15:20:18.000Z',
        repository: REPO,
        data: { key, labels: ['bug'], itemType: 'defect' },
      },
    ]);
  });

  it('maps reopened to status open', () => {
    expect(map('issues', example('issues', 20))).toEqual([
      {
        id: `issue:${key}:reopened:2021-10-11T16:40:56Z`,
        source: 'github',
        type: 'work_item.status_changed',
        occurredAt: '2021-10-11T16:40:56.000Z',
        repository: REPO,
        data: { key, from: 'closed', to: 'open' },
      },
    ]);
  });

  it('maps closed to status closed, stage Done', () => {
    // no closed example in the package: the reopened one as GitHub sends it on close
    const payload = example('issues', 20);
    payload.action = 'closed';
    payload.issue.state = 'closed';
    payload.issue.closed_at = '2021-10-12T09:00:00Z';
    expect(map('issues', payload)).toEqual([
      {
        id: `issue:${key}:closed:2021-10-12T09:00:00Z`,
        source: 'github',
        type: 'work_item.status_changed',
        occurredAt: '2021-10-12T09:00:00.000Z',
        repository: REPO,
        data: { key, from: 'open', to: 'closed', stage: 'Done' },
      },
    ]);
  });

  it('ignores assignment and pinning', () => {
    expect(map('issues', example('issues', 1))).toEqual([]);
    expect(map('issues', example('issues', 19))).toEqual([]);
  });
});
