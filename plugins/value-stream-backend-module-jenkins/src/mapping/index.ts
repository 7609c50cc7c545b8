import { InputError } from '@backstage/errors';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import {
  canonicalEvent,
  parsePayload,
  repositoryFromGitUrl,
} from '@valuestream/backstage-plugin-value-stream-node';
import { z } from 'zod';

const notification = z.object({
  name: z.string().min(1),
  url: z.string().optional(),
  build: z.object({
    number: z.number().int(),
    phase: z.string().min(1),
    status: z.string().nullish(),
    timestamp: z.number().nullish(),
    duration: z.number().nullish(),
    scm: z
      .object({
        url: z.string().nullish(),
        branch: z.string().nullish(),
        commit: z.string().nullish(),
      })
      .nullish(),
  }),
});

const STATUSES: Record<string, 'success' | 'failure' | 'canceled'> = {
  SUCCESS: 'success',
  FAILURE: 'failure',
  UNSTABLE: 'failure',
  ABORTED: 'canceled',
  NOT_BUILT: 'canceled',
};

/** `job/team/job/shop/` → `team/shop`, the `jenkins.io/job-full-name` of the job. */
export function jobFullName(name: string, url?: string): string {
  const parts = (url ?? '').split('/').filter(Boolean);
  const names: string[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    if (parts[i] !== 'job') break;
    names.push(decodeURIComponent(parts[i + 1]));
  }
  return names.length ? names.join('/') : name;
}

/**
 * Maps a Jenkins Notification plugin message: phase STARTED → `build.started`,
 * COMPLETED and FINALIZED → `build.finished` (the same event; the second is a
 * duplicate). QUEUED and builds without an SCM commit → `[]`. Pure.
 * @public
 */
export function jenkinsToEvents(payload: unknown): CanonicalEvent[] {
  const { name, url, build } = parsePayload(
    notification,
    payload,
    'Jenkins notification',
  );
  const phase = build.phase.toUpperCase();
  const finished = phase === 'COMPLETED' || phase === 'FINALIZED';
  if (phase !== 'STARTED' && !finished) return [];
  const commitSha = build.scm?.commit;
  if (!commitSha) return [];
  if (typeof build.timestamp !== 'number') {
    throw new InputError(
      'Jenkins notification has no build.timestamp (Notification plugin ≥ 1.5 sends it)',
    );
  }
  // timestamp is the build's start; it finishes `duration` ms later
  const finishedAt = build.timestamp + (build.duration ?? 0);
  const pipeline = jobFullName(name, url);
  const buildId = `${pipeline}#${build.number}`;
  const repository = repositoryFromGitUrl(build.scm?.url);
  const status = finished
    ? STATUSES[build.status?.toUpperCase() ?? '']
    : undefined;
  return [
    canonicalEvent({
      id: `${buildId}:${finished ? 'finished' : 'started'}`,
      source: 'jenkins',
      type: finished ? 'build.finished' : 'build.started',
      occurredAt: new Date(
        finished ? finishedAt : build.timestamp,
      ).toISOString(),
      repository,
      data: { buildId, pipeline, commitSha, status },
    }),
  ];
}
