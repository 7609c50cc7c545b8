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
