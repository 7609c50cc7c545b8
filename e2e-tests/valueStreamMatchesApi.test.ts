import { test, expect, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import type {
  DoraTier,
  MetricsResponse,
  WorkItemDetail,
} from '@valuestream/backstage-plugin-value-stream-common';
import {
  formatDuration,
  formatNumber,
  formatPercent,
} from '../plugins/value-stream/src/lib/format';
import {
  apiGet,
  apiResponse,
  jsonOf,
  openValueStreamTab,
  signInAt,
} from './valueStreamPage';

// The demo module (valueStream.demo.enabled) keeps adding events every minute,
// so each test compares the page with the backend's answer to the page's own
// request (same window, same moment), not with a later request.
const COMPONENT = 'payments-api';

/** A DORA tier as the metric card shows it: "Elite". */
function tierText(tier: DoraTier) {
  return tier[0].toUpperCase() + tier.slice(1);
}

/** The values the cards must show for a metrics response (API → UI format). */
function expectedCards(m: MetricsResponse): Record<string, string> {
  return {
    'cycle-time-p50': formatDuration(m.flow.cycleTime?.p50),
    'cycle-time-p85': formatDuration(m.flow.cycleTime?.p85),
    'lead-time': formatDuration(m.flow.leadTime?.p50),
    'flow-efficiency': formatPercent(m.flow.efficiency),
    throughput: `${formatNumber(m.flow.throughput.perWeek)} / week`,
    load: String(m.flow.load),
    'deployment-frequency': `${formatNumber(
      m.dora.deploymentFrequency.perWeek,
    )} / week`,
    'lead-time-for-changes': formatDuration(m.dora.leadTimeForChanges?.p50),
    'change-failure-rate': formatPercent(m.dora.changeFailureRate.rate),
    'recovery-time': formatDuration(m.dora.recoveryTime?.p50),
    'rework-rate': formatPercent(m.dora.reworkRate.rate),
  };
}

async function expectCard(page: Page, name: string, value: string) {
  await expect(
    page.getByTestId(`metric-${name}`).getByTestId('metric-value'),
    name,
  ).toHaveText(value);
}

test('lane counts are the stage WIP the API returns for the 30-day window', async ({
  page,
}) => {
  const { metrics, window } = await openValueStreamTab(page, COMPONENT);

  const days = (Date.parse(window.to) - Date.parse(window.from)) / 86_400_000;
  expect(days).toBe(30);
  expect(metrics.window).toEqual(window);

  // The demo data has open work, or this test would compare only zeros.
  expect(metrics.stages.some(s => (s.wip ?? 0) > 0)).toBe(true);
  await expect(page.getByRole('region', { name: / lane$/ })).toHaveCount(
    metrics.stages.length,
  );
  for (const stage of metrics.stages) {
    await expect(
      page.getByRole('region', { name: `${stage.name} lane` }),
    ).toBeVisible();
    const expected =
      stage.category === 'done'
        ? metrics.flow.throughput.total // items done in the range
        : stage.wip ?? 0;
    await expect(page.getByTestId(`lane-count-${stage.name}`)).toHaveText(
      String(expected),
    );
  }
});

test('the metric cards show the API numbers, formatted, with DORA tiers', async ({
  page,
}) => {
  const { metrics } = await openValueStreamTab(page, COMPONENT);
  for (const [name, value] of Object.entries(expectedCards(metrics))) {
    await expectCard(page, name, value);
  }
  const tiers: Record<string, DoraTier | null | undefined> = {
    'deployment-frequency': metrics.dora.deploymentFrequency.tier,
    'lead-time-for-changes': metrics.dora.leadTimeForChanges?.tier,
    'change-failure-rate': metrics.dora.changeFailureRate.tier,
    'recovery-time': metrics.dora.recoveryTime?.tier,
  };
  for (const [name, tier] of Object.entries(tiers)) {
    const badge = page.getByTestId(`metric-${name}`).getByTestId('metric-tier');
    if (tier) await expect(badge, name).toHaveText(tierText(tier));
    else await expect(badge, name).toHaveCount(0);
  }
});

test('an item opens its journey with the API transitions, Escape closes it', async ({
  page,
}, testInfo) => {
  const { metrics } = await openValueStreamTab(page, COMPONENT);
  // An item in the fullest open lane that is not Backlog: it has a history.
  const lane = metrics.stages
    .filter(s => s.category !== 'done' && s.name !== 'Backlog')
    .sort((a, b) => (b.wip ?? 0) - (a.wip ?? 0))[0];
  const card = page
    .getByRole('region', { name: `${lane.name} lane` })
    .locator('[data-testid^="work-item-"]')
    .first();
  await expect(card).toBeVisible();
  const key = (await card.getAttribute('data-testid'))!.replace(
    /^work-item-/,
    '',
  );

  const detailResponse = apiResponse(
    page,
    `/work-items/${encodeURIComponent(key)}`,
  );
  await card.click();
  const detail = await jsonOf<WorkItemDetail>(await detailResponse);
  expect(detail.key).toBe(key);
  expect(detail.transitions.length).toBeGreaterThan(1);

  const dialog = page.getByRole('dialog', { name: `Journey of ${key}` });
  await expect(dialog).toBeVisible();
  const rows = dialog.getByTestId('journey-transition');
  await expect(rows).toHaveCount(detail.transitions.length);
  for (const [i, t] of detail.transitions.entries()) {
    await expect(rows.nth(i)).toHaveAttribute('data-category', t.category);
    await expect(rows.nth(i)).toContainText(t.stage);
  }
  // The open interval is the current stage.
  await expect(rows.last()).toContainText(`${detail.stage}`);
  await expect(rows.last()).toContainText('(current)');

  const shot = await dialog.screenshot();
  await testInfo.attach('work-item-journey', {
    body: shot,
    contentType: 'image/png',
  });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    await page.screenshot({
      path: resolve(__dirname, '../docs/images/work-item-journey.png'),
    });
  }

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the open alerts of the API are listed', async ({ page }) => {
  const { alerts } = await openValueStreamTab(page, COMPONENT);
  expect(alerts.items.length).toBeGreaterThan(0);
  // Groups of more than 3 show 3 until expanded (DESIGN §15): expand them all.
  const showAll = page.getByRole('button', { name: /^Show all \d+$/ });
  while ((await showAll.count()) > 0) await showAll.first().click();
  const rows = page.getByTestId('alert');
  await expect(rows).toHaveCount(alerts.items.length);
  const messages = new Set(alerts.items.map(a => a.message));
  for (const text of await rows.allTextContents()) {
    expect(
      [...messages].some(m => text.includes(m)),
      `"${text}" is not an open alert of the API`,
    ).toBe(true);
  }
  // Independently of the page: the API still lists (at least) an alert shown.
  const now = await apiGet<{ items: { message: string }[] }>(
    page.request,
    `/entities/component/default/${COMPONENT}/alerts`,
    { status: 'open' },
  );
  const shown = await rows.allTextContents();
  expect(now.items.some(a => shown.some(t => t.includes(a.message)))).toBe(
    true,
  );
});

