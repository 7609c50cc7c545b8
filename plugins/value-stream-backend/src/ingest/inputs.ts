import { CustomErrorBase } from '@backstage/errors';

/** One input item of a `POST /events` body (or webhook, or events-service message) before validation. */
export interface RawInput {
  /** Index in the request (for `rejected[].index`). */
  index: number;
  /** Canonical event candidates (a CDEvent may map to several). */
  candidates: unknown[];
  /** A message when the input could not even be turned into candidates. */
  error?: string;
  /**
   * An input the route takes but does not store: a CloudEvent that is not a CDEvent on
   * the CDEvents webhook. Counted as `ignored`.
   */
  ignored?: boolean;
}

/**
 * A request body of a media type `POST /events` does not take: 415. A class with a
 * `statusCode`, so the standard Backstage error handler maps it.
 */
export class UnsupportedMediaTypeError extends CustomErrorBase {
  name = 'UnsupportedMediaTypeError' as const;
  statusCode = 415;
}

/** More events or bytes than one request may carry (DESIGN §11): 413. */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413;
}
