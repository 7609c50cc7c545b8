// Deterministic canonical events (DESIGN §3) for the benchmark: one main entity with N work
// items and 100 other entities with a few items each, ~20 events per item over 90 days.
// The same seed and anchor day always give the same events.
import crypto from 'node:crypto';

const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sha = (...parts) =>
  crypto.createHash('sha1').update(parts.join('/')).digest('hex');

const ITEM_TYPES = [
  'feature',
  'feature',
  'feature',
  'defect',
  'defect',
  'debt',
  'risk',
];

/** A service component found by its repository slug and Jira project key. */
export const component = (name, slug, key) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: {
      'github.com/project-slug': slug,
      'jira/project-key': key,
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/bench-team',
  },
});

export const benchTeam = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'bench-team' },
  spec: { type: 'team', children: [] },
};

/** The catalog entities: the main component, 100 others, the owning group. */
export function benchEntities({ others = 100 } = {}) {
  const list = [benchTeam, component('bench-main', 'bench/main', 'BEN')];
  for (let i = 1; i <= others; i++) {
    const n = String(i).padStart(3, '0');
    list.push(component(`bench-svc-${n}`, `bench/svc-${n}`, `S${n}`));
  }
  return list;
}

/**
 * The lifecycle events of one work item, cut at `anchor` (later events have not happened yet,
 * so recent items are still open at various stages).
 */
function itemEvents({
  rnd,
  key,
  repository,
  service,
  prNumber,
  createdAt,
  anchor,
  push,
}) {
  const at = t => new Date(t).toISOString();
  let seq = 0;
  const ev = (source, type, t, data, withRepo = false) => {
    if (t >= anchor) return false;
    push({
      id: `${key}:${++seq}`,
      source,
      type,
      occurredAt: at(t),
      ...(withRepo ? { repository } : {}),
      data,
    });
    return true;
  };
  const itemType = ITEM_TYPES[Math.floor(rnd() * ITEM_TYPES.length)];
  let t = createdAt;
  ev('jira', 'work_item.created', t, {
    key,
    title: `${key} ${itemType} number ${prNumber}`,
    itemType,
    priority: ['Low', 'Medium', 'High'][Math.floor(rnd() * 3)],
    status: 'To Do',
  });
  ev('jira', 'work_item.updated', t + 10 * MIN, {
    key,
    labels: ['bench'],
    value: 1 + Math.floor(rnd() * 100),
  });
  if (rnd() < 0.08) return; // stays in the backlog
  t += (0.5 + rnd() * 8) * D;
  if (
    !ev('jira', 'work_item.status_changed', t, {
      key,
      from: 'To Do',
      to: 'In Progress',
    })
  )
    return;

  const branch = `feature/${key}`;
  const commits = [];
  for (let c = 0; c < 4; c++) {
    t += (1 + rnd() * 20) * H;
    const s = sha(key, c);
    commits.push(s);
    ev(
      'github',
      'commit.pushed',
      t,
      {
        sha: s,
        message: `${key} part ${c + 1} of the change`,
        branch,
        defaultBranch: 'main',
      },
      true,
    );
  }
  if (rnd() < 0.15) {
    t += rnd() * 2 * D;
    ev('jira', 'work_item.blocked', t, {
      key,
      reason: 'waiting for another team',
    });
    t += (2 + rnd() * 40) * H;
    ev('jira', 'work_item.unblocked', t, { key });
  }
  const pr = { number: prNumber, title: `${key}: the change`, branch, commits };
  t += (1 + rnd() * 6) * H;
  ev('github', 'pull_request.opened', t, pr, true);
  ev('jira', 'work_item.status_changed', t + 2 * MIN, {
    key,
    from: 'In Progress',
    to: 'In Review',
  });
  t += (1 + rnd() * 30) * H;
  ev(
    'github',
    'pull_request.reviewed',
    t,
    { number: prNumber, state: 'approved' },
    true,
  );
  t += (0.5 + rnd() * 10) * H;
  const merge = sha(key, 'merge');
  if (
    !ev(
      'github',
      'pull_request.merged',
      t,
      { ...pr, mergeCommitSha: merge },
      true,
    )
  )
    return;
  ev(
    'github',
    'commit.pushed',
    t + MIN,
    {
      sha: merge,
      message: `Merge pull request #${prNumber} from ${branch}`,
      branch: 'main',
      defaultBranch: 'main',
    },
    true,
  );

  const build = (n, status) => {
    t += 5 * MIN;
    ev(
      'jenkins',
      'build.started',
      t,
      { buildId: `${key}-b${n}`, pipeline: 'ci', commitSha: merge },
      true,
    );
    t += (8 + rnd() * 20) * MIN;
    ev(
      'jenkins',
      'build.finished',
      t,
      { buildId: `${key}-b${n}`, pipeline: 'ci', commitSha: merge, status },
      true,
    );
  };
  if (rnd() < 0.2) build(0, 'failure');
  build(1, 'success');
  ev(
    'jenkins',
    'test.finished',
    t + MIN,
    { runId: `${key}-t`, commitSha: merge, status: 'success' },
    true,
  );

  const included = [...commits, merge];
  const deploy = (environment, id) => {
    t += (0.5 + rnd() * 6) * H;
    const d = {
      deploymentId: id,
      environment,
      service,
      commitSha: merge,
      commits: included,
    };
    ev('argocd', 'deployment.started', t, d);
    t += (3 + rnd() * 10) * MIN;
    return ev('argocd', 'deployment.finished', t, { ...d, status: 'success' });
  };
  deploy('staging', `${key}-stg`);
  t += (1 + rnd() * 24) * H;
  if (!deploy('production', `${key}-prd`)) return;
  if (rnd() < 0.05) {
    const incident = {
      incidentId: `${key}-inc`,
      service,
      severity: 'SEV2',
      title: `${key} broke something`,
      deploymentId: `${key}-prd`,
    };
    const opened = t + (1 + rnd() * 5) * H;
    ev('pagerduty', 'incident.opened', opened, incident);
    ev(
      'pagerduty',
      'incident.resolved',
      opened + (0.5 + rnd() * 8) * H,
      incident,
    );
  }
  t += (2 + rnd() * 40) * H;
  ev('jira', 'work_item.status_changed', t, {
    key,
    from: 'In Review',
    to: 'Done',
  });
}

