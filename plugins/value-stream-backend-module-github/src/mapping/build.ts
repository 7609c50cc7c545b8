import type {
  CheckSuiteEvent,
  WorkflowRunEvent,
} from '@octokit/webhooks-types';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { canonical, iso, repositoryOf, required } from './util';

const CONCLUSIONS: Record<string, 'success' | 'failure' | 'canceled'> = {
  success: 'success',
  failure: 'failure',
  timed_out: 'failure',
  startup_failure: 'failure',
  cancelled: 'canceled',
};

interface Run {
  buildId: string;
  pipeline?: string;
  commitSha: string;
  startedAt: string;
  finishedAt?: string;
  conclusion?: string | null;
}

function buildEvents(repository: string, run: Run, finished: boolean) {
  const data = {
    buildId: run.buildId,
    pipeline: run.pipeline,
    commitSha: run.commitSha,
  };
  const events: CanonicalEvent[] = [
    canonical({
      id: `build:${repository}:${run.buildId}:started`,
      type: 'build.started',
      occurredAt: run.startedAt,
      repository,
      data,
    }),
  ];
  if (finished) {
    events.push(
      canonical({
        id: `build:${repository}:${run.buildId}:finished`,
        type: 'build.finished',
        occurredAt: required(run.finishedAt, 'updated_at'),
        repository,
        data: { ...data, status: CONCLUSIONS[run.conclusion ?? ''] },
      }),
    );
  }
  return events;
}

/**
 * `workflow_run`: requested/in_progress → `build.started`; completed →
 * `build.started` (a duplicate when already seen) and `build.finished`.
 * Each re-run attempt is its own build.
 */
export function mapWorkflowRun(payload: WorkflowRunEvent): CanonicalEvent[] {
  const run = required(payload.workflow_run, 'workflow_run');
  if (!['requested', 'in_progress', 'completed'].includes(payload.action))
    return [];
  const attempt = (run as { run_attempt?: number }).run_attempt ?? 1;
  const startedAt =
    (run as { run_started_at?: string }).run_started_at ?? run.created_at;
  return buildEvents(
    repositoryOf(payload),
    {
      buildId: `${required(run.id, 'workflow_run.id')}:${attempt}`,
      pipeline: run.name || undefined,
      commitSha: required(run.head_sha, 'workflow_run.head_sha'),
      startedAt: iso(startedAt, 'workflow_run.run_started_at'),
      finishedAt: iso(run.updated_at, 'workflow_run.updated_at'),
      conclusion: run.conclusion,
    },
    payload.action === 'completed' && run.status === 'completed',
  );
}

/**
 * `check_suite`: requested/rerequested → `build.started`; completed → started
 * and finished. Subscribe to either this or `workflow_run` for GitHub Actions,
 * not both, or each run counts twice.
 */
export function mapCheckSuite(payload: CheckSuiteEvent): CanonicalEvent[] {
  const suite = required(payload.check_suite, 'check_suite');
  const finished = payload.action === 'completed';
  if (!finished && !['requested', 'rerequested'].includes(payload.action))
    return [];
  return buildEvents(
    repositoryOf(payload),
    {
      buildId: `check_suite:${required(suite.id, 'check_suite.id')}`,
      pipeline: suite.app?.name,
      commitSha: required(suite.head_sha, 'check_suite.head_sha'),
      startedAt: iso(suite.created_at, 'check_suite.created_at'),
      finishedAt: iso(suite.updated_at, 'check_suite.updated_at'),
      conclusion: suite.conclusion,
    },
    finished,
  );
}
