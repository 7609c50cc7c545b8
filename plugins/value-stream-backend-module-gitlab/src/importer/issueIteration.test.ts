import { gitlabToEvents } from '../mapping';
import { issueHooks } from './toHookPayloads';

const project = {
  id: 78,
  path_with_namespace: 'acme/shop',
  default_branch: 'main',
  web_url: 'https://gitlab.example.com/acme/shop',
};

// An issue as `GET /projects/:id/issues` lists it on Premium, with `iteration` in the shape
// of GitLab's issues.md example (title null: the cadence names it "Iteration <iid>").
const issue = {
  id: 4107,
  iid: 7,
  title: 'Pay by invoice',
  labels: [],
  state: 'opened',
  created_at: '2026-01-02T09:00:00.000Z',
  updated_at: '2026-01-06T10:00:00.000Z',
  closed_at: null,
  iteration: {
    id: 90,
    iid: 4,
    sequence: 2,
    group_id: 162,
    title: null,
    state: 2,
    start_date: '2026-01-05',
    due_date: '2026-01-18',
  },
};

describe('the importer and GitLab iterations', () => {
  it('gives the issue its current iteration from its creation', () => {
    const events = issueHooks(project, issue).flatMap(h =>
      gitlabToEvents(h, {}),
    );
    expect(events.map(e => [e.type, e.occurredAt, e.data])).toEqual([
      [
        'work_item.created',
        '2026-01-02T09:00:00.000Z',
        {
          key: 'acme/shop#7',
          title: 'Pay by invoice',
          itemType: 'feature',
          status: 'opened',
          labels: [],
        },
      ],
      [
        'work_item.updated',
        '2026-01-02T09:00:00.000Z',
        {
          key: 'acme/shop#7',
          iteration: {
            id: '90',
            name: 'Iteration 4',
            startAt: '2026-01-05T00:00:00.000Z',
            endAt: '2026-01-19T00:00:00.000Z',
          },
        },
      ],
    ]);
  });

  it('an issue in no iteration gets no iteration event', () => {
    const events = issueHooks(project, { ...issue, iteration: null }).flatMap(
      h => gitlabToEvents(h, {}),
    );
    expect(events.map(e => e.type)).toEqual(['work_item.created']);
  });
});
