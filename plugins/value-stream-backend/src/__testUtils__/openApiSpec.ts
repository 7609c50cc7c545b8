import type { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { spec } from '../schema/openapi.generated';
import { createRouter, type RouterOptions } from '../service/router';

/**
 * openapi.yaml for the conformance test: its operations as `GET /work-items/{key}`, the
 * answers it documents, and an ajv validator per answer; and the router's own routes
 * in the same form.
 */

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: Method[] = ['get', 'post', 'put', 'patch', 'delete'];
interface Response {
  $ref?: string;
  content?: Record<string, { schema: object }>;
}
const doc = spec as unknown as {
  paths: Record<
    string,
    Partial<Record<Method, { responses: Record<string, Response> }>>
  >;
  components: { responses: Record<string, Response> };
};

/** The spec's paths (`/work-items/{key}`). */
export const specPaths = Object.keys(doc.paths);

/** Every operation of the spec, as `GET /work-items/{key}`. */
export const specOperations = Object.entries(doc.paths).flatMap(
  ([path, item]) =>
    METHODS.filter(m => item[m]).map(m => `${m.toUpperCase()} ${path}`),
);

const operation = (op: string) => {
  const [method, path] = op.split(' ');
  return doc.paths[path]?.[method.toLowerCase() as Method];
};

/** Every documented answer, as `GET /work-items/{key} 404`. */
export function documentedAnswers(): string[] {
  return specOperations.flatMap(op =>
    Object.keys(operation(op)!.responses).map(status => `${op} ${status}`),
  );
}

/** Served by @backstage/backend-openapi-utils itself: the spec, paths under the mount point. */
export const OPENAPI_ROUTE = 'GET /openapi.json';

/** The routes `createRouter` registers, in the form of `specOperations`. */
export async function routerOperations(): Promise<string[]> {
  // Building the router touches none of the services.
  const router = await createRouter({
    logger: mockServices.logger.mock() as LoggerService,
    rebuild: async () => ({ items: 0 }),
  } as RouterOptions);
  const found: string[] = [];
  const walk = (stack: any[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const m of Object.keys(layer.route.methods))
          found.push(
            `${m.toUpperCase()} ${layer.route.path.replace(/:(\w+)/g, '{$1}')}`,
          );
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((router as any).stack);
  return found;
}

/** Whether a concrete path (`/work-items/PAY-1`) is an instance of a spec path. */
export const pathMatches = (template: string, path: string) =>
  new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`).test(path);

// `nullable` (OpenAPI 3.0) is an ajv keyword; `strict: false` lets the OpenAPI-only
// keywords (example, description on non-schemas) pass.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, 'spec');

/** `#/...` refs made absolute, so a schema taken out of the spec resolves in it. */
const inSpec = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(inSpec);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' ? `spec${v}` : inSpec(v),
    ]),
  );
};

const validators = new Map<string, ValidateFunction | null>();
/**
 * The validator of an operation's answer with that status: null for an answer without
 * a body, undefined when the spec does not document the status.
 */
export function responseValidator(
  op: string,
  status: number,
): ValidateFunction | null | undefined {
  const key = `${op} ${status}`;
  if (validators.has(key)) return validators.get(key);
  let response = operation(op)?.responses[status];
  if (response?.$ref)
    response = doc.components.responses[response.$ref.split('/').pop()!];
  if (!response) return undefined;
  const schema = response.content?.['application/json']?.schema;
  const validate = schema ? ajv.compile(inSpec(schema) as object) : null;
  validators.set(key, validate);
  return validate;
}
