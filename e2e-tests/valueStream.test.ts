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
  // The entity's own tab, not a sidebar entry of the same name.
  const main = page.getByRole('main');
  const tab = main
    .getByRole('tab', { name: 'Value Stream' })
    .or(main.getByRole('link', { name: 'Value Stream', exact: true }))
    .first();
  // A reload shows the guest sign-in again, so sign in on every attempt. The
  // attempts cover the seconds before the catalog has read the examples (the
  // page then says "Entity not found", with the entity name as its heading).
  await expect(async () => {
    await page.goto(ENTITY_PATH);
    await page
      .getByRole('button', { name: 'Enter' })
      .click({ timeout: 20_000 });
    await expect(tab).toBeVisible({ timeout: 20_000 });
  }).toPass({ timeout: 75_000 });
  await tab.click();
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
      .or(page.getByText(/no (value stream )?data|has no work items/i))
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
