import { test, expect, type Page } from '@playwright/test';
import { resolve } from 'node:path';

// An example component from examples/entities.yaml; the demo module
// (valueStream.demo.enabled in app-config.yaml) generates its events.
const COMPONENT = 'payments-api';
const ENTITY_PATH = `/catalog/default/component/${COMPONENT}`;

// The default stages (value-stream-common DEFAULT_STAGES), in order.
const STAGES = [
  'Backlog',
  'In Progress',
  'Code Review',
  'Build',
  'Test',
  'Deploy Staging',
  'Validation',
  'Deploy Production',
  'Monitoring',
  'Done',
];

async function openValueStreamTab(page: Page) {
  await page.goto(ENTITY_PATH);
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();

  // The catalog reads the example files a few seconds after the backend is up;
  // until then the entity page says "not found" and does not refresh itself.
  await expect(async () => {
    await page.goto(ENTITY_PATH);
    await expect(
      page.getByRole('heading', { name: COMPONENT }).first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });

  await page
    .getByRole('tab', { name: 'Value Stream' })
    .or(page.getByRole('link', { name: 'Value Stream', exact: true }))
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`${ENTITY_PATH}/value-stream$`));
}

test('a component page opens its Value Stream tab', async ({
  page,
}, testInfo) => {
  await openValueStreamTab(page);

  // Either the lanes or an empty state, never an error or a blank page.
  await expect(
    page
      .getByRole('region', { name: / lane$/ })
      .or(page.getByText(/no (value stream )?data/i))
      .first(),
  ).toBeVisible();
  await expect(
    page.getByText(/page not found|something went wrong|^error:/i),
  ).toHaveCount(0);

  await page.waitForLoadState('networkidle').catch(() => {});
  const screenshot = await page.screenshot({ fullPage: true });
  await testInfo.attach('value-stream-tab', {
    body: screenshot,
    contentType: 'image/png',
  });
  // UPDATE_SCREENSHOTS=1 refreshes the README's picture (kept out of CI runs).
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    await page.screenshot({
      path: resolve(__dirname, '../docs/images/value-stream-tab.png'),
      fullPage: true,
    });
  }
});

test('the Value Stream tab shows a lane with a count per stage and metric cards', async ({
  page,
}) => {
  await openValueStreamTab(page);

  for (const stage of STAGES) {
    await expect(
      page.getByRole('region', { name: `${stage} lane` }),
    ).toBeVisible();
    await expect(page.getByTestId(`lane-count-${stage}`)).toHaveText(/^\d+/);
  }
  await expect(page.locator('[data-testid^="metric-"]').first()).toBeVisible();
});
