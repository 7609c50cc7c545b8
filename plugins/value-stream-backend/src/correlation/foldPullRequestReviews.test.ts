import type { StoredEvent } from '../model';
import { foldArtifacts } from './foldArtifacts';
import { foldPullRequest } from './folds';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const HOUR = 3_600_000;
const subject = 'pr:acme/pay#7';
const ev = (
  id: string,
  type: string,
  hours: number,
  data: Record<string, unknown>,
): StoredEvent => ({
  id,
  source: 'github',
  type,
  occurredAt: new Date(T0 + hours * HOUR).toISOString(),
  at: T0 + hours * HOUR,
  subject,
  repository: 'acme/pay',
  data: { number: 7, ...data },
});
const opened = ev('o', 'pull_request.opened', 0, { title: 'PAY-1 refunds' });
const merged = ev('m', 'pull_request.merged', 10, { title: 'PAY-1 refunds' });
const commented = ev('r1', 'pull_request.reviewed', 3, { state: 'commented' });
const approved = ev('r2', 'pull_request.reviewed', 5, { state: 'approved' });
const late = ev('r3', 'pull_request.reviewed', 12, { state: 'approved' });

describe('foldPullRequest and reviews', () => {
  it('keeps the earliest review of any state, in any arrival order and with repeats', () => {
    const orders = [
      [opened, commented, approved, merged, late],
      [late, merged, approved, commented, opened],
      [approved, opened, late, commented, merged, commented, approved],
    ];
    for (const events of orders) {
      const pr = foldPullRequest(events);
      expect(pr.firstReviewedAt).toBe(T0 + 3 * HOUR);
      expect([pr.title, pr.state, pr.openedAt, pr.mergedAt]).toEqual([
        'PAY-1 refunds',
        'merged',
        T0,
        T0 + 10 * HOUR,
      ]);
      // A review is not what the PR was last updated by.
      expect(pr.updatedAt).toBe(T0 + 10 * HOUR);
    }
  });

  it('has no first review without a review', () => {
    expect(foldPullRequest([opened, merged]).firstReviewedAt).toBeNull();
  });

  it('makes no PR row from reviews alone; the PR appears with them once opened', () => {
    const fold = (events: StoredEvent[]) =>
      foldArtifacts(
        new Map([['pr', [subject]]]),
        new Map([[subject, events]]),
        {
          environments: { production: ['production'], staging: [] },
          repositoryForService: () => null,
        },
      ).prs;
    expect(fold([approved, late])).toEqual([]);
    expect(fold([approved, late, opened])).toEqual([
      expect.objectContaining({
        id: 'acme/pay#7',
        state: 'open',
        firstReviewedAt: T0 + 5 * HOUR,
      }),
    ]);
  });
});
