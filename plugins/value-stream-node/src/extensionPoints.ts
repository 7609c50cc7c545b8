import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type {
  CanonicalEvent,
  IngestResponse,
} from '@valuestream/backstage-plugin-value-stream-common';

/**
 * Headers of a webhook request, lower-cased names.
 * @public
 */
export type WebhookHeaders = Record<string, string | undefined>;

/**
 * A webhook request as a source adapter sees it: the raw bytes (for signature checks),
 * the lower-cased headers and the parsed body.
 * @public
 */
export interface WebhookRequest {
  rawBody: Buffer;
  headers: WebhookHeaders;
}

/**
 * What every source adapter has: an id and a webhook check.
 * @public
 */
export interface SourceAdapterBase {
  /** Source id, also the webhook path: `POST /api/value-stream/webhooks/<id>`. */
  id: string;
  /**
   * Checks that a webhook request really comes from the tool. `secret` is
   * `valueStream.sources.<id>.webhookSecret`; a source without it refuses every
   * webhook before this is called. Must compare in constant time.
   */
  verify(request: WebhookRequest, secret: string): boolean;
}

/**
 * A tool with payloads of its own (GitHub, Jira, …), mapped by the adapter.
 * @public
 */
export interface NativeSourceAdapter extends SourceAdapterBase {
  cloudEvents?: undefined;
  /**
   * Pure mapping from a native payload (parsed JSON) and its headers to canonical
   * events. Returns `[]` for payloads the value stream does not use; throws
   * `InputError` (from `@backstage/errors`) for a malformed payload. `occurredAt`
   * comes from the payload's own timestamps.
   */
  toEvents(payload: unknown, headers: WebhookHeaders): CanonicalEvent[];
  /**
   * Backstage events-service topics to consume (e.g. `github`); each event's
   * payload and metadata (as headers) go through {@link NativeSourceAdapter.toEvents}.
   * Events arriving there were verified by the module that published them.
   */
  eventTopics?: string[];
}

/**
 * A tool that sends CDEvents as CloudEvents. The backend reads its webhooks with the
 * same CloudEvents parser as `POST /events` (structured, batch or binary mode) and maps
 * them with `cdeventToCanonical`; a CDEvent that maps to nothing is stored raw and
 * counted `ignored`, and a CloudEvent that is not a CDEvent is counted `ignored` and not
 * stored.
 * @public
 */
export interface CloudEventsSourceAdapter extends SourceAdapterBase {
  cloudEvents: true;
}

/**
 * A tool that sends events to the value stream (DESIGN §2).
 * Modules register one through {@link valueStreamSourcesExtensionPoint}.
 * @public
 */
export type SourceAdapter = NativeSourceAdapter | CloudEventsSourceAdapter;

/**
 * An extension point that allows other plugins or modules to add source adapters.
 * @public
 */
export interface ValueStreamSourcesExtensionPoint {
  addSources(...sources: SourceAdapter[]): void;
}

/** @public */
export const valueStreamSourcesExtensionPoint =
  createExtensionPoint<ValueStreamSourcesExtensionPoint>({
    id: 'value-stream.sources',
  });

/**
 * Maps a tool's status name (e.g. Jira "In Review") to a stage name, or
 * `undefined` to fall back to `valueStream.statusMapping` and the defaults.
 * @public
 */
export type StatusMapper = (options: {
  status: string;
  source: string;
}) => string | undefined;

/**
 * An extension point that allows modules to customise how tool statuses map to stages.
 * @public
 */
export interface ValueStreamStageMappingExtensionPoint {
  setStatusMapper(mapper: StatusMapper): void;
}

/** @public */
export const valueStreamStageMappingExtensionPoint =
  createExtensionPoint<ValueStreamStageMappingExtensionPoint>({
    id: 'value-stream.stage-mapping',
  });

/**
 * What a producer gets to feed events in through the same path as webhooks.
 * @public
 */
export interface ValueStreamIngestContext {
  ingest(events: CanonicalEvent[]): Promise<IngestResponse>;
}

/**
 * Something that generates events from inside the backend (the demo data, a poller).
 * `start` is called once the plugin is ready.
 * @public
 */
export interface EventProducer {
  id: string;
  start(context: ValueStreamIngestContext): Promise<void>;
}

/**
 * An extension point that allows modules to add event producers.
 * @public
 */
export interface ValueStreamProducersExtensionPoint {
  addProducers(...producers: EventProducer[]): void;
}

/** @public */
export const valueStreamProducersExtensionPoint =
  createExtensionPoint<ValueStreamProducersExtensionPoint>({
    id: 'value-stream.producers',
  });
