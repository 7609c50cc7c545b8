import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import type { PlannedDeployment, PlannedIncident, PlannedItem } from './plan';
import type { PlannedFeedback } from './planFeedback';
import {
  type DemoSprint,
  itemSprintMoves,
  sprintIteration,
} from './planIterations';
import type { DemoService } from './services';
import { lowerFirst } from './texts';
import { DAY, Millis, iso } from './time';

const DEFAULT_BRANCH = 'main';

type Emit = (
  id: string,
  at: Millis,
  source: string,
  type: string,
  data: Record<string, unknown>,
  repository?: string,
) => void;

function collector(until: Millis) {
  const events: CanonicalEvent[] = [];
  const emit: Emit = (id, at, source, type, data, repository) => {
    if (at > until) return;
    events.push({
      id,
      source,
      type,
      occurredAt: iso(at),
      ...(repository ? { repository } : {}),
      data,
    });
  };
  return { events, emit };
}

function commitMessage(
  item: PlannedItem,
  kind: PlannedItem['commits'][number]['kind'],
): string {
  if (kind === 'first') return `${item.key} ${lowerFirst(item.text.title)}`;
  if (kind === 'fix') return `${item.key} address review comments`;
  return `${item.key} add tests`;
}

/**
 * The files a commit of the item touches (DESIGN §13): its own under the service's folder
 * (`path`), its tests beside them.
 */
function commitFiles(
  item: PlannedItem,
  kind: PlannedItem['commits'][number]['kind'] | 'merge',
): string[] {
  const root = `${item.service.path ?? ''}src/`;
  const code = `${root}${item.text.slug}.ts`;
  const test = `${root}${item.text.slug}.test.ts`;
  if (kind === 'first' || kind === 'fix') return [code];
  return kind === 'more' ? [test] : [code, test];
}

/**
 * The events of one item, as Jira (tracker), GitHub (commits, PR, reviews)
 * and Jenkins (builds of the merge commit) would send them. No `entityRef`:
 * they resolve by key prefix and repository, as a real install's do.
 */
export function itemEvents(
  item: PlannedItem,
  until: Millis,
  sprints: readonly DemoSprint[] = [],
): CanonicalEvent[] {
  const { events, emit } = collector(until);
  const { key, text, service, pr } = item;
  const id = (suffix: string) => `demo-${service.name}-${key}-${suffix}`;
  const repo = service.repository;
  const branch = `${text.branchPrefix}/${key}-${text.slug}`;
  const prTitle = `${key}: ${text.title}`;

  emit(id('created'), item.createdAt, 'jira', 'work_item.created', {
    key,
    title: text.title,
    itemType: item.itemType,
    priority: text.priority,
    ...(item.value !== undefined ? { value: item.value } : {}),
    status: 'To Do',
  });
  // its sprints (DESIGN §14): planned or added, carried over when not done in time
  itemSprintMoves(item, sprints).forEach((move, i) => {
    emit(id(`sprint-${i + 1}`), move.at, 'jira', 'work_item.updated', {
      key,
      iteration: sprintIteration(move.sprint),
    });
  });
  emit(id('started'), item.startedAt, 'jira', 'work_item.status_changed', {
    key,
    from: 'To Do',
    to: 'In Progress',
  });
  item.blocks.forEach((block, i) => {
    emit(id(`blocked-${i + 1}`), block.from, 'jira', 'work_item.blocked', {
      key,
      reason: block.reason,
    });
    emit(id(`unblocked-${i + 1}`), block.to, 'jira', 'work_item.unblocked', {
      key,
    });
  });
  item.commits.forEach((commit, i) => {
    emit(
      id(`commit-${i + 1}`),
      commit.at,
      'github',
      'commit.pushed',
      {
        sha: commit.sha,
        message: commitMessage(item, commit.kind),
        branch,
        defaultBranch: DEFAULT_BRANCH,
        files: commitFiles(item, commit.kind),
      },
      repo,
    );
  });
  const prData = {
    number: pr.number,
    title: prTitle,
    body: `Implements ${key}.`,
    branch,
  };
  emit(
    id('pr-opened'),
    pr.openedAt,
    'github',
    'pull_request.opened',
    {
      ...prData,
      commits: item.commits.filter(c => c.at <= pr.openedAt).map(c => c.sha),
    },
    repo,
  );
  pr.reviews.forEach((review, i) => {
    emit(
      id(`review-${i + 1}`),
      review.at,
      'github',
      'pull_request.reviewed',
      { number: pr.number, state: review.state },
      repo,
    );
  });
  emit(
    id('pr-merged'),
    pr.mergedAt,
    'github',
    'pull_request.merged',
    {
      ...prData,
      commits: item.commits.map(c => c.sha),
      mergeCommitSha: pr.mergeSha,
    },
    repo,
  );
  emit(
    id('merge-commit'),
    pr.mergedAt,
    'github',
    'commit.pushed',
    {
      sha: pr.mergeSha,
      message: `${prTitle} (#${pr.number})`,
      branch: DEFAULT_BRANCH,
      defaultBranch: DEFAULT_BRANCH,
      files: commitFiles(item, 'merge'),
    },
    repo,
  );
  item.builds.forEach(build => {
    const data = {
      buildId: `${service.name}-main-${build.number}`,
      pipeline: `${service.name}/main`,
      commitSha: pr.mergeSha,
    };
    emit(
      id(`build-${build.number}-started`),
      build.startedAt,
      'jenkins',
      'build.started',
      data,
      repo,
    );
    emit(
      id(`build-${build.number}-finished`),
      build.finishedAt,
      'jenkins',
      'build.finished',
      { ...data, status: build.status },
      repo,
    );
  });
  if (item.doneAt !== undefined) {
    emit(id('done'), item.doneAt, 'jira', 'work_item.status_changed', {
      key,
      from: 'In Progress',
      to: 'Done',
    });
  }
  return events;
}

