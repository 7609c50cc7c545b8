import { InputError } from '@backstage/errors';
import type { WebhookEventMap } from '@octokit/webhooks-types';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import type { WebhookHeaders } from '@valuestream/backstage-plugin-value-stream-node';
import { mapCheckSuite, mapWorkflowRun } from './build';
import { mapDeployment, mapDeploymentStatus } from './deployment';
import { mapIssues } from './issues';
import { mapPullRequest, mapPullRequestReview } from './pullRequest';
import { mapPush } from './push';
import { isObject } from './util';

type Mappers = {
  [E in keyof WebhookEventMap]?: (
    payload: WebhookEventMap[E],
  ) => CanonicalEvent[];
};

const MAPPERS: Mappers = {
  push: mapPush,
  pull_request: mapPullRequest,
  pull_request_review: mapPullRequestReview,
  workflow_run: mapWorkflowRun,
  check_suite: mapCheckSuite,
  deployment: mapDeployment,
  deployment_status: mapDeploymentStatus,
  issues: mapIssues,
};

/** The GitHub webhook events this module maps (all others, `ping` included, give `[]`). @public */
export const GITHUB_EVENTS = Object.keys(MAPPERS) as Array<
  keyof WebhookEventMap
>;

/**
 * Maps a GitHub webhook payload to canonical events; the event name comes from
 * the `x-github-event` header. Pure.
 * @public
 */
export function githubToEvents(
  payload: unknown,
  headers: WebhookHeaders,
): CanonicalEvent[] {
  const name = headers['x-github-event'];
  if (!name) throw new InputError('missing X-GitHub-Event header');
  const mapper = MAPPERS[name as keyof WebhookEventMap] as
    | ((p: unknown) => CanonicalEvent[])
    | undefined;
  if (!mapper) return [];
  if (!isObject(payload))
    throw new InputError('GitHub payload must be a JSON object');
  try {
    return mapper(payload);
  } catch (e) {
    if (e instanceof InputError) throw e;
    // a payload shaped unlike GitHub's (wrong types deep inside)
    throw new InputError(`malformed GitHub ${name} payload: ${String(e)}`);
  }
}
