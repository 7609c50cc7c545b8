import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'js-yaml';
import { spec } from './openapi.generated';

describe('openapi.generated.ts', () => {
  it('is openapi.yaml as it is now (after editing the yaml, run `yarn generate:openapi`)', () => {
    const source = readFileSync(resolve(__dirname, 'openapi.yaml'), 'utf8');
    expect(spec).toEqual(yaml.load(source, { schema: yaml.CORE_SCHEMA }));
  });
});
