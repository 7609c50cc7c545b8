import { ConfigReader } from '@backstage/config';
import { DEFAULT_STAGES } from '@valuestream/backstage-plugin-value-stream-common';
import fs from 'fs';
import path from 'path';
import { DEFAULT_RULE_THRESHOLDS } from '../alerts/thresholds';
import { readValueStreamConfig } from './readConfig';

// The "Every key" table of docs/install.md states the defaults; it must state the real ones.
const table = new Map(
  fs
    .readFileSync(
      path.resolve(__dirname, '../../../../docs/install.md'),
      'utf8',
    )
    .split('\n')
    .flatMap(line => {
      const m = line.match(/^\| `([^`]+)` +\| (.*?) +\|/);
      return m ? [[m[1], m[2]] as const] : [];
    }),
);

describe('the defaults documented in docs/install.md', () => {
  it('name the default stages with their categories', () => {
    expect(table.get('valueStream.stages')).toBe(
      DEFAULT_STAGES.map(s => `${s.name} (${s.category})`).join(', '),
    );
  });

  it('give every alert threshold its real default', () => {
    const numeric = Object.entries(DEFAULT_RULE_THRESHOLDS).filter(
      ([k, v]) => typeof v === 'number' && k !== 'highValueThreshold',
    );
    // high_value_stuck's threshold is `alerts.highValue.threshold` (DESIGN §17).
    expect(table.get('valueStream.alerts.highValue.threshold')).toBe(
      `\`${DEFAULT_RULE_THRESHOLDS.highValueThreshold}\``,
    );
    expect(numeric.length).toBeGreaterThan(10);
    for (const [key, value] of numeric) {
      expect([key, table.get(`valueStream.alerts.thresholds.${key}`)]).toEqual([
        key,
        `\`${value}\``,
      ]);
    }
  });

  it('list the default environment names', () => {
    const config = readValueStreamConfig(new ConfigReader({}));
    for (const env of ['production', 'staging'] as const) {
      expect(table.get(`valueStream.environments.${env}`)).toBe(
        `\`[${config.environments[env].join(', ')}]\``,
      );
    }
  });

  it('give the history import settings their real defaults', () => {
    const { import: defaults } = readValueStreamConfig(new ConfigReader({}));
    for (const [key, value] of Object.entries(defaults)) {
      expect([key, table.get(`valueStream.import.${key}`)]).toEqual([
        key,
        `\`${value}\``,
      ]);
    }
  });

  it('give the rework settings their real defaults', () => {
    const { rework } = readValueStreamConfig(new ConfigReader({}));
    expect(table.get('valueStream.rework.itemTypes')).toBe(
      `\`[${rework.itemTypes.join(', ')}]\``,
    );
    expect(table.get('valueStream.rework.branchPattern')).toBe(
      `\`${rework.branchPattern.source.replace(/\\\//g, '/')}\``,
    );
  });

  it('give the feature outcome window and the Prometheus days their real defaults', () => {
    const { feedback } = readValueStreamConfig(new ConfigReader({}));
    expect(table.get('valueStream.feedback.windowDays')).toBe(
      `\`${feedback.windowDays}\``,
    );
    // -module-prometheus's DEFAULT days (its config.ts); the backend does not depend on it
    expect(table.get('valueStream.sources.prometheus.days')).toBe('`7`');
  });

  it('give the blocker settings their real defaults', () => {
    const config = readValueStreamConfig(new ConfigReader({}));
    expect(table.get('valueStream.blockedLabels')).toBe(
      `\`[${config.blockedLabels.join(', ')}]\``,
    );
    expect(table.get('valueStream.blockedReasons')).toBe(
      config.blockedReasons.map(r => `\`${r.category}\``).join(', '),
    );
  });
});
