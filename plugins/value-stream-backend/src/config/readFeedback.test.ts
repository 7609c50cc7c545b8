import { ConfigReader } from '@backstage/config';
import { DEFAULT_FEEDBACK, readFeedback } from './readFeedback';

describe('readFeedback', () => {
  it('defaults to a 7-day window', () => {
    expect(readFeedback(undefined)).toEqual({ windowDays: 7 });
    expect(readFeedback(new ConfigReader({}))).toEqual(DEFAULT_FEEDBACK);
  });

  it('reads windowDays', () => {
    expect(readFeedback(new ConfigReader({ windowDays: 14 }))).toEqual({
      windowDays: 14,
    });
  });

  it.each([0, -1, '7'])('refuses %p, naming the key', windowDays => {
    expect(() => readFeedback(new ConfigReader({ windowDays }))).toThrow(
      'valueStream.feedback.windowDays: expected a number of days greater than 0',
    );
  });
});
