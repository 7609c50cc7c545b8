import {
  BlockedReasonRules,
  categorise,
  DEFAULT_BLOCKED_REASONS,
} from './blockedReasons';

describe('categorise', () => {
  it.each([
    ['waiting on payments team API', 'dependency'],
    ['Depends on the auth migration', 'dependency'],
    ['blocked by PAY-12', 'dependency'],
    ['needs code review', 'review'],
    ['waiting for approval', 'review'],
    ['staging down', 'environment'],
    ['Infra ticket open', 'environment'],
    ['CI pipeline broken', 'environment'],
    ['spec unclear', 'requirements'],
    ['Needs clarification from PO', 'requirements'],
    ['Needs a product decision', 'requirements'],
    // The demo's reasons.
    ['Waiting on security review', 'review'],
    ['Waiting for vendor sandbox access', 'external'],
    ['Staging environment broken', 'environment'],
    ['Depends on a platform team change', 'dependency'],
    ['Waiting for credentials from the security team', 'dependency'],
    ['vendor has not shipped the SDK', 'external'],
    ['Customer to confirm', 'external'],
    ['lunch', 'other'],
  ])('puts "%s" in %s by the default rules', (reason, category) => {
    expect(categorise(reason, DEFAULT_BLOCKED_REASONS)).toBe(category);
  });

  it('calls no reason other', () => {
    expect(categorise(undefined, DEFAULT_BLOCKED_REASONS)).toBe('other');
    expect(categorise(null, DEFAULT_BLOCKED_REASONS)).toBe('other');
    expect(categorise('', DEFAULT_BLOCKED_REASONS)).toBe('other');
  });

  it('tries the rules in order, the first match winning', () => {
    // Matches both rules; `review` is listed first.
    const rules: BlockedReasonRules = [
      { category: 'review', patterns: [/review/i] },
      { category: 'environment', patterns: [/staging/i] },
    ];
    expect(categorise('review app on staging', rules)).toBe('review');
    expect(categorise('staging', [...rules].reverse())).toBe('environment');
    expect(categorise('nothing', rules)).toBe('other');
  });
});
