#!/usr/bin/env node
// @ts-check
/**
 * Writes src/schema/openapi.generated.ts (the spec as a TypeScript `const`) from
 * src/schema/openapi.yaml. `backstage-repo-tools package schema openapi generate --server`
 * would do this upstream, but it runs a Java jar that cannot be downloaded here
 * (BACKSTAGE-SETUP §8). src/schema/openapi.test.ts fails when the output is stale.
 *
 * Usage (from the package): yarn generate:openapi
 */
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');
// The repo root's prettier (and its config), as `yarn prettier` uses: not a dependency of the package.
// eslint-disable-next-line @backstage/no-undeclared-imports
const prettier = require('prettier');

const dir = path.resolve(__dirname, '../src/schema');
const input = path.join(dir, 'openapi.yaml');
const output = path.join(dir, 'openapi.generated.ts');

// CORE_SCHEMA: no YAML timestamps or other types JSON has not (the test loads it the same way).
const spec = yaml.load(fs.readFileSync(input, 'utf8'), {
  schema: yaml.CORE_SCHEMA,
});
const source = `// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT IT DIRECTLY.              *
// * Edit openapi.yaml, then run \`yarn generate:openapi\`.            *
// ******************************************************************

/**
 * The value-stream HTTP API (src/schema/openapi.yaml) as a \`const\`, for
 * \`createValidatedOpenApiRouter<typeof spec>(spec)\`.
 *
 * @internal
 */
export const spec = ${JSON.stringify(spec, null, 2)} as const;
`;
const options = prettier.resolveConfig.sync(output) ?? {};
fs.writeFileSync(
  output,
  prettier.format(source, { ...options, filepath: output }),
);
console.log(`wrote ${path.relative(process.cwd(), output)}`);
