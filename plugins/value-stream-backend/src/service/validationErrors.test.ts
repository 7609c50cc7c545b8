import { fieldFirstMessage } from './validationErrors';

describe('fieldFirstMessage', () => {
  it.each([
    ['request/query/limit must be <= 1000', 'limit: must be <= 1000'],
    [
      'request/query/state must be equal to one of the allowed values: open, done, all',
      'state: must be equal to one of the allowed values: open, done, all',
    ],
    ["request/query must have required property 'metric'", 'metric: required'],
    [
      'request/params/key must NOT have more than 300 characters',
      'key: must NOT have more than 300 characters',
    ],
    [
      'request/query/limit must be integer, request/query/from must match format "date-time"',
      'limit: must be integer; from: must match format "date-time"',
    ],
    ["Unknown query parameter 'foo'", 'foo: unknown query parameter'],
  ])('%s → %s', (message, expected) => {
    expect(fieldFirstMessage(message)).toBe(expected);
  });

  it('leaves other messages alone', () => {
    expect(fieldFirstMessage('from: must be before to')).toBe(
      'from: must be before to',
    );
    expect(fieldFirstMessage("malformed uri'")).toBe("malformed uri'");
  });
});