/**
 * All events, sorted by occurredAt (a chronological backfill). `anchor` is the end of the
 * 90-day span (epoch ms); items are created uniformly over its first 80 days.
 */
export function generateEvents({
  items,
  others = 100,
  perOther = 5,
  anchor,
  seed = 42,
  prefix = 'BEN',
  repository = 'bench/main',
  service = 'bench-main',
}) {
  const rnd = prng(seed);
  const events = [];
  const push = e => events.push(e);
  const span = 80 * D;
  const start = anchor - 90 * D;
  const mainKeys = [];
  for (let i = 0; i < items; i++) {
    const key = `${prefix}-${i + 1}`;
    mainKeys.push(key);
    const createdAt = Math.floor(
      start + (i / items) * span + rnd() * (span / items),
    );
    itemEvents({
      rnd,
      key,
      repository,
      service,
      prNumber: i + 1,
      createdAt,
      anchor,
      push,
    });
  }
  for (let o = 1; o <= others; o++) {
    const n = String(o).padStart(3, '0');
    for (let i = 0; i < perOther; i++) {
      const createdAt = Math.floor(start + rnd() * span);
      itemEvents({
        rnd,
        key: `S${n}-${i + 1}`,
        repository: `bench/svc-${n}`,
        service: `bench-svc-${n}`,
        prNumber: i + 1,
        createdAt,
        anchor,
        push,
      });
    }
  }
  events.sort((a, b) =>
    a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0,
  );
  return { events, mainKeys };
}
