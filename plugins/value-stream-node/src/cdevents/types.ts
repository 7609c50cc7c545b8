/**
 * A CloudEvent whose data is a CDEvent, as `POST /events` receives it in
 * structured or binary mode (after parsing).
 * @public
 */
export interface CDCloudEvent {
  id: string;
  source: string;
  type: string;
  time?: string;
  subject?: string;
  data: unknown;
}

/**
 * Thrown for a malformed CDEvent. Its `name` is `InputError`, so Backstage's
 * error handler answers 400 (this package does not depend on `@backstage/errors`).
 * @public
 */
export class CDEventInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