/** Argo CD deployments (`data.service` = the app name), rollbacks included. */
export function deploymentEvents(
  service: DemoService,
  deployment: PlannedDeployment,
  until: Millis,
): CanonicalEvent[] {
  const { events, emit } = collector(until);
  const id = (suffix: string) =>
    `demo-${service.name}-deploy-${deployment.number}-${suffix}`;
  const base = {
    deploymentId: deployment.deploymentId,
    environment: deployment.environment,
    service: service.argocdApp,
  };
  const shipped = {
    ...base,
    commitSha: deployment.commitSha,
    commits: deployment.commits,
  };
  emit(
    id('started'),
    deployment.startedAt,
    'argocd',
    'deployment.started',
    shipped,
  );
  emit(id('finished'), deployment.finishedAt, 'argocd', 'deployment.finished', {
    ...shipped,
    status: deployment.status,
  });
  if (deployment.rolledBackAt !== undefined) {
    emit(
      id('rolled-back'),
      deployment.rolledBackAt,
      'argocd',
      'deployment.finished',
      { ...base, status: 'rolled_back' },
    );
  }
  return events;
}

/** PagerDuty incidents (`data.service` = the PagerDuty service id). */
export function incidentEvents(
  service: DemoService,
  incident: PlannedIncident,
  until: Millis,
): CanonicalEvent[] {
  const { events, emit } = collector(until);
  const id = (suffix: string) =>
    `demo-${service.name}-incident-${incident.label}-${suffix}`;
  const data = {
    incidentId: incident.incidentId,
    service: service.pagerdutyService,
    severity: incident.severity,
    title: incident.title,
    ...(incident.deploymentId ? { deploymentId: incident.deploymentId } : {}),
  };
  emit(id('opened'), incident.openedAt, 'pagerduty', 'incident.opened', data);
  if (incident.resolvedAt !== undefined) {
    emit(
      id('resolved'),
      incident.resolvedAt,
      'pagerduty',
      'incident.resolved',
      data,
    );
  }
  return events;
}

/**
 * A shipped feature's usage (as the Prometheus module reports it, one report per day),
 * survey answers (score only: no person, no comment) and support tickets (DESIGN §14).
 */
export function feedbackEvents(
  feedback: PlannedFeedback,
  until: Millis,
): CanonicalEvent[] {
  const { events, emit } = collector(until);
  const { key, service } = feedback.item;
  const id = (suffix: string) => `demo-${service.name}-${key}-${suffix}`;
  for (const u of feedback.usage) {
    emit(
      id(`usage-${iso(u.from).slice(0, 10)}`),
      u.from + DAY,
      'prometheus',
      'usage.reported',
      {
        feature: key,
        count: u.count,
        from: iso(u.from),
        to: iso(u.from + DAY),
      },
    );
  }
  feedback.answers.forEach((a, i) => {
    emit(id(`nps-${i + 1}`), a.at, 'survey', 'feedback.submitted', {
      feedbackId: `${service.name}-${key}-${i + 1}`,
      workItemKey: key,
      score: a.score,
      channel: 'in-app',
    });
  });
  feedback.tickets.forEach((t, i) => {
    const data = {
      ticketId: `${service.jiraKey}-T${key.split('-').pop()}${i + 1}`,
      workItemKey: key,
    };
    emit(
      id(`ticket-${i + 1}-opened`),
      t.openedAt,
      'helpdesk',
      'support_ticket.opened',
      { ...data, severity: 'normal' },
    );
    emit(
      id(`ticket-${i + 1}-resolved`),
      t.resolvedAt,
      'helpdesk',
      'support_ticket.resolved',
      data,
    );
  });
  return events;
}
