import { InputError, isError } from '@backstage/errors';
import type { ErrorRequestHandler } from 'express';

// ajv's errorsText as express-openapi-validator builds it: "request/<in>/<field> <message>".
const PART = /^request\/(?:query|params|path|headers|body)(?:\/(\S+))? (.+)$/s;
const REQUIRED = /^must have required property '(.+)'$/;
const UNKNOWN = /^Unknown query parameter '(.+)'$/;

/**
 * A request-validation message of express-openapi-validator in the form the handlers
 * use, field first: "request/query/limit must be <= 1000" → "limit: must be <= 1000",
 * "request/query must have required property 'metric'" → "metric: required".
 * Anything else is returned unchanged.
 */
export function fieldFirstMessage(message: string): string {
  const unknown = UNKNOWN.exec(message);
  if (unknown) return `${unknown[1]}: unknown query parameter`;
  return message
    .split(/, (?=request\/)/)
    .map(part => {
      const m = PART.exec(part);
      if (!m) return part;
      const field = m[1]?.replace(/\//g, '.');
      const required = REQUIRED.exec(m[2]);
      if (required)
        return `${field ? `${field}.` : ''}${required[1]}: required`;
      return field ? `${field}: ${m[2]}` : m[2];
    })
    .join('; ');
}

/**
 * Rewrites the InputErrors `createValidatedOpenApiRouter` makes of validation failures
 * (it keeps only the validator's message) to name the field first, as the handlers'
 * own InputErrors do; every other error passes unchanged.
 */
export function fieldFirstValidationErrors(): ErrorRequestHandler {
  return (err, _req, _res, next) => {
    if (!isError(err) || err.name !== 'InputError') return next(err);
    const message = fieldFirstMessage(err.message);
    return next(message === err.message ? err : new InputError(message));
  };
}
