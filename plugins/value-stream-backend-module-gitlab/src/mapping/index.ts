import { InputError } from '@backstage/errors';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import type { WebhookHeaders } from '@valuestream/backstage-plugin-value-stream-node';
import { mapDeployment } from './deployment';
import { mapIssue } from './issue';
import { mapMergeRequest } from './mergeRequest';
import { mapPipeline } from './pipeline';
import { mapPush } from './push';
import type { Payload } from './util';

/** `object_kind` of each payload this module maps. */
const MAPPERS: Record<string, (p: Payload) => CanonicalEvent[]> = {
  push: mapPush,
  merge_request: mapMergeRequest,
  pipeline: mapPipeline,
  deployment: mapDeployment,
  issue: mapIssue,
};

/**
 * Maps a GitLab webhook payload (Push, Merge Request, Pipeline, Deployment,
 * Issue hooks) to canonical events, by its `object_kind`. Pure.
 * @public
 */
export function gitlabToEvents(
  payload: unknown,
  _headers: WebhookHeaders,
): CanonicalEvent[] {
  if (
    typeof payload !== 'object' ||
    payload === null ||
    Array.isArray(payload)
  ) {
    throw new InputError('GitLab payload must be a JSON object');
  }
  const kind = (payload as Payload).object_kind;
  if (typeof kind !== 'string')
    throw new InputError('GitLab payload has no object_kind');
  const mapper = MAPPERS[kind];
  if (!mapper) return [];
  try {
    return mapper(payload as Payload);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`malformed GitLab ${kind} payload: ${String(e)}`);
  }
}
