import fs from 'node:fs';
import path from 'node:path';
import { validateCanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { jiraToEvents } from '.';
import { webhooksOfHistory } from '../import/issueHistory';

const fixture = (name: string): any =>
  JSON.parse(
    fs.readFileSync(
      path.join(__dirname, '..', '__fixtures__', `${name}.json`),
      'utf8',
    ),
  );

function map(payload: unknown) {
  const events = jiraToEvents(payload);
  for (const e of events) {
    const result = validateCanonicalEvent(e);
    if (!result.ok) throw new Error(result.message);
  }
  return events;
}

// The Sprint field as Jira Cloud's REST API gives it (`GET /rest/api/3/issue/{key}`),
// holding every sprint the issue has been in.
const SPRINTS = [
  {
    id: 126,
    name: 'TES Sprint 1',
    state: 'closed',
    boardId: 1,
    goal: '',
    startDate: '2019-02-04T09:00:00.000Z',
    endDate: '2019-02-18T09:00:00.000Z',
    completeDate: '2019-02-18T10:00:00.000Z',
  },
  {
    id: 127,
    name: 'TES Sprint 2',
    state: 'active',
    boardId: 1,
    goal: '',
    startDate: '2019-02-18T09:00:00.000Z',
    endDate: '2019-03-04T09:00:00.000Z',
  },
];
// A Sprint changelog item as Jira sends it (ids in from/to, no strings).
const SPRINT_ITEM = {
  field: 'Sprint',
  fieldtype: 'custom',
  fieldId: 'customfield_10020',
  from: '126',
  fromString: null,
  to: '126, 127',
  toString: null,
};

/** The real TES-41 "started working" webhook, turned into a sprint move. */
function sprintMove(items: object[], sprints: object[] | undefined = SPRINTS) {
  const payload = fixture('jira-issue_updated.status-in-progress');
  payload.issue.fields.customfield_10020 = sprints;
  payload.changelog.items = items;
  return payload;
}

describe('Jira sprints → iteration', () => {
  it('a Sprint change is a work_item.updated with the sprint the issue is now in', () => {
    const events = map(sprintMove([SPRINT_ITEM]));
    expect(events).toEqual([
      {
        id: `TES-41:${sprintMove([]).changelog.id}:iteration`,
        source: 'jira',
        type: 'work_item.updated',
        occurredAt: '2019-02-16T03:14:22.039Z',
        data: {
          key: 'TES-41',
          iteration: {
            id: '127',
            name: 'TES Sprint 2',
            startAt: '2019-02-18T09:00:00.000Z',
            endAt: '2019-03-04T09:00:00.000Z',
          },
        },
      },
    ]);
  });

  it('removed from every sprint: iteration null', () => {
    const [event] = map(
      sprintMove([{ ...SPRINT_ITEM, from: '127', to: '' }], []),
    );
    expect(event.data).toEqual({ key: 'TES-41', iteration: null });
  });

  it('the real webhooks, whose customfield_10020 is not a sprint list, carry no iteration', () => {
    for (const name of [
      'jira-issue_created',
      'jira-issue_updated.status-in-progress',
      'jira-issue_updated.status-done',
    ]) {
      expect(
        map(fixture(name)).filter(e => 'iteration' in (e.data as object)),
      ).toEqual([]);
    }
  });

  it('an issue created into a sprint', () => {
    const payload = fixture('jira-issue_created');
    payload.issue.fields.customfield_10020 = [SPRINTS[1]];
    const events = map(payload);
    expect(events[events.length - 1]).toEqual(
      expect.objectContaining({
        id: 'TES-41:created:iteration',
        type: 'work_item.updated',
        data: {
          key: 'TES-41',
          iteration: expect.objectContaining({ id: '127' }),
        },
      }),
    );
  });

  it('the importer rebuilds the sprints of each moment from the changelog', () => {
    // Now in sprints 126 and 127; history: put into 126 on the 16th, moved on to 127 on the 18th.
    const webhooks = webhooksOfHistory(
      {
        key: 'TES-41',
        fields: {
          summary: 'Unit test summary',
          issuetype: { name: 'Story' },
          status: { name: 'To Do', statusCategory: { key: 'new' } },
          created: '2019-02-16T03:01:53.023+0000',
          customfield_10020: SPRINTS,
        },
        histories: [
          {
            id: '1',
            created: '2019-02-16T04:00:00.000+0000',
            items: [{ ...SPRINT_ITEM, from: '', to: '126' }],
          },
          {
            id: '2',
            created: '2019-02-18T10:00:00.000+0000',
            items: [SPRINT_ITEM],
          },
        ],
      },
      () => 'new',
    );
    const events = webhooks.flatMap(w => jiraToEvents(w));
    expect(
      events
        .filter(e => e.type === 'work_item.updated')
        .map(e => [e.id, (e.data as any).iteration?.id ?? null]),
    ).toEqual([
      ['TES-41:1:iteration', '126'],
      ['TES-41:2:iteration', '127'],
    ]);
    // created before any sprint
    expect(events.some(e => e.id === 'TES-41:created:iteration')).toBe(false);
  });
});
