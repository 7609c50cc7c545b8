import { formatDuration } from './formatDuration';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [40, '40 s'],
    [59.4, '59 s'],
    [60, '1 min'],
    [45 * 60, '45 min'],
    [3600, '1 h'],
    [5400, '1.5 h'],
    [6 * 3600, '6 h'],
    [14.6 * 3600, '15 h'],
    [86400, '1 day'],
    [1.5 * 86400, '1.5 days'],
    [3 * 86400, '3 days'],
    [45.2 * 86400, '45 days'],
    [-5, '0 s'],
    [59.7, '1 min'], // never "60 s"
    [3590, '1 h'], // never "60 min"
    [277200, '3.2 days'],
    [null, '—'],
    [undefined, '—'],
    [NaN, '—'],
  ])('%p s reads as %p', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
