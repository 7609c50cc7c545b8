import { validateCanonicalEvent } from './events';
import { featureKeyOf } from './feedbackEvents';

const event = (type: string, data: Record<string, unknown>) => ({
  id: 'f1',
  source: 'survey',
  type,
  occurredAt: '2026-01-02T00:00:00Z',
  data,
});
const message = (type: string, data: Record<string, unknown>) => {
  const r = validateCanonicalEvent(event(type, data));
  return r.ok ? undefined : r.message;
};

describe('feedback.submitted', () => {
  it('accepts a 0–10 integer score for a feature', () => {
    for (const score of [0, 6, 9, 10]) {
      const r = validateCanonicalEvent(
        event('feedback.submitted', {
          feedbackId: 'a',
          feature: 'PAY-1',
          score,
        }),
      );
      expect(r.ok && r.known).toBe(true);
    }
  });

  it.each([
    [{ feedbackId: 'a', feature: 'PAY-1', score: 11 }, 'data.score'],
    [{ feedbackId: 'a', feature: 'PAY-1', score: -1 }, 'data.score'],
    [{ feedbackId: 'a', feature: 'PAY-1', score: 7.5 }, 'data.score'],
    [{ feedbackId: 'a', feature: 'PAY-1', score: '9' }, 'data.score'],
    [{ feedbackId: 'a', feature: 'PAY-1' }, 'data.score'],
    [{ feature: 'PAY-1', score: 9 }, 'data.feedbackId'],
    [{ feedbackId: 'a', score: 9 }, 'data.workItemKey'],
    [
      { feedbackId: 'a', feature: 'the new checkout', score: 9 },
      'data.feature',
    ],
    [
      { feedbackId: 'a', workItemKey: 'PAY-1', score: 9, channel: 'a b' },
      'data.channel',
    ],
  ])('rejects %p naming %s', (data, field) => {
    expect(message('feedback.submitted', data)).toMatch(
      new RegExp(`^feedback\\.submitted: ${field.replace('.', '\\.')}: `),
    );
  });

  it('says what is wrong (the message docs/api.md shows)', () => {
    expect(
      message('feedback.submitted', {
        feedbackId: 'a',
        workItemKey: 'PAY-12',
        score: 11,
      }),
    ).toBe(
      'feedback.submitted: data.score: Too big: expected number to be <=10',
    );
  });

  it('stores no person and no free text: unknown fields are dropped', () => {
    const r = validateCanonicalEvent(
      event('feedback.submitted', {
        feedbackId: 'a',
        workItemKey: 'PAY-1',
        score: 9,
        channel: 'in-app',
        comment: 'Love it, call me',
        email: 'jane@example.com',
        user: { name: 'Jane' },
      }),
    );
    expect(r.ok && r.event.data).toEqual({
      feedbackId: 'a',
      workItemKey: 'PAY-1',
      score: 9,
      channel: 'in-app',
    });
  });
});

describe('usage.reported', () => {
  const usage = {
    feature: 'PAY-1',
    count: 12.5,
    from: '2026-01-01T00:00:00Z',
    to: '2026-01-02T00:00:00Z',
  };
  it('accepts a non-negative count over [from, to)', () => {
    expect(message('usage.reported', usage)).toBeUndefined();
  });
  it.each([
    [{ ...usage, count: -1 }, 'data.count'],
    [{ ...usage, count: undefined }, 'data.count'],
    [{ ...usage, from: 'yesterday' }, 'data.from'],
    [{ ...usage, to: usage.from }, 'data.to'],
    [{ count: 1, from: usage.from, to: usage.to }, 'data.workItemKey'],
  ])('rejects %p naming %s', (data, field) => {
    expect(message('usage.reported', data)).toContain(`${field}: `);
  });
});

describe('support tickets', () => {
  it.each(['support_ticket.opened', 'support_ticket.resolved'])(
    '%s needs a ticket id and a feature reference',
    type => {
      expect(
        message(type, {
          ticketId: 'T-1',
          workItemKey: 'PAY-1',
          severity: 'high',
        }),
      ).toBeUndefined();
      expect(message(type, { workItemKey: 'PAY-1' })).toContain(
        'data.ticketId: ',
      );
      expect(message(type, { ticketId: 'T-1' })).toContain(
        'data.workItemKey: one of workItemKey or feature is required',
      );
    },
  );
});

describe('featureKeyOf', () => {
  it('prefers workItemKey over feature', () => {
    expect(featureKeyOf({ workItemKey: 'PAY-1', feature: 'x' })).toBe('PAY-1');
    expect(featureKeyOf({ feature: 'x' })).toBe('x');
    expect(featureKeyOf({})).toBeUndefined();
  });
});
