import type { StoredEvent } from '../model/events';
import { blockingLabelReason, labelBlockEvidence } from './labelBlocks';

const DEFAULT = ['blocked', 'blocked:*'];
const T0 = Date.UTC(2026, 0, 5);
const t = (h: number) => T0 + h * 3_600_000;

describe('blockingLabelReason', () => {
  it.each([
    ['blocked', null],
    ['Blocked', null],
    ['blocked:staging down', 'staging down'],
    ['blocked: waiting on payments team API', 'waiting on payments team API'],
    ['blocked:', undefined],
    ['blocker', undefined],
    ['bug', undefined],
  ])('%s → %p', (label, reason) => {
    expect(blockingLabelReason(label, DEFAULT)).toBe(reason);
  });

  it('follows custom patterns', () => {
    expect(blockingLabelReason('on-hold', ['on-hold'])).toBeNull();
    expect(blockingLabelReason('wait/vendor', ['wait/*'])).toBe('vendor');
    expect(blockingLabelReason('blocked', ['on-hold'])).toBeUndefined();
  });
});

describe('labelBlockEvidence', () => {
  let n = 0;
  const ev = (
    h: number,
    labels: string[] | undefined,
    type = 'work_item.updated',
  ): StoredEvent => ({
    id: `l${++n}`,
    source: 'github',
    type,
    occurredAt: new Date(t(h)).toISOString(),
    at: t(h),
    data: { key: 'acme/payments#1', ...(labels ? { labels } : {}) },
  });

  it('blocks on a blocking label, keeps blocked while one remains, unblocks on the last', () => {
    const events = [
      // Given out of order: sorted by time.
      ev(5, ['bug']),
      ev(0, ['bug', 'blocked:staging down'], 'work_item.created'),
      ev(2, ['bug', 'blocked:staging down', 'blocked']),
      ev(3, ['bug', 'blocked']),
      ev(4, undefined), // a title edit: no labels, no change
    ];
    expect(
      labelBlockEvidence(events, DEFAULT).map(e => [
        e.kind,
        (e.at - T0) / 3_600_000,
        e.kind === 'blocked' ? e.reason : undefined,
      ]),
    ).toEqual([
      ['blocked', 0, 'staging down'],
      ['blocked', 2, undefined], // already blocked: buildJourney ignores it
      ['unblocked', 5, undefined],
    ]);
  });

  it('gives nothing without blocking labels or patterns', () => {
    expect(labelBlockEvidence([ev(1, ['bug'])], DEFAULT)).toEqual([]);
    expect(labelBlockEvidence([ev(1, ['blocked'])], [])).toEqual([]);
  });
});
