import { customRange, presetRange } from './dateRange';

describe('presetRange', () => {
  it('ends now and starts the given number of days before', () => {
    const now = Date.parse('2025-06-01T12:00:00Z');
    expect(presetRange('7', now)).toEqual({
      preset: '7',
      from: '2025-05-25T12:00:00.000Z',
      to: '2025-06-01T12:00:00.000Z',
    });
  });
});

describe('customRange', () => {
  it('includes both days', () => {
    expect(customRange('2025-05-01', '2025-05-31')).toEqual({
      preset: 'custom',
      from: '2025-05-01T00:00:00.000Z',
      to: '2025-06-01T00:00:00.000Z',
    });
  });
  it('rejects a reversed or incomplete range', () => {
    expect(customRange('2025-05-31', '2025-05-01')).toBeUndefined();
    expect(customRange('', '2025-05-01')).toBeUndefined();
  });
});
