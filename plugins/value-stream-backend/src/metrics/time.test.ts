import { inWindow, perWeek, startOfUtcDay, startOfUtcWeek } from './time';

describe('time helpers', () => {
  it('floors to the UTC day and the Monday of the ISO week', () => {
    const sunday = Date.parse('2024-03-31T23:30:00Z');
    expect(new Date(startOfUtcDay(sunday)).toISOString()).toBe(
      '2024-03-31T00:00:00.000Z',
    );
    expect(new Date(startOfUtcWeek(sunday)).toISOString()).toBe(
      '2024-03-25T00:00:00.000Z',
    );
    const monday = Date.parse('2024-04-01T00:00:00Z');
    expect(startOfUtcWeek(monday)).toBe(monday);
  });

  it('treats windows as [from, to)', () => {
    expect(inWindow(10, { from: 10, to: 20 })).toBe(true);
    expect(inWindow(20, { from: 10, to: 20 })).toBe(false);
    expect(inWindow(null, { from: 10, to: 20 })).toBe(false);
  });

  it('scales counts per week', () => {
    expect(perWeek(3, { from: 0, to: 86_400_000 * 14 })).toBe(1.5);
    expect(perWeek(3, { from: 0, to: 0 })).toBe(0);
  });
});
