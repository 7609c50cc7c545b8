import { test, expect } from '@playwright/test';
import { resolve } from 'node:path';
import {
  componentPath,
  openValueStreamTab,
  signInAt,
  valueStreamTab,
} from './valueStreamPage';

// app-config.yaml puts team-web (checkout-web) on the `product-flow` profile; payments-api
// (team-payments) keeps the default stages.
const PRODUCT_FLOW = ['Backlog', 'Dev', 'Review', 'QA', 'Release', 'Done'];

test("a service on a team profile shows its profile's lanes, populated by the demo", async ({
  page,
}) => {
  await signInAt(page, componentPath('checkout-web'), valueStreamTab);
  const metrics = page.waitForResponse(
    r =>
      r.request().method() === 'GET' &&
      /\/api\/value-stream\/entities\/component\/default\/checkout-web\/metrics/.test(
        r.url(),
      ),
  );
  await valueStreamTab(page).click();
  const body = await (await metrics).json();
  expect(body.profiles).toEqual(['product-flow']);
  expect(body.stages.map((s: { name: string }) => s.name)).toEqual(
    PRODUCT_FLOW,
  );

  const lanes = page.getByRole('region', { name: / lane$/ });
  await expect(lanes.first()).toBeVisible();
  await expect(lanes).toHaveCount(PRODUCT_FLOW.length);
  for (const stage of PRODUCT_FLOW) {
    await expect(
      page.getByRole('region', { name: `${stage} lane` }),
    ).toBeVisible();
  }
  await expect(
    page.getByRole('region', { name: 'Code Review lane' }),
  ).toHaveCount(0);
  // The demo's work reaches the profile's own stages: some of Dev, Review, QA or Release
  // holds items on a fresh start.
  const counts = await Promise.all(
    ['Dev', 'Review', 'QA', 'Release'].map(async stage =>
      Number(
        (
          (await page.getByTestId(`lane-count-${stage}`).textContent()) ?? '0'
        ).match(/^\d+/)?.[0] ?? 0,
      ),
    ),
  );
  expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  // The Dev lane shows the profile's WIP limit (6).
  await expect(page.getByRole('region', { name: 'Dev lane' })).toContainText(
    /WIP \d+ \/ 6/,
  );

  // UPDATE_SCREENSHOTS=1 refreshes install.md's picture of a team profile's lanes.
  if (process.env.UPDATE_SCREENSHOTS === '1')
    await page
      .getByRole('region', { name: 'Backlog lane' })
      .locator('..')
      .screenshot({
        path: resolve(__dirname, '../docs/images/team-profile-lanes.png'),
      });

  // A service of another team keeps the default stages.
  await signInAt(page, componentPath('payments-api'), valueStreamTab);
  await valueStreamTab(page).click();
  await expect(
    page.getByRole('region', { name: 'Code Review lane' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Dev lane' })).toHaveCount(0);
});

test('the team-profile service shows its change breakdown and its top blocker categories', async ({
  page,
}) => {
  const { metrics } = await openValueStreamTab(page, 'checkout-web');
  expect(metrics.profiles).toEqual(['product-flow']);

  // The lead-time breakdown of the profile's own changes, drawn as stacked bars.
  const { coding, deploy } = metrics.dora.leadTimeBreakdown;
  expect(coding.count).toBeGreaterThan(0);
  expect(deploy.count).toBeGreaterThan(0);
  const chart = page.getByRole('figure', {
    name: 'Lead time breakdown per week',
  });
  await chart.scrollIntoViewIfNeeded();
  await expect
    .poll(() => chart.locator('.recharts-bar-rectangle path').count())
    .toBeGreaterThan(0);

  // The demo blocks items with reasons; the tab names the API's largest category first.
  const { total, byReason } = metrics.flow.blockedTime;
  expect(total).toBeGreaterThan(0);
  const [largest] = Object.entries(byReason).sort((a, b) => b[1] - a[1]);
  const line = page.getByTestId('top-blockers');
  await expect(line).toContainText('Top blockers (');
  await expect(line).toContainText(`): ${largest[0]} `);
});
