import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { generateDemoHistory } from './generateDemoHistory';
import { DEMO_SERVICES } from './services';

const DAY = 86_400_000;
const NOW = Date.parse('2025-03-10T00:00:00Z'); // a Monday, as the module's anchor
const at = (e: CanonicalEvent) => Date.parse(e.occurredAt);
const data = (e: CanonicalEvent) => e.data as Record<string, any>;
const events = generateDemoHistory({ seed: 42, now: NOW, horizonDays: 14 });
const past = events.filter(e => at(e) <= NOW);
const keyOf = (e: CanonicalEvent) => data(e).workItemKey ?? data(e).feature;

/** Per feature key, the finish of the first successful production deployment shipping it. */
function deployedAt(list: CanonicalEvent[]): Map<string, number> {
  const merged = new Map<string, string>(); // merge sha → key
  for (const e of list)
    if (e.type === 'pull_request.merged')
      merged.set(data(e).mergeCommitSha, String(data(e).title).split(':')[0]);
  const out = new Map<string, number>();
  for (const e of list) {
    const d = data(e);
    if (
      e.type !== 'deployment.finished' ||
      d.environment !== 'production' ||
      d.status !== 'success'
    )
      continue;
    for (const sha of d.commits ?? []) {
      const key = merged.get(sha);
      if (key && !out.has(key)) out.set(key, at(e));
    }
  }
  return out;
}

describe('the demo feedback', () => {
  const feedbackTypes = [
    'usage.reported',
    'feedback.submitted',
    'support_ticket.opened',
    'support_ticket.resolved',
  ];
  const feedback = past.filter(e => feedbackTypes.includes(e.type));
  const shipped = deployedAt(past);

  it('gives shipped features of every service usage and survey answers, some a ticket', () => {
    for (const s of DEMO_SERVICES) {
      const keys = new Set(
        feedback.filter(e => keyOf(e).startsWith(`${s.jiraKey}-`)).map(keyOf),
      );
      expect(keys.size).toBeGreaterThanOrEqual(2);
    }
    expect(
      feedback.filter(e => e.type === 'support_ticket.opened').length,
    ).toBeGreaterThanOrEqual(2);
    // only about features shipped before, and answers after the shipping
    expect(feedback.filter(e => !shipped.has(keyOf(e)))).toEqual([]);
    const early = feedback.filter(
      e => e.type === 'feedback.submitted' && at(e) <= shipped.get(keyOf(e))!,
    );
    expect(early).toEqual([]);
  });

  it('has features whose 7-day window ended before the anchor and features whose window has not', () => {
    const answered = new Set(
      feedback.filter(e => e.type === 'feedback.submitted').map(keyOf),
    );
    const ends = [...answered].map(k => shipped.get(k)! + 7 * DAY);
    expect(ends.filter(t => t <= NOW).length).toBeGreaterThanOrEqual(3);
    expect(ends.filter(t => t > NOW).length).toBeGreaterThanOrEqual(1);
  });

  it('reports usage once per feature and day, scores 0–10 without a person', () => {
    const usage = feedback.filter(e => e.type === 'usage.reported');
    const days = usage.map(e => `${keyOf(e)} ${data(e).from}`);
    expect(new Set(days).size).toBe(days.length);
    for (const e of usage)
      expect(Date.parse(data(e).to) - Date.parse(data(e).from)).toBe(DAY);
    for (const e of feedback.filter(f => f.type === 'feedback.submitted')) {
      expect(Object.keys(data(e)).sort()).toEqual([
        'channel',
        'feedbackId',
        'score',
        'workItemKey',
      ]);
      expect(data(e).score).toBeGreaterThanOrEqual(0);
      expect(data(e).score).toBeLessThanOrEqual(10);
    }
  });
});
