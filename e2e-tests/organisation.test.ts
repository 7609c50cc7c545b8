import { test, expect } from '@playwright/test';
import { resolve } from 'path';
import type { OverviewResponse } from '@valuestream/backstage-plugin-value-stream-common';
import { apiGet, apiResponse, jsonOf, signInAt } from './valueStreamPage';

const DEMO_TEAMS = [
  'group:default/acme',
  'group:default/team-payments',
  'group:default/team-web',
];
const perWeek = (v: number) => `${Math.round(v * 10) / 10} / week`;

// The organisation page (DESIGN §15): every demo team with its roll-up of the last 30 days,
// as GET /overview answers it, and the group × stage heatmap.
test('the organisation page lists every demo team with metrics and the heatmap', async ({
  page,
  request,
}) => {
  // The entity index picks the catalog's groups up within a refresh (30 s) of its read.
  await expect(async () => {
    const o = await apiGet<OverviewResponse>(request, '/overview');
    const refs = o.groups.map(g => g.groupRef);
    for (const team of DEMO_TEAMS) expect(refs).toContain(team);
    expect(
      o.groups.find(g => g.groupRef === 'group:default/team-web')!.entityRefs,
    ).not.toEqual([]);
  }).toPass({ timeout: 90_000 });
  const answer = apiResponse(page, '/overview');
  await signInAt(page, '/value-stream', p =>
    p.getByTestId('value-stream-organisation'),
  );
  const overview = await jsonOf<OverviewResponse>(await answer);
  const shown = overview.groups.map(g => g.groupRef);
  for (const team of DEMO_TEAMS) expect(shown).toContain(team);

  const rows = page.getByTestId('organisation-group');
  await expect(rows).toHaveCount(overview.groups.length);
  for (const group of overview.groups) {
    const row = page.locator(
      `[data-testid="organisation-group"][data-group="${group.groupRef}"]`,
    );
    const name = group.groupRef.split('/')[1];
    await expect(row.getByRole('link', { name, exact: true })).toBeVisible();
    await expect(row.getByTestId('group-throughput')).toContainText(
      perWeek(group.metrics.flow.throughput.perWeek),
    );
    await expect(row.getByTestId('group-load')).toContainText(
      String(group.metrics.flow.load),
    );
    await expect(row.getByTestId('group-value-delivered')).toContainText(
      String(Math.round(group.metrics.value.delivered * 10) / 10),
    );
  }
  // The teams that own the demo's services have work done and services linked.
  for (const team of [
    'group:default/team-payments',
    'group:default/team-web',
  ]) {
    const group = overview.groups.find(g => g.groupRef === team)!;
    expect(group.entityRefs.length).toBeGreaterThan(0);
    expect(group.metrics.flow.throughput.total).toBeGreaterThan(0);
    // The demo's items carry values: each team delivered some.
    expect(group.metrics.value.delivered).toBeGreaterThan(0);
    const row = page.locator(
      `[data-testid="organisation-group"][data-group="${team}"]`,
    );
    // Components and the other entities the team owns (its APIs) link to their pages.
    const service = group.entityRefs
      .find(r => r.startsWith('component:'))!
      .split('/')[1];
    await expect(
      row.getByRole('link', { name: service, exact: true }),
    ).toHaveAttribute('href', `/catalog/default/component/${service}`);
  }
  // acme rolls up its two teams' services.
  const acme = overview.groups.find(g => g.groupRef === 'group:default/acme')!;
  const teams = overview.groups.filter(g =>
    g.parentRefs.includes(acme.groupRef),
  );
  expect(new Set(acme.entityRefs)).toEqual(
    new Set(teams.flatMap(t => t.entityRefs)),
  );

  const heatmap = page.getByTestId('organisation-heatmap');
  await heatmap.scrollIntoViewIfNeeded();
  await expect(heatmap.getByTestId('heatmap-row')).toHaveCount(
    overview.groups.length,
  );
  const payments = overview.heatmap.filter(
    c => c.groupRef === 'group:default/team-payments',
  );
  const busiest = payments.reduce((a, b) =>
    b.timeShare > a.timeShare ? b : a,
  );
  expect(busiest.timeShare).toBeGreaterThan(0);
  const row = heatmap.getByTestId('heatmap-row').filter({
    has: page.getByRole('link', { name: 'team-payments', exact: true }),
  });
  await expect(
    row.locator(`[data-testid="heatmap-cell"][data-stage="${busiest.stage}"]`),
  ).toContainText(`${Math.round(busiest.timeShare * 100)}%`);

  // The filter by parent group keeps acme and its teams.
  await page
    .getByTestId('organisation-parent-filter')
    .selectOption('group:default/acme');
  await expect(rows).toHaveCount(1 + teams.length);

  await expect(page.getByTestId('organisation-cycle-time-trend')).toBeVisible();

  // UPDATE_SCREENSHOTS=1 refreshes the README's picture of the organisation page.
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    await page.getByTestId('organisation-parent-filter').selectOption('');
    await page.getByTestId('value-stream-organisation').screenshot({
      path: resolve(__dirname, '../docs/images/organisation.png'),
    });
  }
});
