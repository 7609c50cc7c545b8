import { InputError } from '@backstage/errors';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { z } from 'zod';
import {
  canonicalEvent,
  parsePayload,
  repositoryFromGitUrl,
} from '@valuestream/backstage-plugin-value-stream-node';

/** Options of the Argo CD mapping. @public */
export interface ArgoCdMappingOptions {
  /** Application label naming the environment; default `environment`, else the destination namespace. */
  environmentLabel?: string;
}

const source = z.looseObject({
  repoURL: z.string().nullish(),
  chart: z.string().nullish(),
});

// The body of the README's template: parts of the Application (`.app`) object.
// A body of `{"app": {{toJson .app}}}` (the whole Application) works as well.
const body = z.object({
  app: z.looseObject({
    metadata: z.looseObject({
      name: z.string().min(1),
      namespace: z.string().nullish(),
      labels: z.record(z.string(), z.string()).nullish(),
    }),
    spec: z
      .looseObject({
        destination: z
          .looseObject({
            namespace: z.string().nullish(),
            name: z.string().nullish(),
          })
          .nullish(),
      })
      .nullish(),
    status: z.looseObject({
      operationState: z.looseObject({
        phase: z.string().min(1),
        startedAt: z.iso.datetime({ offset: true }),
        finishedAt: z.iso.datetime({ offset: true }).nullish(),
        syncResult: z
          .looseObject({
            revision: z.string().nullish(),
            revisions: z.array(z.string()).nullish(),
            source: source.nullish(),
            sources: z.array(source).nullish(),
          })
          .nullish(),
        operation: z
          .looseObject({
            sync: z.looseObject({ revision: z.string().nullish() }).nullish(),
          })
          .nullish(),
      }),
    }),
  }),
});

const FINISHED: Record<string, 'success' | 'failure'> = {
  Succeeded: 'success',
  Failed: 'failure',
  Error: 'failure',
};

/**
 * Maps an Argo CD Notifications webhook (the README template) to deployment
 * events: a finished sync (Succeeded / Failed / Error) → `deployment.started` at
 * `startedAt` + `deployment.finished` at `finishedAt`; Running →
 * `deployment.started`. Pure.
 * @public
 */
export function argoCdToEvents(
  payload: unknown,
  options: ArgoCdMappingOptions = {},
): CanonicalEvent[] {
  const { metadata, spec, status } = parsePayload(
    body,
    payload,
    'Argo CD notification',
  ).app;
  const op = status.operationState;
  const result = FINISHED[op.phase];
  if (!result && op.phase !== 'Running') return [];

  const environment =
    metadata.labels?.[options.environmentLabel ?? 'environment'] ||
    spec?.destination?.namespace ||
    spec?.destination?.name;
  if (!environment) {
    throw new InputError(
      'Argo CD notification names no environment label or destination',
    );
  }
  const commitSha =
    op.syncResult?.revision ||
    op.syncResult?.revisions?.[0] ||
    op.operation?.sync?.revision;
  // The Git repository synced from (the first one of a multi-source app), so the
  // backend can include the changes merged into it up to the synced revision.
  const synced = op.syncResult?.source ?? op.syncResult?.sources?.[0];
  const repository = synced?.chart
    ? undefined
    : repositoryFromGitUrl(synced?.repoURL);
  const app = metadata.namespace
    ? `${metadata.namespace}/${metadata.name}`
    : metadata.name;
  // one sync operation of one application
  const deploymentId = `${app}@${op.startedAt}`;
  const data = {
    deploymentId,
    environment,
    service: metadata.name,
    commitSha: commitSha || undefined,
  };
  const phase = (
    type: 'started' | 'finished',
    at: string,
    extra: Record<string, unknown> = {},
  ) =>
    canonicalEvent({
      id: `${deploymentId}:${type}`,
      source: 'argocd',
      type: `deployment.${type}`,
      occurredAt: new Date(at).toISOString(),
      repository,
      data: { ...data, ...extra },
    });
  const events: CanonicalEvent[] = [phase('started', op.startedAt)];
  if (result) {
    if (!op.finishedAt)
      throw new InputError('Argo CD notification has no finishedAt');
    events.push(phase('finished', op.finishedAt, { status: result }));
  }
  return events;
}
