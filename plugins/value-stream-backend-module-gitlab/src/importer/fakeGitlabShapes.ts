// REST v4 response shapes for the fake GitLab, after the examples of docs.gitlab.com/api:
// projects.md "Get a single project", merge_requests.md "List project merge requests" and
// "Get single merge request commits", merge_request_approvals.md "Retrieve approval state
// for a merge request", issues.md "List project issues", resource_state_events.md "List
// project issue state events", pipelines.md "List project pipelines" / "Get a single
// pipeline", deployments.md "List project deployments".

/** Facts a test gives for one object. */
export type Row = Record<string, any>;

export const user = {
  id: 1,
  username: 'admin',
  name: 'Administrator',
  state: 'active',
  avatar_url: null,
  web_url: 'https://gitlab.example.com/admin',
};

/** A project as `GET /projects/:id` answers (the fields of the docs example that matter). */
export function apiProject(p: {
  id: number;
  path: string;
  web_url: string;
  default_branch: string;
}) {
  const [namespace, name] = [
    p.path.split('/').slice(0, -1).join('/'),
    p.path.split('/').pop(),
  ];
  return {
    id: p.id,
    description: null,
    name,
    name_with_namespace: `${namespace} / ${name}`,
    path: name,
    path_with_namespace: p.path,
    created_at: '2016-01-01T00:00:00.000Z',
    default_branch: p.default_branch,
    web_url: p.web_url,
    visibility: 'private',
    namespace: {
      id: 2,
      name: namespace,
      path: namespace,
      kind: 'group',
      full_path: namespace,
    },
  };
}

/** An MR as `GET /projects/:id/merge_requests` lists it. */
export function apiMergeRequest(projectId: number, webUrl: string, mr: Row) {
  return {
    id: 1000 + mr.iid,
    iid: mr.iid,
    project_id: projectId,
    title: mr.title,
    description: mr.description ?? null,
    state: mr.state,
    created_at: mr.created_at,
    updated_at: mr.updated_at,
    merged_by: mr.state === 'merged' ? user : null,
    merge_user: mr.state === 'merged' ? user : null,
    merged_at: mr.merged_at ?? null,
    closed_by: mr.state === 'closed' ? user : null,
    closed_at: mr.closed_at ?? null,
    target_branch: mr.target_branch ?? 'main',
    source_branch: mr.source_branch,
    user_notes_count: 0,
    upvotes: 0,
    downvotes: 0,
    author: user,
    assignees: [],
    reviewers: [],
    source_project_id: mr.source_project_id ?? projectId,
    target_project_id: projectId,
    labels: [],
    draft: false,
    work_in_progress: false,
    milestone: null,
    merge_when_pipeline_succeeds: false,
    merge_status: 'can_be_merged',
    detailed_merge_status: 'not_open',
    sha: mr.sha ?? null,
    merge_commit_sha: mr.merge_commit_sha ?? null,
    squash_commit_sha: mr.squash_commit_sha ?? null,
    discussion_locked: null,
    should_remove_source_branch: null,
    force_remove_source_branch: false,
    reference: `!${mr.iid}`,
    references: {
      short: `!${mr.iid}`,
      relative: `!${mr.iid}`,
      full: `x!${mr.iid}`,
    },
    web_url: `${webUrl}/-/merge_requests/${mr.iid}`,
    time_stats: { time_estimate: 0, total_time_spent: 0 },
    squash: false,
    task_completion_status: { count: 0, completed_count: 0 },
    has_conflicts: false,
    blocking_discussions_resolved: true,
  };
}

/** A commit as `GET /projects/:id/merge_requests/:iid/commits` lists it. */
export function apiCommit(c: {
  id: string;
  message: string;
  committed_date: string;
}) {
  return {
    id: c.id,
    short_id: c.id.slice(0, 8),
    title: c.message.split('\n')[0],
    author_name: 'Example User',
    author_email: 'user@example.com',
    authored_date: c.committed_date,
    committer_name: 'Example User',
    committer_email: 'user@example.com',
    created_at: c.committed_date,
    message: c.message,
    committed_date: c.committed_date,
    parent_ids: [],
    web_url: `https://gitlab.example.com/-/commit/${c.id}`,
  };
}

