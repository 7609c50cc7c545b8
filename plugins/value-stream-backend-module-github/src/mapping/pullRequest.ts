import type {
  PullRequestEvent,
  PullRequestReviewEvent,
} from '@octokit/webhooks-types';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { touchedFiles } from '@valuestream/backstage-plugin-value-stream-node';
import { canonical, iso, repositoryOf, required } from './util';

/**
 * `pull_request`: opened/reopened → `pull_request.opened`; closed →
 * `pull_request.merged` (with the merge or squash commit) or `.closed`.
 * `edited` re-emits `pull_request.opened` at the PR's creation time with the new
 * title and body, so work-item keys added later are found without moving any stage.
 */
export function mapPullRequest(payload: PullRequestEvent): CanonicalEvent[] {
  const pr = required(payload.pull_request, 'pull_request');
  const repository = repositoryOf(payload);
  const number = required(pr.number, 'pull_request.number');
  const base = `pr:${repository}#${number}`;
  const data = {
    number,
    title: pr.title ?? '',
    body: pr.body,
    branch: pr.head?.ref,
    // Not in GitHub's webhook payload: the importer adds the PR's files (DESIGN §13).
    ...filesOf(pr),
  };
  const one = (id: string, type: string, occurredAt: string, extra = {}) => [
    canonical({
      id,
      type,
      occurredAt,
      repository,
      data: { ...data, ...extra },
    }),
  ];
  switch (payload.action) {
    case 'opened':
      return one(
        `${base}:opened`,
        'pull_request.opened',
        iso(pr.created_at, 'pull_request.created_at'),
      );
    case 'reopened':
      return one(
        `${base}:reopened:${pr.updated_at}`,
        'pull_request.opened',
        iso(pr.updated_at, 'pull_request.updated_at'),
      );
    case 'edited':
      return one(
        `${base}:edited:${pr.updated_at}`,
        'pull_request.opened',
        iso(pr.created_at, 'pull_request.created_at'),
      );
    case 'closed':
      if (pr.merged) {
        return one(
          `${base}:merged`,
          'pull_request.merged',
          iso(pr.merged_at, 'pull_request.merged_at'),
          {
            mergeCommitSha: required(
              pr.merge_commit_sha,
              'pull_request.merge_commit_sha',
            ),
          },
        );
      }
      return one(
        `${base}:closed:${pr.closed_at}`,
        'pull_request.closed',
        iso(pr.closed_at, 'pull_request.closed_at'),
      );
    default:
      return [];
  }
}

function filesOf(pr: object): { files?: string[] } {
  const files = touchedFiles((pr as { files?: unknown }).files);
  return files ? { files } : {};
}

const REVIEW_STATES: Record<string, string> = {
  approved: 'approved',
  changes_requested: 'changes_requested',
  commented: 'commented',
};

/** `pull_request_review` submitted → `pull_request.reviewed`. */
export function mapPullRequestReview(
  payload: PullRequestReviewEvent,
): CanonicalEvent[] {
  if (payload.action !== 'submitted') return [];
  const review = required(payload.review, 'review');
  const state = REVIEW_STATES[String(review.state).toLowerCase()];
  if (!state) return [];
  const repository = repositoryOf(payload);
  const number = required(payload.pull_request?.number, 'pull_request.number');
  return [
    canonical({
      id: `review:${repository}#${number}:${required(review.id, 'review.id')}`,
      type: 'pull_request.reviewed',
      occurredAt: iso(review.submitted_at, 'review.submitted_at'),
      repository,
      data: { number, state },
    }),
  ];
}
