import { ConfigReader } from '@backstage/config';
import type { JsonValue } from '@backstage/types';
import { DEFAULT_DONE, readDone } from './readDone';

const read = (done: JsonValue) =>
  readDone(
    new ConfigReader({ valueStream: { done } }).getOptionalConfig(
      'valueStream.done',
    ),
  );

describe('readDone', () => {
  it('defaults to the tracker and 24 h of observation', () => {
    expect(readDone(undefined)).toEqual({
      mode: 'tracker',
      observationHours: 24,
    });
    expect(read({})).toEqual(DEFAULT_DONE);
  });

  it('reads delivered with its own observation', () => {
    expect(read({ mode: 'delivered', observationHours: 12 })).toEqual({
      mode: 'delivered',
      observationHours: 12,
    });
    expect(read({ mode: 'delivered' })).toEqual({
      mode: 'delivered',
      observationHours: 24,
    });
    expect(read({ mode: 'delivered', observationHours: 0 })).toEqual({
      mode: 'delivered',
      observationHours: 0,
    });
  });

  it('names the key of a bad value', () => {
    expect(() => read({ mode: 'shipped' })).toThrow(
      'valueStream.done.mode: "shipped" must be one of tracker, delivered',
    );
    expect(() => read({ observationHours: -1 })).toThrow(
      'valueStream.done.observationHours: expected a number of hours, 0 or more',
    );
    expect(() => read({ observationHours: 'a day' })).toThrow(
      'valueStream.done.observationHours: expected a number of hours, 0 or more',
    );
    expect(() =>
      readDone(
        new ConfigReader({ mode: 'x' }),
        'valueStream.profiles.release.done',
      ),
    ).toThrow('valueStream.profiles.release.done.mode: "x" must be one of');
  });
});
