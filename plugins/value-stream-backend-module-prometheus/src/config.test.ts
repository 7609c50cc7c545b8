import { ConfigReader } from '@backstage/config';
import { DEFAULT_SCHEDULE, readPrometheusConfig } from './config';

const read = (prometheus: object) =>
  readPrometheusConfig(
    new ConfigReader({ valueStream: { sources: { prometheus } } }),
  );
const features = { 'PAY-12': 'sum(increase(checkout_total[1d]))' };

describe('readPrometheusConfig', () => {
  it('reads the queries with the defaults', () => {
    expect(
      read({ baseUrl: 'http://prom:9090/', token: 't', features }),
    ).toEqual({
      baseUrl: 'http://prom:9090',
      token: 't',
      features,
      days: 7,
      schedule: DEFAULT_SCHEDULE,
    });
  });

  it('reads days and a schedule', () => {
    const c = read({
      baseUrl: 'http://prom:9090',
      features,
      days: 3,
      schedule: { frequency: { cron: '15 0 * * *' }, timeout: { minutes: 5 } },
    });
    expect(c?.days).toBe(3);
    expect(c?.schedule).toEqual({
      frequency: { cron: '15 0 * * *' },
      timeout: { minutes: 5 },
    });
  });

  it('takes GitHub and GitLab work-item keys', () => {
    expect(
      read({ baseUrl: 'http://p', features: { 'acme/shop#12': 'up' } })
        ?.features,
    ).toEqual({ 'acme/shop#12': 'up' });
  });

  it('is undefined without baseUrl or features', () => {
    expect(readPrometheusConfig(new ConfigReader({}))).toBeUndefined();
    expect(read({ features })).toBeUndefined();
    expect(read({ baseUrl: 'http://prom:9090' })).toBeUndefined();
  });

  it.each([
    [{ baseUrl: 'prom:9090', features }, 'baseUrl: expected an http(s) URL'],
    [
      { baseUrl: 'http://p', features: { 'PAY-1': 3 } },
      'features.PAY-1: expected a PromQL query',
    ],
    [
      { baseUrl: 'http://p', features: { 'new checkout': 'up' } },
      'features.new checkout: expected a work-item key',
    ],
    [
      { baseUrl: 'http://p', features, days: 0 },
      'days: expected a whole number of days',
    ],
    [
      { baseUrl: 'http://p', features, days: 1.5 },
      'days: expected a whole number of days',
    ],
  ])('refuses %p', (config, message) => {
    expect(() => read(config)).toThrow(
      `valueStream.sources.prometheus.${message}`,
    );
  });
});
