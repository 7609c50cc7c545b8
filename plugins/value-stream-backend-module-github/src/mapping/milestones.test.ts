import { example, map } from '../__testUtils__/githubExamples';
import { issueDeliveries } from '../import/payloads';
import { githubToEvents } from '.';

const REPO = 'Codertocat/Hello-World';
const key = `${REPO}#2`;
const V1 = {
  id: `${REPO}/milestone/v1.0`,
  name: 'v1.0',
  // a milestone has no start: it starts when created, and ends on its due date
  startAt: '2019-05-15T15:20:17.000Z',
  endAt: '2019-05-23T07:00:00.000Z',
};

describe('GitHub milestones → iteration', () => {
  it('maps milestoned to work_item.updated with the milestone as iteration', () => {
    expect(map('issues', example('issues', 13))).toEqual([
      {
        id: `issue:${key}:milestoned:2019-05-15T15:20:35Z:v1.0`,
        source: 'github',
        type: 'work_item.updated',
        occurredAt: '2019-05-15T15:20:35.000Z',
        repository: REPO,
        data: { key, iteration: V1 },
      },
    ]);
  });

  it('maps demilestoned to iteration null', () => {
    expect(map('issues', example('issues', 5))).toEqual([
      {
        id: `issue:${key}:demilestoned:2019-05-15T15:20:35Z:v1.0`,
        source: 'github',
        type: 'work_item.updated',
        occurredAt: '2019-05-15T15:20:35.000Z',
        repository: REPO,
        data: { key, iteration: null },
      },
    ]);
  });

  it('a milestone without a due date has no end', () => {
    const payload = example('issues', 13);
    payload.milestone.due_on = null;
    expect(map('issues', payload)[0].data.iteration).toEqual({
      ...V1,
      endAt: null,
    });
  });

  it('the importer replays the timeline: the same events as the webhooks', () => {
    const deliveries = issueDeliveries(
      { fullName: REPO },
      {
        id: 'I_2',
        number: 2,
        title: 'Spelling error in the README file',
        createdAt: '2019-05-15T15:20:18Z',
        updatedAt: '2019-05-15T15:20:35Z',
        closedAt: null,
        labels: { nodes: [] },
        milestone: {
          title: 'v1.0',
          createdAt: '2019-05-15T15:20:17Z',
          dueOn: '2019-05-23T07:00:00Z',
        },
        timelineItems: {
          pageInfo: { hasNextPage: false, endCursor: null },
          nodes: [
            {
              __typename: 'MilestonedEvent',
              createdAt: '2019-05-15T15:20:35Z',
              milestoneTitle: 'v1.0',
            },
          ],
        } as any,
      },
    );
    const imported = deliveries.flatMap(d =>
      githubToEvents(d.payload, { 'x-github-event': d.name }),
    );
    const webhook = map('issues', example('issues', 13))[0];
    expect(imported.find(e => e.id === webhook.id)).toEqual(webhook);
  });
});