test('the team card on the group page shows the roll-up of the API', async ({
  page,
}) => {
  const metrics = apiResponse(page, '/groups/default/team-payments/metrics');
  const card = page.getByTestId('value-stream-team-card');
  await signInAt(page, '/catalog/default/group/team-payments', p =>
    p.getByTestId('value-stream-team-card'),
  );
  const rollUp = await jsonOf<MetricsResponse>(await metrics);
  expect(rollUp.flow.throughput.total).toBeGreaterThan(0);

  const expected = expectedCards(rollUp);
  for (const name of [
    'cycle-time-p50',
    'throughput',
    'flow-efficiency',
    'load',
    'deployment-frequency',
    'change-failure-rate',
  ]) {
    await expect(
      card.getByTestId(`metric-${name}`).getByTestId('metric-value'),
      name,
    ).toHaveText(expected[name]);
  }
  const troubled = rollUp.stages.filter(s => s.status !== 'healthy');
  await expect(card.getByTestId('team-bottleneck')).toHaveCount(
    Math.min(troubled.length, 5),
  );
  // "Across <links to the services>", the card's last list of links (the weakest data
  // health list above it may link a service too).
  for (const ref of rollUp.entityRefs ?? []) {
    const [kind, rest] = ref.split(':');
    await expect(
      card
        .locator(`a[href$="/catalog/${rest.replace('/', `/${kind}/`)}"]`)
        .last(),
      ref,
    ).toBeVisible();
  }
});
