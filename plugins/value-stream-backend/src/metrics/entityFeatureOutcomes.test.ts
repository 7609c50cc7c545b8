import type { DeploymentRecord } from '../journeys/types';
import type { StoredEvent } from '../model/events';
import {
  DeployedFeatureFacts,
  entityFeatureOutcomes,
} from './entityFeatureOutcomes';

const DAY = 86_400_000;
const t0 = Date.parse('2026-03-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const feature = (
  key: string,
  deployedAt: number,
  deploymentIds = [`d-${key}`],
): DeployedFeatureFacts => ({
  key,
  title: key,
  value: null,
  deployedAt,
  deploymentIds,
});
const usage = (count: number, from: number, to: number): StoredEvent => ({
  id: `u${from}-${count}`,
  source: 'prometheus',
  type: 'usage.reported',
  occurredAt: iso(to),
  at: to,
  data: { feature: 'x', count, from: iso(from), to: iso(to) },
});
const production = (id: string, finishedAt: number): DeploymentRecord => ({
  deploymentId: id,
  environment: 'production',
  envClass: 'production',
  startedAt: null,
  finishedAt,
  status: 'success',
  rolledBack: false,
  commitSha: null,
  commits: [],
});

const base = {
  incidents: [],
  deployments: [],
  attributionWindowMs: DAY,
  windowDays: 7,
  now: t0 + 100 * DAY,
};

describe('entityFeatureOutcomes', () => {
  it('takes the baseline from measured features of the 90 days up to each deployment', () => {
    // F (answered) ships at t0 + 10 d. A (t0 − 70 d, 1,000) and B (t0 + 10 d, same
    // deployment day, 3,000) are in its baseline; C (t0 − 85 d) is more than 90 days
    // before F; D (t0 − 20 d) has no usage report; E ships after F.
    const f = t0 + 10 * DAY;
    const features = [
      feature('A', t0 - 70 * DAY),
      feature('B', f),
      feature('C', t0 - 85 * DAY),
      feature('D', t0 - 20 * DAY),
      feature('E', t0 + 20 * DAY),
      feature('F', f),
    ];
    const one = (key: string, count: number) => {
      const d = features.find(x => x.key === key)!.deployedAt;
      return [key, [usage(count, d, d + DAY)]] as const;
    };
    const events = new Map([
      one('A', 1000),
      one('B', 3000),
      one('C', 9000),
      one('E', 5),
      one('F', 1500),
    ]);
    const out = entityFeatureOutcomes({
      ...base,
      window: { from: f, to: f + DAY },
      features,
      events,
    });
    expect(out.map(o => [o.key, o.baseline])).toEqual([
      ['B', 1250], // A (1,000) and F (1,500), shipped the same moment
      ['F', 2000], // A (1,000) and B (3,000)
    ]);
    // u = 1500 ÷ 2000, n = 0.5, uptime 1, no incidents
    expect(out[1].successScore).toBeCloseTo(100 * 0.75 * 0.5, 10);
  });

  it('counts the incidents attributed to any of its deployments, and no others', () => {
    const f = feature('F', t0, ['d1', 'd2']);
    const out = entityFeatureOutcomes({
      ...base,
      window: { from: t0, to: t0 + DAY },
      features: [f],
      events: new Map(),
      deployments: [production('d1', t0), production('d2', t0 + DAY)],
      incidents: [
        {
          incidentId: 'i1',
          openedAt: t0 + DAY + 3_600_000,
          resolvedAt: t0 + DAY + 7_200_000,
          severity: 'sev1',
          deploymentId: null,
          commitSha: null,
        },
        {
          // names no production deployment and opens 2 days after d2: attributed to none
          incidentId: 'i2',
          openedAt: t0 + 3 * DAY,
          resolvedAt: t0 + 3 * DAY + 60_000,
          severity: 'sev1',
          deploymentId: 'd-other',
          commitSha: null,
        },
      ],
    });
    expect(out[0].incidents).toEqual({ count: 1, bySeverity: { sev1: 1 } });
    expect(out[0].incidentMinutes).toBe(60);
    // a sev1 costs 100 points: 100 × 1 × 0.5 × uptime − 100
    expect(out[0].successScore).toBeCloseTo(
      100 * 0.5 * (1 - 60 / 10_080) - 100,
      10,
    );
  });
});
