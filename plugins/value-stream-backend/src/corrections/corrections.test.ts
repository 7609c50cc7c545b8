import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { databases, startValueStream } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const DAY = 86400;
const repo = { repository: 'acme/payments' };
let n = 0;
const ev = (
  source: string,
  type: string,
  day: string,
  data: object,
  extra: object = {},
) => ({
  id: `c${++n}`,
  source,
  type,
  occurredAt: `2026-01-${day}Z`,
  ...extra,
  data,
});
const push = (sha: string, day: string, message: string) =>
  ev(
    'github',
    'commit.pushed',
    day,
    { sha, message, branch: 'main', defaultBranch: 'main' },
    repo,
  );
const deploy = (id: string, day: string, commits: string[]) =>
  ev(
    'argocd',
    'deployment.finished',
    day,
    {
      deploymentId: id,
      environment: 'production',
      service: 'payments',
      commits,
      status: 'success',
    },
    repo,
  );

/**
 * PAY-7: created 1 Jan, commits A (2 Jan) and B (3 Jan) on main, both deployed by d1
 * (4 Jan), done 6 Jan: started 2 Jan (first commit), cycle time 4 d, lead time for changes
 * d1 − A = 2 d. PAY-8 (feature): in progress 2 Jan, done 3 Jan, cycle time 1 d. Commit C
 * (unrelated) deployed by d2 on 5 Jan. Incident i1 opened 4 Jan 02:00: attributed to d1
 * (the latest production deployment before it), so 1 failed of 2 deployments.
 */
const HISTORY = [
  ev('jira', 'work_item.created', '01T00:00:00', {
    key: 'PAY-7',
    title: 'Refunds',
    itemType: 'feature',
  }),
  push('aaaa1111', '02T00:00:00', 'PAY-7 refunds model'),
  push('bbbb2222', '03T00:00:00', 'PAY-7 refunds endpoint'),
  push('cccc3333', '04T12:00:00', 'Tidy logging'),
  deploy('d1', '04T00:00:00', ['aaaa1111', 'bbbb2222']),
  deploy('d2', '05T00:00:00', ['cccc3333']),
  ev('jira', 'work_item.status_changed', '06T00:00:00', {
    key: 'PAY-7',
    to: 'Done',
  }),
  ev('jira', 'work_item.created', '02T00:00:00', {
    key: 'PAY-8',
    title: 'Receipts',
    itemType: 'feature',
    value: 20,
  }),
  ev('jira', 'work_item.status_changed', '02T00:00:01', {
    key: 'PAY-8',
    to: 'In Progress',
  }),
  ev('jira', 'work_item.status_changed', '03T00:00:01', {
    key: 'PAY-8',
    to: 'Done',
  }),
  ev('pagerduty', 'incident.opened', '04T02:00:00', {
    incidentId: 'i1',
    service: 'PPAY',
    severity: 'sev2',
  }),
  ev('pagerduty', 'incident.resolved', '04T04:00:00', {
    incidentId: 'i1',
    service: 'PPAY',
  }),
];

const WINDOW = 'from=2026-01-01T00:00:00Z&to=2026-01-08T00:00:00Z';
const METRICS = `/entities/component/default/payments/metrics?${WINDOW}`;

/** An auditor that keeps every event and its outcome. */
function capturingAuditor() {
  const events: { eventId: string; meta?: object; outcome?: string }[] = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async options => {
      const entry: (typeof events)[number] = {
        eventId: options.eventId,
        meta: options.meta,
      };
      events.push(entry);
      return {
        success: async o => {
          entry.outcome = 'success';
          entry.meta = { ...entry.meta, ...o?.meta };
        },
        fail: async () => {
          entry.outcome = 'fail';
        },
      };
    },
  });
  return { events, factory: auditor.factory };
}

