import { validateCanonicalEvent } from './events';

const updated = (iteration: unknown) => ({
  id: 'e1',
  source: 'jira',
  type: 'work_item.updated',
  occurredAt: '2026-01-02T00:00:00Z',
  data: { key: 'PAY-1', iteration },
});

describe('work_item.updated.iteration', () => {
  it('accepts an iteration, one without dates, and null (out of any iteration)', () => {
    for (const iteration of [
      {
        id: '7',
        name: 'Sprint 7',
        startAt: '2026-01-05T00:00:00Z',
        endAt: '2026-01-19T00:00:00+01:00',
      },
      {
        id: 'acme/web/milestone/v1.0',
        name: 'v1.0',
        startAt: null,
        endAt: null,
      },
      null,
    ]) {
      const r = validateCanonicalEvent(updated(iteration));
      expect(r).toMatchObject({ ok: true, event: { data: { iteration } } });
    }
  });

  it.each([
    [{ id: '', name: 'x', startAt: null, endAt: null }, 'data.iteration.id'],
    [
      { id: '7', name: 'x', startAt: 'soon', endAt: null },
      'data.iteration.startAt',
    ],
    [{ id: '7', name: 'x', startAt: null }, 'data.iteration.endAt'],
    ['Sprint 7', 'data.iteration'],
  ])('rejects %p naming %s', (iteration, field) => {
    const r = validateCanonicalEvent(updated(iteration));
    expect(r).toMatchObject({
      ok: false,
      message: expect.stringContaining(`work_item.updated: ${field}`),
    });
  });
});
