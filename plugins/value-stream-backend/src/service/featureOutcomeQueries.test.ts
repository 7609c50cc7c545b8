import { databases, startValueStream } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const PATH =
  '/entities/component/default/payments/value?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z';
let n = 0;
const ev = (source: string, type: string, day: number, data: object) => ({
  id: `q${++n}`,
  source,
  type,
  occurredAt: `2026-01-${String(day).padStart(2, '0')}T10:00:00Z`,
  ...(source === 'github' || source === 'argocd'
    ? { repository: 'acme/payments' }
    : {}),
  data,
});

/** `count` features, each shipped by its own deployment, with an answer and a usage report. */
function features(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const key = `PAY-${100 + i}`;
    const sha = `f${String(i).padStart(7, '0')}`;
    const day = 2 + (i % 20);
    return [
      ev('jira', 'work_item.created', 1, {
        key,
        title: key,
        itemType: 'feature',
      }),
      ev('github', 'commit.pushed', day, {
        sha,
        message: `${key} ship it`,
        branch: 'main',
        defaultBranch: 'main',
      }),
      ev('argocd', 'deployment.finished', day, {
        deploymentId: `d-${key}`,
        environment: 'production',
        service: 'payments',
        commitSha: sha,
        commits: [sha],
        status: 'success',
      }),
      ev('survey', 'feedback.submitted', day + 1, {
        feedbackId: `fb-${key}`,
        workItemKey: key,
        score: 9,
      }),
      ev('prometheus', 'usage.reported', day + 1, {
        feature: key,
        count: 10,
        from: `2026-01-${String(day).padStart(2, '0')}T12:00:00Z`,
        to: `2026-01-${String(day + 1).padStart(2, '0')}T12:00:00Z`,
      }),
    ];
  }).flat();
}

describe.each(databases.eachSupportedId())('GET …/value reads on %p', id => {
  /** The statements a read sends, once the plugin is idle (events correlated, alerts evaluated). */
  const statementsOf = async (count: number) => {
    const vs = await startValueStream(id);
    try {
      await vs.post('/events', { events: features(count) });
      // A first read waits for the alert evaluations the ingest queued.
      expect((await vs.get(PATH)).status).toBe(200);
      const sql: string[] = [];
      const listen = (q: { sql: string }) => sql.push(q.sql);
      vs.knex.on('query', listen);
      const r = await vs.get(PATH);
      vs.knex.off('query', listen);
      expect(r.status).toBe(200);
      expect(r.body.features).toHaveLength(count);
      // The feature reads' statements (background tasks touch none of these tables), with
      // their `in (?, ?, …)` lists folded (numbered from the first list on PostgreSQL): the same statements whatever the number of features.
      return sql
        .filter(q =>
          /vs_entity_changes|vs_item_links|vs_deployment_commits|vs_events/.test(
            q,
          ),
        )
        .map(q => q.replace(/\((?:(?:\?|\$\d+), )*(?:\?|\$\d+)\)/g, '(…)'));
    } finally {
      await vs.backend.stop();
    }
  };

  it('sends as many statements for 12 features as for 2: no query per feature', async () => {
    const two = await statementsOf(2);
    const twelve = await statementsOf(12);
    expect(twelve).toEqual(two);
    expect(twelve.length).toBeLessThanOrEqual(6);
    // all the features' feedback, usage and tickets in one read
    expect(twelve.filter(q => /from .vs_events/.test(q))).toHaveLength(1);
  });
});
