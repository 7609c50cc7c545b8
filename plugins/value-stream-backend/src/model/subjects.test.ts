import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { parseSubject, prId, subject, subjectOf } from './subjects';

const event = (
  type: string,
  data: Record<string, unknown>,
  repository?: string,
): CanonicalEvent => ({
  id: '1',
  source: 'test',
  type,
  occurredAt: '2026-01-01T00:00:00Z',
  ...(repository ? { repository } : {}),
  data,
});

describe('subjects', () => {
  it('names each event by what it is about', () => {
    expect(subjectOf(event('work_item.created', { key: 'PAY-1' }))).toBe(
      'item:PAY-1',
    );
    expect(
      subjectOf(event('pull_request.merged', { number: 12 }, 'acme/pay')),
    ).toBe('pr:acme/pay#12');
    expect(
      subjectOf(event('pull_request.reviewed', { number: 12 }, 'acme/pay')),
    ).toBe('pr:acme/pay#12');
    expect(subjectOf(event('test.finished', { runId: 'r' }))).toBeNull();
  });

  it('files feedback, usage and support tickets under their feature', () => {
    expect(
      subjectOf(event('feedback.submitted', { workItemKey: 'PAY-1' })),
    ).toBe('feature:PAY-1');
    expect(subjectOf(event('usage.reported', { feature: 'PAY-2' }))).toBe(
      'feature:PAY-2',
    );
    expect(
      subjectOf(
        event('support_ticket.resolved', { ticketId: 'T', feature: 'PAY-3' }),
      ),
    ).toBe('feature:PAY-3');
    expect(parseSubject('feature:PAY-1')).toEqual({
      kind: 'feature',
      id: 'PAY-1',
    });
  });

  it('parses what it builds, ids with colons included', () => {
    for (const [kind, id] of [
      ['item', 'PAY-1'],
      ['pr', prId('acme/pay', 12)],
      ['deployment', 'argo:payments:42'],
      ['incident', ''],
    ] as const)
      expect(parseSubject(subject(kind, id))).toEqual({ kind, id });
  });

  it('refuses what is not a subject', () => {
    expect(parseSubject(null)).toBeNull();
    expect(parseSubject('')).toBeNull();
    expect(parseSubject('PAY-1')).toBeNull();
    expect(parseSubject('widget:1')).toBeNull();
  });
});
