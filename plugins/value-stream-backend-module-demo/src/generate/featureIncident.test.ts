import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { generateDemoHistory } from './generateDemoHistory';
import { DEMO_SERVICES } from './services';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const NOW = Date.parse('2025-03-10T00:00:00Z'); // a Monday, as the module's anchor
const SEED = Number(process.env.DEMO_SEED ?? 42);
const ATTRIBUTION_WINDOW = 24 * HOUR; // valueStream.incidentAttributionWindow's default
const OUTCOME_WINDOW = 7 * DAY; // valueStream.feedback.windowDays's default
const at = (e: CanonicalEvent) => Date.parse(e.occurredAt);
const data = (e: CanonicalEvent) => e.data as Record<string, any>;

describe('the demo feature incident', () => {
  const events = generateDemoHistory({ seed: SEED, now: NOW });
  const opened = events.filter(e => e.type === 'incident.opened');
  const incident = events.find(
    e => e.id === 'demo-payments-api-incident-feature-opened',
  )!;
  const resolved = events.find(
    e =>
      e.type === 'incident.resolved' &&
      data(e).incidentId === data(incident).incidentId,
  )!;
  // payments-api's successful production deployments, earliest finished first.
  const production = events
    .filter(
      e =>
        e.type === 'deployment.finished' &&
        data(e).service === 'payments-api' &&
        data(e).environment === 'production' &&
        data(e).status === 'success',
    )
    .sort((a, b) => at(a) - at(b));

  it('is on payments-api only, resolved after 45 minutes, before now', () => {
    expect(
      opened.filter(e => e.id.includes('-incident-feature-')).map(e => e.id),
    ).toEqual(['demo-payments-api-incident-feature-opened']);
    expect(data(incident).service).toBe('PPAY001');
    expect(at(resolved) - at(incident)).toBe(45 * MINUTE);
    expect(at(resolved)).toBeLessThan(NOW);
  });

  it('follows a feature deployment of the last 3 weeks, inside the feature’s outcome window', () => {
    // The incident falls back to the deployment that finished last before it opened
    // (DESIGN §11), and names that one too.
    const before = production.filter(e => at(e) < at(incident));
    const deployment = before[before.length - 1];
    expect(data(incident).deploymentId).toBe(data(deployment).deploymentId);
    const openedAfter = at(incident) - at(deployment);
    expect(openedAfter).toBeGreaterThanOrEqual(2 * HOUR);
    expect(openedAfter).toBeLessThanOrEqual(4 * HOUR);
    expect(openedAfter).toBeLessThanOrEqual(ATTRIBUTION_WINDOW);
    expect(at(deployment)).toBeGreaterThanOrEqual(NOW - 21 * DAY);

    // A feature it ships for the first time: its outcome window starts at the deployment.
    const features = new Set(
      events
        .filter(
          e =>
            e.type === 'work_item.created' &&
            data(e).itemType === 'feature' &&
            data(e).key.startsWith('PAY-'),
        )
        .map(e => data(e).key),
    );
    const shas = new Set<string>(data(deployment).commits);
    const shipped = events
      .filter(
        e =>
          e.type === 'pull_request.merged' &&
          e.repository === 'acme/payments-api' &&
          shas.has(data(e).mergeCommitSha),
      )
      .map(e => String(data(e).title).split(':')[0])
      .filter(key => features.has(key));
    expect(shipped.length).toBeGreaterThan(0);
    const firstShippedAt = (key: string) =>
      production.find(d =>
        events.some(
          e =>
            e.type === 'pull_request.merged' &&
            String(data(e).title).startsWith(`${key}:`) &&
            data(d).commits.includes(data(e).mergeCommitSha),
        ),
      )!;
    for (const key of shipped) {
      const deployedAt = at(firstShippedAt(key));
      expect(deployedAt).toBe(at(deployment));
      expect(at(incident)).toBeGreaterThan(deployedAt);
      expect(at(resolved)).toBeLessThan(deployedAt + OUTCOME_WINDOW);
    }
  });

  it('leaves the other services’ incidents as they were', () => {
    const without = generateDemoHistory({
      seed: SEED,
      now: NOW,
      services: DEMO_SERVICES.map(s => ({ ...s, featureIncident: false })),
    });
    // Compared as text: a failing deep diff of thousands of events takes minutes.
    const others = (list: CanonicalEvent[]) =>
      JSON.stringify(list.filter(e => !e.id.includes('-incident-feature-')));
    expect(others(without) === others(events)).toBe(true);
    expect(without.length).toBe(events.length - 2);
  });
});
