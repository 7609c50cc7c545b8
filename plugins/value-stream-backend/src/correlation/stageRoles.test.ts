import type { StageTransition } from '@valuestream/backstage-plugin-value-stream-common';
import { databases, startValueStream } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const at = (d: string) => `2026-03-${d}Z`;
const repo = { repository: 'acme/payments' };
const events = [
  {
    id: '1',
    source: 'jira',
    type: 'work_item.created',
    occurredAt: at('01T00:00:00'),
    data: { key: 'PAY-7', title: 'x', itemType: 'feature' },
  },
  {
    id: '2',
    source: 'github',
    type: 'commit.pushed',
    occurredAt: at('02T00:00:00'),
    ...repo,
    data: { sha: '61310000', message: 'PAY-7 first', branch: 'feature/pay-7' },
  },
  {
    id: '3',
    source: 'github',
    type: 'pull_request.opened',
    occurredAt: at('03T00:00:00'),
    ...repo,
    data: { number: 4, title: 'PAY-7 x', commits: ['61310000'] },
  },
];
const stages = (review: object) => [
  { name: 'Todo', category: 'queue' },
  { name: 'Coding', category: 'active', roles: ['first_commit'] },
  { name: 'Review', category: 'wait', ...review },
  { name: 'Closed', category: 'done' },
];

describe.each(databases.eachSupportedId())('stage roles on %p', databaseId => {
  it('moves into a renamed stage that claims the role', async () => {
    const vs = await startValueStream(databaseId, {
      config: { stages: stages({ roles: ['pr_opened'] }) },
    });
    try {
      expect((await vs.post('/events', events)).status).toBe(202);
      const r = await vs.get('/work-items/PAY-7');
      expect(r.status).toBe(200);
      expect(r.body.stage).toBe('Review');
      expect(
        (r.body.transitions as StageTransition[]).map(x => [
          x.stage,
          x.enteredAt,
        ]),
      ).toEqual([
        ['Todo', at('01T00:00:00.000')],
        ['Coding', at('02T00:00:00.000')],
        ['Review', at('03T00:00:00.000')],
      ]);
    } finally {
      await vs.backend.stop();
    }
  });

  it('stops start-up on a role claimed twice or an unknown role', async () => {
    await expect(
      startValueStream(databaseId, {
        config: { stages: stages({ roles: ['first_commit'] }) },
      }),
    ).rejects.toThrow(
      'valueStream.stages: role "first_commit" is claimed by both "Coding" and "Review"',
    );
    await expect(
      startValueStream(databaseId, {
        config: { stages: stages({ roles: ['review_started'] }) },
      }),
    ).rejects.toThrow(
      'valueStream.stages[2] "Review": unknown role "review_started"',
    );
  });
});
