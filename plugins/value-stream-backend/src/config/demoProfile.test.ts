import { ConfigReader } from '@backstage/config';
import fs from 'fs';
import yaml from 'js-yaml';
import path from 'path';
import { profileForEntity } from './profiles';
import { readValueStreamConfig } from './readConfig';

// The repository's app-config.yaml puts the demo's team-web on its own process.
const appConfig = yaml.load(
  fs.readFileSync(
    path.resolve(__dirname, '../../../../app-config.yaml'),
    'utf8',
  ),
) as { valueStream: object };

describe("the demo's team profile (app-config.yaml)", () => {
  const config = readValueStreamConfig(
    new ConfigReader({ valueStream: appConfig.valueStream }),
  );

  it('passes validation and gives team-web product-flow', () => {
    const p = profileForEntity(
      { owners: ['group:default/team-web'] },
      config.profiles,
    );
    expect(p.name).toBe('product-flow');
    expect(p.stages.map(s => [s.name, s.wipLimit])).toEqual([
      ['Backlog', undefined],
      ['Dev', 6],
      ['Review', 3],
      ['QA', undefined],
      ['Release', undefined],
      ['Done', undefined],
    ]);
    expect(p.done).toEqual({ mode: 'delivered', observationHours: 24 });
    // The demo generator's statuses land in the profile's stages.
    expect(
      ['To Do', 'In Progress', 'Done'].map(
        s => p.statusMapping[s.toLowerCase()],
      ),
    ).toEqual(['Backlog', 'Dev', 'Done']);
    expect(
      profileForEntity(
        { owners: ['group:default/team-payments'] },
        config.profiles,
      ).name,
    ).toBe('default');
  });
});
