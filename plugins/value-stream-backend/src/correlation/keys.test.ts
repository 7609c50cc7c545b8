import {
  extractBranchKeys,
  extractKeys,
  mergeCommitPrNumber,
  squashPrNumber,
} from './keys';

const PAY = { projectKeys: new Set(['PAY']), repository: 'acme/payments' };
const PAY_OPS = {
  projectKeys: new Set(['PAY', 'OPS2']),
  repository: 'acme/payments',
};
const NONE = { projectKeys: new Set<string>(), repository: null };

describe('extractKeys', () => {
  it('finds Jira keys of known projects only', () => {
    expect(
      extractKeys('PAY-12: retry refunds; see OPS2-7 and XPAY-3', PAY_OPS),
    ).toEqual(['PAY-12', 'OPS2-7']);
  });

  it.each([
    'Switch hashing to SHA-256',
    'Decode bodies as UTF-8 everywhere',
    'Format dates as ISO-8601 (RFC 3339)',
    'Bump UTF-8, SHA-256 and ISO-8601 helpers; X-1 header',
  ])('never takes decoys when project keys are known: %s', message => {
    expect(extractKeys(message, PAY)).toEqual([]);
  });

  it('takes any Jira-style key when no project key is known', () => {
    expect(extractKeys('PAY-12 and SHA-256', NONE)).toEqual([
      'PAY-12',
      'SHA-256',
    ]);
  });

  it('needs word boundaries and upper case in free text', () => {
    expect(extractKeys('pay-12, PAY-12b, PAY_12, PAYX-1, xPAY-5', PAY)).toEqual(
      [],
    );
    expect(
      extractKeys('https://jira.acme.com/browse/PAY-44 (PAY-45)', PAY),
    ).toEqual(['PAY-44', 'PAY-45']);
  });

  it('normalises leading zeros and de-duplicates', () => {
    expect(extractKeys('PAY-007 PAY-7 PAY-7', PAY)).toEqual(['PAY-7']);
  });

  it('qualifies #12 with the repository the text comes from', () => {
    expect(extractKeys('Fixes #12 and closes #13', PAY)).toEqual([
      'acme/payments#12',
      'acme/payments#13',
    ]);
    expect(extractKeys('Fixes #12', NONE)).toEqual([]);
  });

  it('keeps owner/repo#7 as written', () => {
    expect(extractKeys('Needs other/repo#7 first', PAY)).toEqual([
      'other/repo#7',
    ]);
    expect(extractKeys('Needs other/repo#7 first', NONE)).toEqual([
      'other/repo#7',
    ]);
  });

  it('ignores # that is not an issue reference', () => {
    expect(extractKeys('C#9 port, &#39;quoted&#39;, a#1', PAY)).toEqual([]);
  });

  it('finds the squash PR reference like any #n', () => {
    expect(extractKeys('Retry refunds (PAY-12) (#34)', PAY)).toEqual([
      'PAY-12',
      'acme/payments#34',
    ]);
  });

  it('skips references too long to be a key', () => {
    expect(extractKeys(`${'a'.repeat(300)}/b#1 PAY-1`, PAY)).toEqual(['PAY-1']);
  });

  it('handles empty text', () => {
    expect(extractKeys(undefined, PAY)).toEqual([]);
    expect(extractKeys(null, PAY)).toEqual([]);
    expect(extractKeys('', PAY)).toEqual([]);
  });
});

describe('extractBranchKeys', () => {
  it.each([
    ['feature/pay-12-retry', ['PAY-12']],
    ['PAY-12', ['PAY-12']],
    ['bugfix/PAY-7_timeouts', ['PAY-7']],
    ['refs/heads/feature/pay-3-and-ops2-4', ['PAY-3', 'OPS2-4']],
    ['feature/utf-8-decoding', []],
    ['feature/sha-256', []],
    ['feature/repay-12', []],
    ['release/2026-01', []],
  ])('%s → %p', (branch, keys) => {
    expect(extractBranchKeys(branch, PAY_OPS)).toEqual(keys);
  });

  it('finds nothing without known project keys', () => {
    expect(extractBranchKeys('feature/pay-12-retry', NONE)).toEqual([]);
  });
});

describe('squashPrNumber', () => {
  it('reads (#n) at the end of the first line', () => {
    expect(
      squashPrNumber(
        'Retry refunds on timeout (#34)\n\n* PAY-12 retry\n* fix tests (#33)',
      ),
    ).toBe(34);
    expect(squashPrNumber('Retry refunds (#34)  ')).toBe(34);
  });

  it('ignores (#n) elsewhere', () => {
    expect(squashPrNumber('Revert (#34) partially')).toBeNull();
    expect(squashPrNumber('Retry refunds\n\n(#34)')).toBeNull();
    expect(squashPrNumber('Retry refunds #34')).toBeNull();
  });
});

describe('mergeCommitPrNumber', () => {
  it('reads a GitHub merge commit message', () => {
    expect(
      mergeCommitPrNumber(
        'Merge pull request #12 from acme/feature/pay-12-retry\n\nPAY-12 retry refunds',
      ),
    ).toBe(12);
  });

  it('ignores other merges', () => {
    expect(
      mergeCommitPrNumber("Merge branch 'main' into feature/pay-12-retry"),
    ).toBeNull();
    expect(
      mergeCommitPrNumber('Revert "Merge pull request #12 from x"'),
    ).toBeNull();
  });
});

describe('key normalisation', () => {
  it('keeps long numbers exact instead of rounding them', () => {
    expect(extractKeys('PAY-12345678901234567890', PAY)).toEqual([
      'PAY-12345678901234567890',
    ]);
    expect(extractKeys('acme/payments#0012', PAY)).toEqual([
      'acme/payments#12',
    ]);
  });
});
