/**
 * A malformed payload. Its `name` is `InputError`, so Backstage's error handler and the
 * value-stream webhook route answer 400 (this package does not depend on
 * `@backstage/errors`).
 * @public
 */
export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * True for a JSON object (not null, not an array).
 * @public
 */
export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value, or a {@link PayloadError} naming the missing field: `null`, `undefined`
 * and `''` are missing. `what` names the payload (`GitHub payload`).
 * @public
 */
export function required<T>(
  value: T | null | undefined,
  field: string,
  what: string,
): T {
  if (value === null || value === undefined || value === '') {
    throw new PayloadError(`${what} is missing ${field}`);
  }
  return value;
}

/**
 * A non-empty string field of an object, else undefined.
 * @public
 */
export function str(obj: unknown, key: string): string | undefined {
  if (!isObject(obj)) return undefined;
  const v = obj[key];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/**
 * A finite number field of an object, else undefined.
 * @public
 */
export function num(obj: unknown, key: string): number | undefined {
  if (!isObject(obj)) return undefined;
  const v = obj[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * What {@link parsePayload} needs of a schema: zod's `safeParse` (any version), without
 * this package depending on zod.
 * @public
 */
export interface PayloadSchema<T> {
  safeParse(value: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: {
          issues: ReadonlyArray<{
            path: ReadonlyArray<PropertyKey>;
            message: string;
          }>;
        };
      };
}

/**
 * The payload checked against a schema, or a {@link PayloadError}
 * `malformed <what>: <path>: <message>; …`.
 * @public
 */
export function parsePayload<T>(
  schema: PayloadSchema<T>,
  payload: unknown,
  what: string,
): T {
  const r = schema.safeParse(payload);
  if (r.success) return r.data;
  throw new PayloadError(
    `malformed ${what}: ${r.error.issues
      .map(i => `${i.path.map(String).join('.')}: ${i.message}`)
      .join('; ')}`,
  );
}
