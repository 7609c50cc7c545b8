import {
  changeFailureRateTier,
  deploymentFrequencyTier,
  leadTimeTier,
  recoveryTimeTier,
} from './doraTiers';

const HOUR = 3600;
const DAY = 24 * HOUR;

describe('DORA tiers', () => {
  it('grades deployment frequency per week at its cut-offs', () => {
    expect(deploymentFrequencyTier(14)).toBe('elite');
    expect(deploymentFrequencyTier(7)).toBe('elite');
    expect(deploymentFrequencyTier(6.99)).toBe('high');
    expect(deploymentFrequencyTier(1)).toBe('high');
    expect(deploymentFrequencyTier(0.99)).toBe('medium');
    expect(deploymentFrequencyTier(7 / 30)).toBe('medium');
    expect(deploymentFrequencyTier(0.2)).toBe('low');
    expect(deploymentFrequencyTier(0)).toBe('low');
  });

  it('grades lead time for changes', () => {
    expect(leadTimeTier(DAY - 1)).toBe('elite');
    expect(leadTimeTier(DAY)).toBe('high');
    expect(leadTimeTier(7 * DAY)).toBe('medium');
    expect(leadTimeTier(30 * DAY)).toBe('low');
  });

  it('grades change failure rate, null without a rate', () => {
    expect(changeFailureRateTier(0)).toBe('elite');
    expect(changeFailureRateTier(0.05)).toBe('elite');
    expect(changeFailureRateTier(0.1)).toBe('high');
    expect(changeFailureRateTier(0.15)).toBe('medium');
    expect(changeFailureRateTier(0.16)).toBe('low');
    expect(changeFailureRateTier(null)).toBeNull();
  });

  it('grades recovery time', () => {
    expect(recoveryTimeTier(HOUR - 1)).toBe('elite');
    expect(recoveryTimeTier(HOUR)).toBe('high');
    expect(recoveryTimeTier(DAY)).toBe('medium');
    expect(recoveryTimeTier(7 * DAY)).toBe('low');
  });
});
