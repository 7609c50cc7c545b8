import { observationLeft } from './observation';

const NOW = Date.parse('2026-03-10T00:00:00Z');

describe('observationLeft', () => {
  it('says how much of the observation is left', () => {
    const item = { observationEndsAt: '2026-03-10T18:00:00Z', doneAt: null };
    expect(observationLeft(item, NOW)).toBe('18 h of observation left');
    expect(
      observationLeft(
        { ...item, observationEndsAt: '2026-03-10T00:45:00Z' },
        NOW,
      ),
    ).toBe('45 min of observation left');
    expect(
      observationLeft(
        { ...item, observationEndsAt: '2026-03-12T12:00:00Z' },
        NOW,
      ),
    ).toBe('2.5 days of observation left');
  });

  it('says when it is over, and nothing without one or once done', () => {
    expect(
      observationLeft(
        { observationEndsAt: '2026-03-09T18:00:00Z', doneAt: null },
        NOW,
      ),
    ).toBe('Observation over');
    expect(observationLeft({ doneAt: null }, NOW)).toBeNull();
    expect(
      observationLeft(
        {
          observationEndsAt: '2026-03-10T18:00:00Z',
          doneAt: '2026-03-10T18:00:00Z',
        },
        NOW,
      ),
    ).toBeNull();
  });
});
