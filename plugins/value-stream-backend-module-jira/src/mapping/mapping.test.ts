import fs from 'node:fs';
import path from 'node:path';
import { validateCanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { jiraToEvents, JiraMappingOptions } from '.';
import { itemTypeOf } from './itemType';

function fixture(name: string): any {
  return JSON.parse(
    fs.readFileSync(
      path.join(__dirname, '..', '__fixtures__', `${name}.json`),
      'utf8',
    ),
  );
}

function map(payload: unknown, options?: JiraMappingOptions) {
  const events = jiraToEvents(payload, options);
  for (const e of events) {
    const result = validateCanonicalEvent(e);
    if (!result.ok) throw new Error(result.message);
  }
  return events;
}

describe('jira:issue_created', () => {
  it('maps the TES-41 story', () => {
    expect(map(fixture('jira-issue_created'))).toEqual([
      {
        id: 'TES-41:created',
        source: 'jira',
        type: 'work_item.created',
        occurredAt: '2019-02-16T03:01:53.023Z',
        data: {
          key: 'TES-41',
          title: 'Unit test summary',
          itemType: 'feature',
          priority: 'High',
          labels: ['test-label'],
          components: ['COMP-1'],
          status: 'To Do',
        },
      },
    ]);
  });

  it('maps the 2026 Cloud task', () => {
    expect(map(fixture('jira-issue_created.cloud-2026'))).toEqual([
      {
        id: 'KAN-3:created',
        source: 'jira',
        type: 'work_item.created',
        occurredAt: '2026-04-25T13:05:14.106Z',
        data: {
          key: 'KAN-3',
          title: 'This is test files',
          itemType: 'debt',
          priority: 'Medium',
          labels: [],
          components: [],
          status: 'To Do',
        },
      },
    ]);
  });

  it('takes story points from the configured field when 1–100', () => {
    const payload = fixture('jira-issue_created');
    payload.issue.fields.customfield_10026 = 8;
    expect(
      map(payload, { storyPointsField: 'customfield_10026' })[0].data.value,
    ).toBe(8);
    payload.issue.fields.customfield_10026 = 0.5;
    expect(
      map(payload, { storyPointsField: 'customfield_10026' })[0].data.value,
    ).toBeUndefined();
  });

  it('adds a status change when created in a started status', () => {
    const payload = fixture('jira-issue_created');
    payload.issue.fields.status = fixture(
      'jira-issue_updated.status-in-progress',
    ).issue.fields.status;
    expect(map(payload).map(e => [e.type, e.data.to])).toEqual([
      ['work_item.created', undefined],
      ['work_item.status_changed', 'In Progress'],
    ]);
  });
});

describe('jira:issue_updated status transitions (one journey of TES-41)', () => {
  it.each([
    [
      'jira-issue_updated.status-in-progress',
      '10227',
      '2019-02-16T03:14:22.039Z',
      'To Do',
      'In Progress',
    ],
    [
      'jira-issue_updated.status-done',
      '10228',
      '2019-02-16T03:15:40.507Z',
      'In Progress',
      'Done',
    ],
    [
      'jira-issue_updated.status-reopened',
      '10229',
      '2019-02-16T03:17:06.531Z',
      'Done',
      'To Do',
    ],
  ])('%s', (name, changeId, occurredAt, from, to) => {
    expect(map(fixture(name))).toEqual([
      {
        id: `TES-41:${changeId}:status`,
        source: 'jira',
        type: 'work_item.status_changed',
        occurredAt,
        data: { key: 'TES-41', from, to },
      },
    ]);
  });
});

describe('flags and attribute changes', () => {
  // the changelog item Jira writes when the "Flagged" field is set or cleared
  const flagged = {
    field: 'Flagged',
    fieldtype: 'custom',
    fieldId: 'customfield_10021',
    from: null,
    fromString: null,
    to: '[10019]',
    toString: 'Impediment',
  };

  it('maps Flagged set/cleared to blocked/unblocked', () => {
    const payload = fixture('jira-issue_updated.status-in-progress');
    payload.changelog.items = [flagged];
    expect(map(payload)).toEqual([
      {
        id: 'TES-41:10227:blocked',
        source: 'jira',
        type: 'work_item.blocked',
        occurredAt: '2019-02-16T03:14:22.039Z',
        data: { key: 'TES-41', reason: 'Impediment' },
      },
    ]);
    payload.changelog.items = [
      {
        ...flagged,
        from: '[10019]',
        fromString: 'Impediment',
        to: null,
        toString: null,
      },
    ];
    expect(map(payload).map(e => [e.type, e.data.reason])).toEqual([
      ['work_item.unblocked', 'Impediment'],
    ]);
  });

  it('re-sends attributes when the type, priority, summary or labels change', () => {
    const payload = fixture('jira-issue_updated.status-done');
    payload.changelog.items.push({
      field: 'issuetype',
      fieldtype: 'jira',
      fieldId: 'issuetype',
      fromString: 'Story',
      toString: 'Bug',
    });
    payload.issue.fields.issuetype.name = 'Bug';
    expect(map(payload).map(e => e.type)).toEqual([
      'work_item.status_changed',
      'work_item.updated',
    ]);
    expect(map(payload)[1].data).toEqual({
      key: 'TES-41',
      title: 'Unit test summary 1',
      itemType: 'defect',
      priority: 'High',
      labels: ['test-label'],
      components: ['COMP-1'],
    });
  });

  it('re-sends attributes, components included, when the components change', () => {
    const payload = fixture('jira-issue_updated.status-in-progress');
    // the changelog item Jira Cloud writes when a component is added
    payload.changelog.items = [
      {
        field: 'Component',
        fieldtype: 'jira',
        fieldId: 'components',
        from: null,
        fromString: null,
        to: '10001',
        toString: 'Billing',
      },
    ];
    payload.issue.fields.components.push({
      self: 'https://some-instance-test.atlassian.net/rest/api/2/component/10001',
      id: '10001',
      name: 'Billing',
    });
    expect(map(payload)).toEqual([
      expect.objectContaining({
        id: 'TES-41:10227:updated',
        type: 'work_item.updated',
        data: expect.objectContaining({
          key: 'TES-41',
          components: ['COMP-1', 'Billing'],
        }),
      }),
    ]);
  });

  it('takes only the names of well-formed components', () => {
    const payload = fixture('jira-issue_created');
    payload.issue.fields.components = [
      { id: '1', name: 'Billing' },
      { id: '2' },
      'Payments',
      null,
    ];
    expect(map(payload)[0].data.components).toEqual(['Billing']);
    delete payload.issue.fields.components;
    expect(map(payload)[0].data).not.toHaveProperty('components');
  });
});

describe('jiraToEvents', () => {
  it('ignores other webhook events', () => {
    expect(map({ webhookEvent: 'comment_created', timestamp: 1 })).toEqual([]);
  });

  it('throws InputError for malformed payloads', () => {
    expect(() => jiraToEvents([])).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
    expect(() => jiraToEvents({ webhookEvent: 'jira:issue_created' })).toThrow(
      /issue/,
    );
    const noTime = fixture('jira-issue_created');
    delete noTime.timestamp;
    expect(() => jiraToEvents(noTime)).toThrow(/timestamp/);
  });

  it.each([
    ['Bug', 'defect'],
    ['Story', 'feature'],
    ['Epic', 'feature'],
    ['Task', 'debt'],
    ['Improvement', 'debt'],
    ['Tech Debt', 'debt'],
    ['Vulnerability', 'risk'],
    ['Security', 'risk'],
    ['Sub-task', 'feature'],
  ])('issue type %s → %s', (name, type) => {
    expect(itemTypeOf(name)).toBe(type);
  });
});
