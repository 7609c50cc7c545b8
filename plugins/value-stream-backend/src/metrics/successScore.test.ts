import {
  featureSuccessScore,
  incidentWeight,
  severityLevel,
  usageBaseline,
} from './successScore';

const base = {
  usage: 0,
  baseline: null,
  nps: null,
  uptime: 1,
  incidentSeverities: [],
};

describe('usageBaseline', () => {
  it('is the median of the features usage, null without any', () => {
    expect(usageBaseline([])).toBeNull();
    expect(usageBaseline([5, 1, 3])).toBe(3);
    expect(usageBaseline([200, 20, 100, 60])).toBe(80); // (60 + 100) / 2
  });
});

describe('incident weights', () => {
  it.each([
    ['sev1', 1],
    ['SEV-1', 1],
    ['P1', 1],
    ['critical', 1],
    ['sev2', 0.5],
    ['S2', 0.5],
    ['severity 3', 0.25],
    ['3', 0.25],
    ['sev4', 0.1],
    ['high', 0.1],
    [null, 0.1],
  ])('%p weighs %p', (severity, weight) => {
    expect(incidentWeight(severity)).toBe(weight);
  });

  it('reads the level', () => {
    expect(severityLevel('Sev_2')).toBe(2);
    expect(severityLevel('minor')).toBeNull();
  });
});

describe('featureSuccessScore', () => {
  it('combines usage against the baseline, NPS, uptime and incidents', () => {
    // u = 50 / median(20, 60, 100, 200) = 50 / 80 = 0.625; n = (40 + 100) / 200 = 0.7
    // 100 × 0.625 × 0.7 × 0.9 − 100 × 0.5 = 39.375 − 50
    expect(
      featureSuccessScore({
        usage: 50,
        baseline: usageBaseline([20, 60, 100, 200]),
        nps: 40,
        uptime: 0.9,
        incidentSeverities: ['sev2'],
      }),
    ).toBeCloseTo(-10.625, 10);
  });

  it('takes u = 1 without a baseline and n = 0.5 without responses', () => {
    expect(featureSuccessScore(base)).toBe(50);
    // two incidents of no known severity: p = 0.1 + 0.1
    expect(
      featureSuccessScore({ ...base, incidentSeverities: ['high', null] }),
    ).toBeCloseTo(30, 10);
  });

  it('caps usage above the baseline at u = 1 (and usage meeting a 0 baseline)', () => {
    expect(
      featureSuccessScore({ ...base, usage: 500, baseline: 80, nps: 100 }),
    ).toBe(100);
    expect(featureSuccessScore({ ...base, baseline: 0 })).toBe(50);
  });

  it('caps the incident penalty at p = 1 and the score at -100', () => {
    // 1 + 0.5 + 0.25 = 1.75, capped at 1: 100 − 100
    expect(
      featureSuccessScore({
        ...base,
        nps: 100,
        incidentSeverities: ['SEV-1', 'P2', 'sev3'],
      }),
    ).toBe(0);
    // three sev1 incidents and only detractors: 0 − 100, not −300
    expect(
      featureSuccessScore({
        ...base,
        nps: -100,
        incidentSeverities: ['sev1', 'sev1', 'sev1'],
      }),
    ).toBe(-100);
  });

  it('clamps inputs outside their scales', () => {
    expect(
      featureSuccessScore({ ...base, nps: 250, uptime: 1.5, usage: 10 }),
    ).toBe(100);
    expect(featureSuccessScore({ ...base, uptime: -2 })).toBe(0);
  });
});
