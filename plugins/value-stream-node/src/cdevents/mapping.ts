import {
  STAGE,
  type CanonicalEvent,
} from '@valuestream/backstage-plugin-value-stream-common';
import { classifyTicket } from './classify';
import { parseCDEvent, ParsedCDEvent, refId, str } from './parse';
import {
  canonicalEvent,
  isRepositorySlug,
  PayloadError,
} from '../adapterToolkit';
import type { CDCloudEvent } from './types';

const SOURCE = 'cdevents';
// purl of a source repository at a commit, e.g. pkg:github/acme/shop@<sha>
const SCM_PURL =
  /^pkg:(?:github|gitlab|bitbucket)\/([^@?#]+)@([0-9a-f]{7,40})(?:[?#].*)?$/i;

type Handler = (e: ParsedCDEvent) => CanonicalEvent[];

function event(
  e: ParsedCDEvent,
  type: string,
  data: Record<string, unknown>,
  extra: { idSuffix?: string; repository?: string } = {},
): CanonicalEvent {
  return canonicalEvent({
    id: extra.idSuffix ? `${e.id}:${extra.idSuffix}` : e.id,
    source: SOURCE,
    type,
    occurredAt: e.occurredAt,
    repository: extra.repository,
    data,
  });
}

function scmPurl(e: ParsedCDEvent) {
  const m = SCM_PURL.exec(str(e.content, 'artifactId') ?? '');
  return m ? { repository: decodeURIComponent(m[1]), sha: m[2] } : undefined;
}

/** `customData.commitSha`, else the commit of a GitHub/GitLab/Bitbucket purl `artifactId`. */
function commitOf(e: ParsedCDEvent): string | undefined {
  return str(e.customData, 'commitSha') ?? scmPurl(e)?.sha;
}

function repositoryOf(e: ParsedCDEvent): string | undefined {
  const repo =
    refId(e.content.repository) ??
    str(e.customData, 'repository') ??
    scmPurl(e)?.repository;
  return repo && isRepositorySlug(repo) ? repo : undefined;
}

/**
 * The number its trailing digits spell, or NaN. A backwards scan, linear in the
 * length: `/(\d+)$/` backtracks from every digit and is quadratic on a long
 * run of digits followed by anything else.
 */
export function trailingNumber(s: string): number {
  let start = s.length;
  while (
    start > 0 &&
    s.charCodeAt(start - 1) >= 48 &&
    s.charCodeAt(start - 1) <= 57
  )
    start--;
  return start < s.length ? Number(s.slice(start)) : NaN;
}

/** CDEvents changes have no number field: it is the trailing digits of the subject id. */
function changeNumber(e: ParsedCDEvent): number {
  const n = trailingNumber(e.subjectId);
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new PayloadError(
      `change subject id "${e.subjectId}" does not end in the change number`,
    );
  }
  return n;
}

function change(type: string): Handler {
  return e => [
    event(
      e,
      type,
      {
        number: changeNumber(e),
        title: str(e.content, 'description') ?? e.subjectId,
        branch: str(e.customData, 'branch'),
        mergeCommitSha:
          type === 'pull_request.merged' ? commitOf(e) : undefined,
      },
      { repository: repositoryOf(e) },
    ),
  ];
}

const REVIEW_STATES = ['approved', 'changes_requested', 'commented'];

const reviewed: Handler = e => {
  const state = str(e.customData, 'state');
  return [
    event(
      e,
      'pull_request.reviewed',
      {
        number: changeNumber(e),
        state: state && REVIEW_STATES.includes(state) ? state : 'commented',
      },
      { repository: repositoryOf(e) },
    ),
  ];
};

const OUTCOMES: Record<string, string> = {
  success: 'success',
  failure: 'failure',
  error: 'failure',
  cancel: 'canceled',
};

function outcome(e: ParsedCDEvent): string | undefined {
  const o = str(e.content, 'outcome') ?? str(e.customData, 'outcome');
  return o ? OUTCOMES[o] : undefined;
}

// Builds and tests correlate only through a commit; without one they are ignored.
function build(type: string): Handler {
  return e => {
    const commitSha = commitOf(e);
    if (!commitSha) return [];
    return [
      event(
        e,
        type,
        {
          buildId: e.subjectId,
          pipeline: str(e.customData, 'pipeline'),
          commitSha,
          status: type === 'build.finished' ? outcome(e) : undefined,
        },
        { repository: repositoryOf(e) },
      ),
    ];
  };
}

const testFinished: Handler = e => {
  const commitSha = commitOf(e);
  const status = outcome(e);
  if (!commitSha || !status) return [];
  return [
    event(
      e,
      'test.finished',
      { runId: e.subjectId, commitSha, status },
      { repository: repositoryOf(e) },
    ),
  ];
};

function deploymentData(e: ParsedCDEvent) {
  const environment = refId(e.content.environment);
  if (!environment) {
    throw new PayloadError(`${e.kind} ${e.id} has no environment.id`);
  }
  return {
    deploymentId: str(e.customData, 'deploymentId') ?? e.id,
    environment,
    service: e.subjectId,
    commitSha: commitOf(e),
  };
}

const deployed: Handler = e => {
  const data = deploymentData(e);
  return [
    event(e, 'deployment.started', data, { idSuffix: 'started' }),
    event(e, 'deployment.finished', { ...data, status: 'success' }),
  ];
};

const rolledBack: Handler = e => [
  event(e, 'deployment.finished', {
    ...deploymentData(e),
    status: 'rolled_back',
  }),
];

function incident(type: string): Handler {
  return e => [
    {
      ...event(e, type, {
        incidentId: e.subjectId,
        service: refId(e.content.service),
        severity: str(e.customData, 'severity'),
        title: str(e.content, 'description'),
        deploymentId: str(e.customData, 'deploymentId'),
        commitSha: commitOf(e),
      }),
      // detected and reported name the same incident: one opening per incident
      id: `incident:${e.subjectId}:${type.split('.')[1]}`,
    },
  ];
}

function labelsOf(e: ParsedCDEvent): string[] {
  const labels = e.content.labels;
  return Array.isArray(labels)
    ? labels.filter((l): l is string => typeof l === 'string')
    : [];
}

/** `ticket.created` names a title always (the subject id when no summary), `updated` only if sent. */
function ticket(type: string, created: boolean): Handler {
  return e => [
    event(e, type, {
      key: e.subjectId,
      title: str(e.content, 'summary') ?? (created ? e.subjectId : undefined),
      itemType: classifyTicket(str(e.content, 'ticketType'), labelsOf(e)),
      priority: str(e.content, 'priority'),
      labels: labelsOf(e),
    }),
  ];
}

const ticketClosed: Handler = e => [
  event(e, 'work_item.status_changed', {
    key: e.subjectId,
    to: 'closed',
    stage: STAGE.done,
  }),
];

const HANDLERS: Record<string, Handler> = {
  'change.created': change('pull_request.opened'),
  'change.merged': change('pull_request.merged'),
  'change.abandoned': change('pull_request.closed'),
  'change.reviewed': reviewed,
  'build.started': build('build.started'),
  'build.finished': build('build.finished'),
  'testsuiterun.finished': testFinished,
  'testcaserun.finished': testFinished,
  'service.deployed': deployed,
  'service.upgraded': deployed,
  'service.rolledback': rolledBack,
  'incident.detected': incident('incident.opened'),
  'incident.reported': incident('incident.opened'),
  'incident.resolved': incident('incident.resolved'),
  'ticket.created': ticket('work_item.created', true),
  'ticket.updated': ticket('work_item.updated', false),
  'ticket.closed': ticketClosed,
};

/**
 * The `<subject>.<predicate>` pairs of CDEvents that map to canonical events
 * (DESIGN §3); every other CDEvents type maps to `[]`.
 * @public
 */
export const MAPPED_CDEVENT_KINDS: readonly string[] = Object.keys(HANDLERS);

/**
 * Maps a CloudEvent carrying a CDEvent to canonical events (DESIGN §3). Pure.
 * Returns `[]` for CDEvents types the value stream does not use and for builds
 * and test runs without a commit (`customData.commitSha` or a GitHub/GitLab
 * purl `artifactId`). Throws an `InputError` for a malformed event.
 * @public
 */
export function cdeventToCanonical(cloudEvent: CDCloudEvent): CanonicalEvent[] {
  const parsed = parseCDEvent(cloudEvent);
  return HANDLERS[parsed.kind]?.(parsed) ?? [];
}
