import { formatDuration, formatNumber, formatPercent } from './format';

describe('formatDuration', () => {
  it.each([
    [null, '—'],
    [45, '45 s'],
    [720, '12 min'],
    [21600, '6 h'],
    [5400, '1.5 h'],
    [86400, '1 day'],
    [277200, '3.2 days'],
    [561600, '6.5 days'],
  ])('%p seconds → %p', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('formatPercent', () => {
  it('rounds to whole percent, keeping a decimal below 10%', () => {
    expect(formatPercent(0.4231)).toBe('42%');
    expect(formatPercent(0.1111)).toBe('11%');
    expect(formatPercent(0.0833)).toBe('8.3%');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('formatNumber', () => {
  it('drops trailing zeros', () => {
    expect(formatNumber(2.8)).toBe('2.8');
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(2.04)).toBe('2');
  });
});
