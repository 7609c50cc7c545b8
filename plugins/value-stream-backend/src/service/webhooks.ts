import {
  AuthenticationError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { IngestResponse } from '@valuestream/backstage-plugin-value-stream-common';
import type {
  SourceAdapter,
  WebhookHeaders,
} from '@valuestream/backstage-plugin-value-stream-node';
import type { Request } from 'express';
import { parseCloudEvents } from '../ingest/cloudEvents';
import type { IngestService } from '../ingest/IngestService';

function lowerHeaders(req: Request): WebhookHeaders {
  const out: WebhookHeaders = {};
  for (const [k, v] of Object.entries(req.headers)) {
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  }
  return out;
}

/**
 * `POST /webhooks/:source`: a source without a secret refuses (403), a bad signature is
 * a 401 and stores nothing, a malformed payload a 400, an unused event type a 202 ignored.
 */
export async function handleWebhook(
  req: Request,
  options: {
    sources: Map<string, SourceAdapter>;
    webhookSecrets: Record<string, string>;
    ingest: IngestService;
  },
): Promise<IngestResponse> {
  const id = req.params.source;
  const source = options.sources.get(id);
  if (!source) {
    throw new NotFoundError(
      `Unknown source "${id}"; installed: ${
        [...options.sources.keys()].join(', ') || 'none'
      }`,
    );
  }
  const secret = options.webhookSecrets[id];
  if (!secret) {
    throw new NotAllowedError(
      `Source "${id}" is not configured: set valueStream.sources.${id}.webhookSecret`,
    );
  }
  const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const headers = lowerHeaders(req);
  let verified = false;
  try {
    verified = source.verify({ rawBody, headers }, secret);
  } catch {
    verified = false;
  }
  if (!verified)
    throw new AuthenticationError(
      `Webhook signature or token for "${id}" is missing or wrong`,
    );
  if (source.cloudEvents) {
    // the CDEvents webhook: the one CloudEvents parser, CDEvents only
    return options.ingest.accept(
      parseCloudEvents(rawBody.toString('utf8'), headers, {
        cdeventsOnly: true,
      }),
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody.toString('utf8'));
  } catch (e) {
    throw new InputError(
      `Webhook body is not valid JSON: ${(e as Error).message}`,
    );
  }
  let events;
  try {
    events = source.toEvents(payload, headers);
  } catch (e) {
    throw new InputError(`Malformed ${id} payload: ${(e as Error).message}`);
  }
  if (!events.length) return { accepted: 0, duplicates: 0, ignored: 1 };
  return options.ingest.acceptEvents(events);
}
