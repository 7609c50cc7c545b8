import {
  DEFAULT_RULE_THRESHOLDS,
  historyDays,
  stageThresholds,
  withDefaultThresholds,
} from './thresholds';

describe('thresholds', () => {
  it('has the DESIGN §7 defaults', () => {
    expect(DEFAULT_RULE_THRESHOLDS).toMatchObject({
      sigma: 2,
      minSamples: 5,
      lookbackDays: 90,
      spikeFactor: 1.5,
      spikeMinWip: 3,
      spikeLookbackDays: 30,
      overLimitDays: 2,
      outlierFactor: 2,
      outlierRecentDays: 7,
      outlierLookbackDays: 90,
      efficiencyMin: 0.3,
      efficiencyDays: 7,
      blockedHours: 24,
    });
    expect(Object.values(DEFAULT_RULE_THRESHOLDS.enabled).every(Boolean)).toBe(
      true,
    );
  });

  it('fills partial thresholds from the defaults, ignoring undefined values', () => {
    const t = withDefaultThresholds({
      sigma: 3,
      blockedHours: undefined,
      enabled: { wip_spike: false },
    });
    expect(t.sigma).toBe(3);
    expect(t.blockedHours).toBe(24);
    expect(t.enabled.wip_spike).toBe(false);
    expect(t.enabled.item_stuck).toBe(true);
    expect(t.stages).toEqual({});
  });

  it('resolves per-stage overrides over the global values', () => {
    const t = withDefaultThresholds({
      sigma: 3,
      enabled: { wip_spike: false },
      stages: {
        'Code Review': {
          minSamples: 10,
          enabled: { item_stuck: false, wip_spike: true },
        },
      },
    });
    const review = stageThresholds(t, 'Code Review');
    expect(review).toMatchObject({ sigma: 3, minSamples: 10 });
    expect(review.enabled.item_stuck).toBe(false);
    expect(review.enabled.wip_spike).toBe(false); // off globally stays off
    expect(review.enabled.item_blocked).toBe(true);
    const build = stageThresholds(t, 'Build');
    expect(build).toMatchObject({ sigma: 3, minSamples: 5 });
    expect(build.enabled.item_stuck).toBe(true);
  });

  it('reads history for the longest configured window, global or per stage', () => {
    expect(historyDays(DEFAULT_RULE_THRESHOLDS)).toBe(90);
    expect(
      historyDays(withDefaultThresholds({ outlierLookbackDays: 180 })),
    ).toBe(180);
    expect(historyDays(withDefaultThresholds({ lookbackDays: 120 }))).toBe(120);
    expect(
      historyDays(
        withDefaultThresholds({
          lookbackDays: 14,
          outlierLookbackDays: 14,
          spikeLookbackDays: 14,
          stages: { Build: { lookbackDays: 200 } },
        }),
      ),
    ).toBe(200);
  });
});