/** An issue as `GET /projects/:id/issues` lists it (labels as names). */
export function apiIssue(projectId: number, i: Row) {
  return {
    id: 5000 + i.iid,
    iid: i.iid,
    project_id: projectId,
    title: i.title,
    description: '',
    state: i.state,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: i.closed_at ?? null,
    closed_by: i.closed_at ? user : null,
    labels: i.labels ?? [],
    milestone: null,
    assignees: [],
    author: user,
    type: 'ISSUE',
    issue_type: 'issue',
    user_notes_count: 0,
    upvotes: 0,
    downvotes: 0,
    due_date: null,
    confidential: false,
    web_url: `https://gitlab.example.com/-/issues/${i.iid}`,
    // listed only where the group has iterations (Premium), null when in none
    ...(i.iteration !== undefined ? { iteration: i.iteration } : {}),
  };
}

/** A pipeline as `GET /projects/:id/pipelines/:id` answers; the list drops the detail fields. */
export function apiPipeline(projectId: number, p: Row) {
  return {
    id: p.id,
    iid: p.iid ?? p.id,
    project_id: projectId,
    name: p.name ?? null,
    status: p.status,
    ref: p.ref ?? 'main',
    sha: p.sha,
    before_sha: p.sha,
    tag: false,
    yaml_errors: null,
    user,
    created_at: p.created_at,
    updated_at: p.updated_at,
    started_at: p.started_at ?? p.created_at,
    finished_at: p.finished_at ?? null,
    committed_at: null,
    duration: null,
    queued_duration: null,
    coverage: null,
    source: 'push',
    web_url: `https://gitlab.example.com/-/pipelines/${p.id}`,
    detailed_status: {
      icon: `status_${p.status}`,
      text: p.status,
      label: p.status,
      group: p.status,
    },
  };
}

/** The fields `GET /projects/:id/pipelines` lists (the rest are in the single answer). */
export const PIPELINE_LIST_FIELDS = [
  'id',
  'iid',
  'project_id',
  'sha',
  'ref',
  'status',
  'source',
  'created_at',
  'updated_at',
  'web_url',
  'name',
];

/** A deployment as `GET /projects/:id/deployments` lists it. */
export function apiDeployment(d: Row) {
  return {
    id: d.id,
    iid: d.iid ?? d.id,
    ref: d.ref ?? 'main',
    sha: d.sha,
    created_at: d.created_at,
    updated_at: d.updated_at,
    status: d.status,
    user,
    environment: {
      id: 9,
      name: d.environment,
      tier: d.tier ?? 'production',
      external_url: null,
      created_at: d.created_at,
      updated_at: d.updated_at,
    },
    deployable: {
      id: d.id + 1,
      status: d.status,
      stage: 'deploy',
      name: 'deploy',
      ref: d.ref ?? 'main',
      tag: false,
      created_at: d.created_at,
      started_at: d.started_at ?? null,
      finished_at: d.finished_at ?? null,
      commit: { id: d.sha, short_id: d.sha.slice(0, 8) },
    },
  };
}

/** An approval of an MR: who, and when (`approved_at`, reported by recent GitLab versions). */
export interface FakeApproval {
  userId: number;
  username: string;
  approved_at?: string;
}

/** `GET /projects/:id/merge_requests/:iid/approvals` (merge_request_approvals.md). */
export function apiApprovals(
  projectId: number,
  mr: Row,
  approvals: FakeApproval[],
) {
  return {
    id: 1000 + mr.iid,
    iid: mr.iid,
    project_id: projectId,
    title: mr.title,
    description: mr.description ?? null,
    state: mr.state,
    created_at: mr.created_at,
    updated_at: mr.updated_at,
    merge_status: 'can_be_merged',
    approved: approvals.length > 0,
    approvals_required: 0,
    approvals_left: 0,
    require_password_to_approve: false,
    approved_by: approvals.map(a => ({
      user: { ...user, id: a.userId, username: a.username, name: a.username },
      ...(a.approved_at ? { approved_at: a.approved_at } : {}),
    })),
    suggested_approvers: [],
    approvers: [],
    approver_groups: [],
    user_has_approved: false,
    user_can_approve: true,
    approval_rules_left: [],
    has_approval_rules: false,
    merge_request_approvers_available: false,
    multiple_approval_rules_available: false,
    invalid_approvers_rules: [],
  };
}
