import { databases, startValueStream } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const ev = (id: string, type: string, data: object) => ({
  id,
  source: 'survey',
  type,
  occurredAt: '2026-01-03T10:00:00Z',
  entityRef: 'component:default/payments',
  data,
});
const feedback = ev('fb1', 'feedback.submitted', {
  feedbackId: 'fb1',
  workItemKey: 'PAY-1',
  score: 9,
  channel: 'in-app',
  comment: 'Great, mail me at jane@example.com',
  email: 'jane@example.com',
});
const usage = ev('u1', 'usage.reported', {
  feature: 'PAY-1',
  count: 40,
  from: '2026-01-02T00:00:00Z',
  to: '2026-01-03T00:00:00Z',
});
const opened = ev('t1', 'support_ticket.opened', {
  ticketId: 'T-1',
  workItemKey: 'PAY-1',
  severity: 'high',
});
const resolved = ev('t2', 'support_ticket.resolved', {
  ticketId: 'T-1',
  workItemKey: 'PAY-1',
});

describe.each(databases.eachSupportedId())('feedback events on %p', id => {
  it('stores them under their feature, without person or free text; a repeat is a no-op', async () => {
    const vs = await startValueStream(id);
    const batch = [feedback, usage, opened, resolved];
    const first = await vs.post('/events', batch);
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ accepted: 4, duplicates: 0, ignored: 0 });
    const again = await vs.post('/events', batch);
    expect(again.body).toEqual({ accepted: 0, duplicates: 4, ignored: 0 });

    const rows = await vs
      .knex('vs_events')
      .where('source', 'survey')
      .orderBy('id')
      .select('id', 'type', 'subject', 'payload');
    expect(rows.map(r => [r.id, r.type, r.subject])).toEqual([
      ['fb1', 'feedback.submitted', 'feature:PAY-1'],
      ['t1', 'support_ticket.opened', 'feature:PAY-1'],
      ['t2', 'support_ticket.resolved', 'feature:PAY-1'],
      ['u1', 'usage.reported', 'feature:PAY-1'],
    ]);
    const stored = JSON.parse(rows[0].payload);
    expect(stored.data).toEqual({
      feedbackId: 'fb1',
      workItemKey: 'PAY-1',
      score: 9,
      channel: 'in-app',
    });
    expect(rows[0].payload).not.toContain('jane');
    await vs.backend.stop();
  });

  it.each([
    ['feedback.submitted', 'data.score', { ...feedback.data, score: 11 }],
    ['feedback.submitted', 'data.workItemKey', { score: 3, feedbackId: 'x' }],
    ['usage.reported', 'data.count', { ...usage.data, count: -2 }],
    [
      'usage.reported',
      'data.to',
      { ...usage.data, to: '2026-01-01T00:00:00Z' },
    ],
    ['support_ticket.opened', 'data.ticketId', { workItemKey: 'PAY-1' }],
    [
      'support_ticket.resolved',
      'data.ticketId',
      { ticketId: 'x'.repeat(301), workItemKey: 'PAY-1' },
    ],
  ])('%s: 400 naming %s', async (type, field, data) => {
    const vs = await startValueStream(id);
    const res = await vs.post('/events', [opened, ev('bad', type, data)]);
    expect(res.status).toBe(400);
    expect(res.body.rejected).toEqual([
      { index: 1, message: expect.stringContaining(`${field}: `) },
    ]);
    const [{ n }] = await vs.knex('vs_events').count({ n: '*' });
    expect(Number(n)).toBe(0);
    await vs.backend.stop();
  });
});
