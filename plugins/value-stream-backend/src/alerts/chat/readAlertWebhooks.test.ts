import { ConfigReader } from '@backstage/config';
import { readAlertWebhooks } from './readAlertWebhooks';

const read = (webhooks: unknown) =>
  readAlertWebhooks(
    new ConfigReader({ valueStream: { alerts: { webhooks } } } as any),
  );
const URL = 'https://hooks.slack.com/services/T0/B0/s3cr3t';

describe('readAlertWebhooks', () => {
  it('is empty without the key', () => {
    expect(readAlertWebhooks(new ConfigReader({}))).toEqual([]);
  });

  it('reads each entry with its defaults and owner refs made full', () => {
    expect(
      read([
        { url: URL, format: 'slack' },
        {
          url: 'http://mattermost.local/hooks/x',
          format: 'teams',
          minSeverity: 'critical',
          owners: ['team-a', 'group:ops/SRE'],
        },
      ]),
    ).toEqual([
      {
        url: URL,
        format: 'slack',
        minSeverity: 'info',
        name: 'webhooks[0] (slack)',
      },
      {
        url: 'http://mattermost.local/hooks/x',
        format: 'teams',
        minSeverity: 'critical',
        owners: ['group:default/team-a', 'group:ops/sre'],
        name: 'webhooks[1] (teams)',
      },
    ]);
  });

  it.each([
    [
      { url: URL, format: 'discord' },
      "Invalid valueStream.alerts.webhooks[0].format 'discord': expected one of slack, mattermost, teams",
    ],
    [
      { url: 'ftp://x/s3cr3t', format: 'slack' },
      'Invalid valueStream.alerts.webhooks[0].url: expected an http or https URL',
    ],
    [
      { url: 's3cr3t', format: 'slack' },
      'Invalid valueStream.alerts.webhooks[0].url: expected an http or https URL',
    ],
    [
      { url: URL, format: 'slack', minSeverity: 'high' },
      "Invalid valueStream.alerts.webhooks[0].minSeverity 'high': expected one of info, warning, critical",
    ],
  ])('names the key of a bad entry, never the URL: %j', (entry, message) => {
    expect(() => read([entry])).toThrow(message);
    expect(message).not.toContain('s3cr3t');
  });

  it('names a missing url or format', () => {
    expect(() => read([{ format: 'slack' }])).toThrow(/url/);
    expect(() => read([{ url: URL }])).toThrow(/format/);
  });
});