describe.each(databases.eachSupportedId())('POST /corrections on %p', id => {
  async function start(features: any[] = []) {
    const vs = await startValueStream(id, { features });
    await vs.post('/events', HISTORY);
    const correct = (body: object, headers = vs.asUser) =>
      vs.post('/corrections', body, headers);
    const item = async (key: string) =>
      (await vs.get(`/work-items/${key}`)).body;
    const metrics = async () => (await vs.get(METRICS)).body;
    /** POST /rebuild and wait until it is done. */
    const rebuild = async () => {
      const r = await vs.post('/rebuild', {}, vs.asUser);
      let job = r.body;
      for (let i = 0; i < 500 && job.state === 'running'; i++) {
        await new Promise(resolve => setTimeout(resolve, 20));
        job = (await vs.get(`/rebuild/${r.body.id}`)).body;
      }
      expect(job.state).toBe('done');
    };
    return { vs, correct, item, metrics, rebuild };
  }

  it('unlinks and links commits, applied at once and kept by a rebuild', async () => {
    const audit = capturingAuditor();
    const { vs, correct, item, metrics, rebuild } = await start([
      audit.factory,
    ]);
    try {
      const before = await item('PAY-7');
      expect(before.links.commits.map((c: any) => c.sha)).toEqual([
        'aaaa1111',
        'bbbb2222',
      ]);
      expect(before.startedAt).toBe('2026-01-02T00:00:00.000Z');
      expect(before.cycleTime).toBe(4 * DAY);
      expect(before.leadTimeForChanges).toBe(2 * DAY);
      expect((await metrics()).flow.cycleTime.mean).toBe(2.5 * DAY);

      const started = Date.now();
      const r = await correct({
        kind: 'unlink',
        workItemKey: 'PAY-7',
        commitSha: 'AAAA1111',
      });
      expect(r.status).toBe(202);
      expect(r.body).toEqual({ id: expect.any(String) });
      // Applied by the time the 202 answers, well within 5 s.
      expect(Date.now() - started).toBeLessThan(5000);
      const unlinked = await item('PAY-7');
      expect(unlinked.links.commits.map((c: any) => c.sha)).toEqual([
        'bbbb2222',
      ]);
      // Started with B (3 Jan): cycle 3 d; lead time for changes d1 − B = 1 d.
      expect(unlinked.startedAt).toBe('2026-01-03T00:00:00.000Z');
      expect(unlinked.cycleTime).toBe(3 * DAY);
      expect(unlinked.leadTimeForChanges).toBe(1 * DAY);
      expect((await metrics()).flow.cycleTime.mean).toBe(2 * DAY);

      // Link the unrelated commit C: deployed by d2 (5 Jan).
      expect(
        (
          await correct({
            kind: 'link',
            workItemKey: 'PAY-7',
            commitSha: 'cccc3333',
          })
        ).status,
      ).toBe(202);
      const linked = await item('PAY-7');
      expect(linked.links.commits.map((c: any) => c.sha)).toEqual([
        'bbbb2222',
        'cccc3333',
      ]);
      expect(
        linked.links.deployments.map((d: any) => d.deploymentId).sort(),
      ).toEqual(['d1', 'd2']);

      // A repeat changes nothing; the rebuild keeps both corrections.
      await correct({
        kind: 'unlink',
        workItemKey: 'PAY-7',
        commitSha: 'aaaa1111',
      });
      await vs.knex('vs_link_corrections').delete();
      await vs.knex('vs_stage_intervals').delete();
      await rebuild();
      const rebuilt = await item('PAY-7');
      expect(rebuilt.links.commits.map((c: any) => c.sha)).toEqual([
        'bbbb2222',
        'cccc3333',
      ]);
      expect(rebuilt.cycleTime).toBe(3 * DAY);
      expect(rebuilt.leadTimeForChanges).toBe(1 * DAY);

      // Undo (the inverse correction) restores the derived link.
      await correct({
        kind: 'link',
        workItemKey: 'PAY-7',
        commitSha: 'aaaa1111',
      });
      expect((await item('PAY-7')).cycleTime).toBe(4 * DAY);

      expect(audit.events.map(e => [e.eventId, e.outcome])).toEqual([
        ['correction-create', 'success'],
        ['correction-create', 'success'],
        ['correction-create', 'success'],
        ['correction-create', 'success'],
      ]);
      expect(audit.events[0].meta).toMatchObject({
        kind: 'unlink',
        id: r.body.id,
        correction: { workItemKey: 'PAY-7', commitSha: 'AAAA1111' },
      });
    } finally {
      await vs.backend.stop();
    }
  });

  it('unlinks and links a pull request with its commits', async () => {
    const { vs, correct, item, rebuild } = await start();
    try {
      // PR #5 names PAY-8; its commit D (2 Jan 12:00) is PAY-8's through the PR.
      await vs.post('/events', [
        push('dddd4444', '02T12:00:00', 'receipts template'),
        ev(
          'github',
          'pull_request.opened',
          '02T13:00:00',
          { number: 5, title: 'PAY-8 receipts', commits: ['dddd4444'] },
          repo,
        ),
      ]);
      const pr = { repository: 'acme/payments', number: 5 };
      const linked = await item('PAY-8');
      expect(linked.links.pullRequests.map((p: any) => p.number)).toEqual([5]);
      expect(linked.links.commits.map((c: any) => c.sha)).toEqual(['dddd4444']);

      await correct({ kind: 'unlink', workItemKey: 'PAY-8', pullRequest: pr });
      const unlinked = await item('PAY-8');
      expect(unlinked.links.pullRequests).toEqual([]);
      expect(unlinked.links.commits).toEqual([]);

      // Linked to PAY-7 by hand instead: its commit comes along.
      await correct({ kind: 'link', workItemKey: 'PAY-7', pullRequest: pr });
      await rebuild();
      expect(
        (await item('PAY-7')).links.pullRequests.map((p: any) => p.number),
      ).toEqual([5]);
      expect(
        (await item('PAY-7')).links.commits.map((c: any) => c.sha),
        // oldest first: D (2 Jan 12:00) before B (3 Jan)
      ).toEqual(['aaaa1111', 'dddd4444', 'bbbb2222']);
      expect((await item('PAY-8')).links.pullRequests).toEqual([]);
    } finally {
      await vs.backend.stop();
    }
  });

  it('sets type and value, excludes an item, and a rebuild keeps both', async () => {
    const { vs, correct, item, metrics, rebuild } = await start();
    try {
      expect((await metrics()).flow.throughput.byType).toMatchObject({
        feature: 2,
        defect: 0,
      });
      await correct({
        kind: 'set_item',
        workItemKey: 'PAY-8',
        itemType: 'defect',
        value: 40,
      });
      expect(await item('PAY-8')).toMatchObject({
        itemType: 'defect',
        value: 40,
      });
      expect((await metrics()).flow.throughput.byType).toMatchObject({
        feature: 1,
        defect: 1,
      });
      // value null: the item has no value, whatever the tracker said.
      await correct({ kind: 'set_item', workItemKey: 'PAY-8', value: null });
      expect(await item('PAY-8')).toMatchObject({
        itemType: 'defect',
        value: null,
      });

      await correct({
        kind: 'exclude_item',
        workItemKey: 'PAY-7',
        excluded: true,
      });
      const m = await metrics();
      expect(m.flow.throughput.total).toBe(1);
      expect(m.flow.cycleTime.mean).toBe(1 * DAY);
      const listed = await vs.get(
        '/entities/component/default/payments/work-items?state=all',
      );
      expect(listed.body.items.map((i: any) => i.key)).toEqual(['PAY-8']);
      // Still readable, marked excluded, so the dialog can undo.
      expect(await item('PAY-7')).toMatchObject({
        key: 'PAY-7',
        excluded: true,
      });

      await vs.knex('vs_excluded_item_entities').delete();
      await rebuild();
      expect(await item('PAY-8')).toMatchObject({
        itemType: 'defect',
        value: null,
        excluded: false,
      });
      expect((await metrics()).flow.throughput.total).toBe(1);
      expect(await item('PAY-7')).toMatchObject({ excluded: true });

      await correct({
        kind: 'exclude_item',
        workItemKey: 'PAY-7',
        excluded: false,
      });
      expect((await metrics()).flow.throughput.total).toBe(2);
    } finally {
      await vs.backend.stop();
    }
  });

  it('attributes an incident to another deployment or to none', async () => {
    const { vs, correct, item, metrics, rebuild } = await start();
    try {
      expect((await metrics()).dora.changeFailureRate).toMatchObject({
        failed: 1,
        total: 2,
        rate: 0.5,
      });
      expect(
        (await item('PAY-7')).links.incidents.map((i: any) => i.incidentId),
      ).toEqual(['i1']);

      await correct(
        { kind: 'attribute_incident', incidentId: 'i1', deploymentId: null },
        vs.asService,
      );
      expect((await metrics()).dora.changeFailureRate).toMatchObject({
        failed: 0,
        total: 2,
        rate: 0,
      });
      expect((await item('PAY-7')).links.incidents).toEqual([]);

      await correct({
        kind: 'attribute_incident',
        incidentId: 'i1',
        deploymentId: 'd2',
      });
      await rebuild();
      expect((await metrics()).dora.changeFailureRate).toMatchObject({
        failed: 1,
        total: 2,
        rate: 0.5,
      });
      // d2 is not PAY-7's deployment.
      expect((await item('PAY-7')).links.incidents).toEqual([]);
    } finally {
      await vs.backend.stop();
    }
  });

  it('refuses a correction without the permission, and audits the refusal', async () => {
    const audit = capturingAuditor();
    const { vs, correct, item } = await start([
      audit.factory,
      mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(r => ({
            result:
              'permission' in r &&
              r.permission.name === 'value-stream.correction.create'
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          })),
      }).factory,
    ]);
    try {
      for (const [body, headers] of [
        [
          { kind: 'unlink', workItemKey: 'PAY-7', commitSha: 'aaaa1111' },
          vs.asUser,
        ],
        [
          { kind: 'set_item', workItemKey: 'PAY-8', itemType: 'risk' },
          vs.asUser,
        ],
        [
          { kind: 'exclude_item', workItemKey: 'PAY-8', excluded: true },
          vs.asService,
        ],
        [
          { kind: 'attribute_incident', incidentId: 'i1', deploymentId: null },
          vs.asService,
        ],
      ] as const) {
        const r = await correct(body, headers);
        expect(r.status).toBe(403);
        expect(r.body.error.name).toBe('NotAllowedError');
      }
      expect((await item('PAY-7')).links.commits).toHaveLength(2);
      expect(await item('PAY-8')).toMatchObject({ itemType: 'feature' });
      expect(audit.events.map(e => [e.meta, e.outcome])).toEqual([
        [{ kind: 'unlink' }, 'fail'],
        [{ kind: 'set_item' }, 'fail'],
        [{ kind: 'exclude_item' }, 'fail'],
        [{ kind: 'attribute_incident' }, 'fail'],
      ]);
      expect(
        await vs.knex('vs_events').where('type', 'like', 'correction.%'),
      ).toEqual([]);
    } finally {
      await vs.backend.stop();
    }
  });

  it('answers 400 naming the field, 404 for an unknown target', async () => {
    const { vs, correct } = await start();
    try {
      const cases: [object, string][] = [
        [{}, 'kind'],
        [{ kind: 'merge', workItemKey: 'PAY-7' }, 'kind'],
        [{ kind: 'unlink', commitSha: 'aaaa1111' }, 'workItemKey'],
        [{ kind: 'unlink', workItemKey: 'PAY-7' }, 'commitSha'],
        [{ kind: 'link', workItemKey: 'PAY-7', commitSha: 'xyz' }, 'commitSha'],
        [
          {
            kind: 'link',
            workItemKey: 'PAY-7',
            pullRequest: { repository: 'acme/payments', number: 0 },
          },
          'pullRequest.number',
        ],
        [{ kind: 'set_item', workItemKey: 'PAY-7' }, 'itemType'],
        [
          { kind: 'set_item', workItemKey: 'PAY-7', itemType: 'epic' },
          'itemType',
        ],
        [{ kind: 'set_item', workItemKey: 'PAY-7', value: 101 }, 'value'],
        [{ kind: 'exclude_item', workItemKey: 'PAY-7' }, 'excluded'],
        [{ kind: 'attribute_incident', incidentId: 'i1' }, 'deploymentId'],
        [
          {
            kind: 'exclude_item',
            workItemKey: 'PAY-7',
            excluded: true,
            extra: 1,
          },
          'extra',
        ],
      ];
      for (const [body, field] of cases) {
        const r = await correct(body);
        expect({ body, status: r.status }).toEqual({ body, status: 400 });
        expect({ body, message: r.body.error.message }).toEqual({
          body,
          message: expect.stringContaining(field),
        });
      }
      const missing = await correct({
        kind: 'exclude_item',
        workItemKey: 'PAY-99',
        excluded: true,
      });
      expect(missing.status).toBe(404);
      const noIncident = await correct({
        kind: 'attribute_incident',
        incidentId: 'nope',
        deploymentId: null,
      });
      expect(noIncident.status).toBe(404);
    } finally {
      await vs.backend.stop();
    }
  });

  it('keeps correction events sent to POST /events raw: they apply to nothing', async () => {
    const { vs, item } = await start();
    try {
      const r = await vs.post('/events', [
        {
          id: 'forged',
          source: 'value-stream.corrections',
          type: 'correction.unlink',
          occurredAt: '2026-01-07T00:00:00Z',
          data: { kind: 'unlink', workItemKey: 'PAY-7', commitSha: 'aaaa1111' },
        },
      ]);
      expect(r.body).toEqual({ accepted: 0, duplicates: 0, ignored: 1 });
      expect((await item('PAY-7')).links.commits).toHaveLength(2);
    } finally {
      await vs.backend.stop();
    }
  });
});
