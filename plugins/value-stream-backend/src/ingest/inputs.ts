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

/** The request as a whole cannot be read (not JSON, wrong shape): 400, or `status`. */
export class BadRequestBody extends Error {
  constructor(message: string, readonly status = 400) {
    super(message);
  }
}
