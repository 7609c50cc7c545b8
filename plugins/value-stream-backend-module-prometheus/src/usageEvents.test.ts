import { resultValue } from './queryPrometheus';
import { completeDays, usageEvent } from './usageEvents';

const at = (s: string) => Date.parse(s);

describe('completeDays', () => {
  it('gives the last complete UTC days before now, oldest first', () => {
    expect(completeDays(at('2026-01-10T13:45:00Z'), 2)).toEqual([
      { from: at('2026-01-08T00:00:00Z'), to: at('2026-01-09T00:00:00Z') },
      { from: at('2026-01-09T00:00:00Z'), to: at('2026-01-10T00:00:00Z') },
    ]);
    // at 00:00 exactly, the day that just ended is complete
    expect(completeDays(at('2026-01-10T00:00:00Z'), 1)).toEqual([
      { from: at('2026-01-09T00:00:00Z'), to: at('2026-01-10T00:00:00Z') },
    ]);
  });
});

describe('usageEvent', () => {
  it('names the feature and the day, so a day reported again is a repeat', () => {
    const day = {
      from: at('2026-01-09T00:00:00Z'),
      to: at('2026-01-10T00:00:00Z'),
    };
    expect(usageEvent('PAY-12', day, 42)).toEqual({
      id: 'usage:PAY-12:2026-01-09',
      source: 'prometheus',
      type: 'usage.reported',
      occurredAt: '2026-01-10T00:00:00.000Z',
      data: {
        workItemKey: 'PAY-12',
        count: 42,
        from: '2026-01-09T00:00:00.000Z',
        to: '2026-01-10T00:00:00.000Z',
      },
    });
  });
});

describe('resultValue', () => {
  it('sums an instant vector and reads a scalar', () => {
    expect(
      resultValue({
        resultType: 'vector',
        result: [
          { metric: { a: '1' }, value: [1, '30'] },
          { metric: { a: '2' }, value: [1, '12.5'] },
        ],
      }),
    ).toBe(42.5);
    expect(resultValue({ resultType: 'scalar', result: [1, '7'] })).toBe(7);
  });

  it('is null for no series or a value that is not a number', () => {
    expect(resultValue({ resultType: 'vector', result: [] })).toBeNull();
    expect(
      resultValue({ resultType: 'vector', result: [{ value: [1, 'NaN'] }] }),
    ).toBeNull();
    expect(
      resultValue({ resultType: 'scalar', result: [1, '+Inf'] }),
    ).toBeNull();
  });

  it('refuses a range vector', () => {
    expect(() => resultValue({ resultType: 'matrix', result: [] })).toThrow(
      'expected a scalar or an instant vector, got matrix',
    );
  });
});
