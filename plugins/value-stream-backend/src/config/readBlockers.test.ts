import { ConfigReader } from '@backstage/config';
import { categorise, DEFAULT_BLOCKED_REASONS } from '../metrics/blockedReasons';
import { journeyConfigFingerprint, readValueStreamConfig } from './readConfig';

const read = (valueStream: object) =>
  readValueStreamConfig(new ConfigReader({ valueStream }));

describe('readValueStreamConfig blockedReasons', () => {
  it('defaults to the built-in categories', () => {
    expect(read({}).blockedReasons).toBe(DEFAULT_BLOCKED_REASONS);
  });

  it('reads categories in the map order, case-insensitively', () => {
    const { blockedReasons } = read({
      blockedReasons: {
        qa: ['^waiting for qa', 'test env'],
        dependency: ['waiting'],
      },
    });
    expect(blockedReasons.map(r => r.category)).toEqual(['qa', 'dependency']);
    // Both match the first; `qa` comes first.
    expect(categorise('Waiting for QA', blockedReasons)).toBe('qa');
    expect(categorise('waiting on ops', blockedReasons)).toBe('dependency');
    expect(categorise('staging down', blockedReasons)).toBe('other');
  });

  it('refuses an invalid regular expression, naming the key', () => {
    expect(() => read({ blockedReasons: { review: ['review('] } })).toThrow(
      /^valueStream\.blockedReasons\.review: "review\(" is not a valid regular expression/,
    );
  });

  it('refuses a category that is not a list', () => {
    expect(() => read({ blockedReasons: { review: 'review' } })).toThrow(
      'valueStream.blockedReasons.review: expected a list of regular expressions',
    );
  });
});

describe('readValueStreamConfig blockedLabels', () => {
  it('defaults to blocked and blocked:*', () => {
    expect(read({}).blockedLabels).toEqual(['blocked', 'blocked:*']);
  });

  it('reads custom labels and refuses a wildcard that is not at the end', () => {
    expect(
      read({ blockedLabels: ['on-hold', 'wait/*'] }).blockedLabels,
    ).toEqual(['on-hold', 'wait/*']);
    expect(() => read({ blockedLabels: ['*:blocked'] })).toThrow(
      'valueStream.blockedLabels: "*:blocked" must be a label name, optionally ending in "*"',
    );
  });
});

describe('journeyConfigFingerprint and blockers', () => {
  it('changes with non-default blockedLabels only, not with blockedReasons', () => {
    const base = journeyConfigFingerprint(read({}));
    expect(base).not.toContain('blockedLabels');
    expect(
      journeyConfigFingerprint(
        read({ blockedLabels: ['blocked', 'blocked:*'] }),
      ),
    ).toBe(base);
    expect(
      journeyConfigFingerprint(read({ blockedLabels: ['on-hold'] })),
    ).not.toBe(base);
    // Categories are computed at read time: no rebuild.
    expect(
      journeyConfigFingerprint(read({ blockedReasons: { x: ['y'] } })),
    ).toBe(base);
  });
});
