import { createDirectValueStream } from './__testUtils__/directValueStream';
import { component } from './__testUtils__/testBackend';
// eslint-disable-next-line
import { generateDemoHistory } from '../../value-stream-backend-module-demo/src/generate/generateDemoHistory';
import { DEMO_SERVICES } from '../../value-stream-backend-module-demo/src/generate/services';

jest.setTimeout(900_000);
const ids = (process.env.PROF_DB ?? 'SQLITE_3').split(',') as any[];
it.each(ids)('profile %p', async id => {
  const entities = DEMO_SERVICES.map((s: any) =>
    component(s.name, {
      'github.com/project-slug': s.repository,
      'jira/project-key': s.jiraKey ?? s.projectKey,
      'argocd/app-name': s.argocdApp ?? s.name,
      'pagerduty.com/service-id': s.pagerdutyService,
    }),
  );
  const vs = await createDirectValueStream(id, entities);
  const now = Date.now();
  const events = generateDemoHistory({ seed: 42, now, days: 90 } as any).filter(
    e => Date.parse(e.occurredAt) <= now,
  );
  const t0 = Date.now();
  const times: number[] = [];
  for (let i = 0; i < events.length; i += 1000) {
    const b = Date.now();
    await vs.ingest.ingest(events.slice(i, i + 1000));
    times.push(Date.now() - b);
  }
  await vs.alerts.flush();
  const ingestMs = Date.now() - t0;
  const ref = `component:default/${DEMO_SERVICES[0].name}`;
  const q = (vs.metrics as any).queries;
  const w = { from: now - 30 * 864e5, to: now };
  const prof: Record<string, number> = {};
  for (const [name, fn] of Object.entries({
    doneItems: () => q.doneItems([ref], w),
    loadAt: () => q.loadAt([ref], w.to),
    counts: () => q.currentStageCounts([ref]),
    visits: () => q.visitDurations([ref], w),
    deployments: () => q.productionDeployments([ref]),
    incidents: () => q.incidents([ref]),
    alerts: () => q.openAlerts([ref]),
    all: () => vs.metrics.metrics(ref, [ref], w),
    evalEntity: () => vs.alerts.evaluateEntity(ref),
  })) {
    await (fn as any)();
    const s = Date.now();
    for (let i = 0; i < 10; i++) await (fn as any)();
    prof[name] = (Date.now() - s) / 10;
  }
  const deps = await q.productionDeployments([ref]);
  const shas = [...new Set(deps.flatMap((d: any) => d.commits))] as string[];
  let s = Date.now();
  for (let i = 0; i < 10; i++) await q.changesFor(shas);
  prof.changesFor = (Date.now() - s) / 10;
  // eslint-disable-next-line no-console
  console.log(JSON.stringify((globalThis as any).__prof));
  console.log(
    id,
    JSON.stringify({
      events: events.length,
      ingestMs,
      perBatch: times,
      items: (await vs.knex('vs_work_items').count({ n: '*' }))[0],
      prof,
    }),
  );
  expect(1).toBe(1);
});
