import { test, expect } from '@playwright/test';
import { componentPath, signInAt, valueStreamTab } from './valueStreamPage';

// The demo team on `done.mode: delivered` (its profile in app-config.yaml): the demo ships two
// items per service 5 h before start-up and closes them since, so they are still under their
// 24 h of observation. Whichever example component follows that profile shows them.
const COMPONENTS = [
  'checkout-web',
  'payments-api',
  'ledger-service',
  'notifications-worker',
];

test('an item in observation shows its remaining observation time on its card', async ({
  page,
}) => {
  const observation = page.getByText(
    /^\d+(\.\d)? (h|min) of observation left$/,
  );
  let found = false;
  for (const name of COMPONENTS) {
    await signInAt(page, componentPath(name), valueStreamTab);
    await valueStreamTab(page).click();
    await expect(
      page.getByRole('region', { name: / lane$/ }).first(),
    ).toBeVisible();
    // Lanes list their cards virtually: scroll each to its end (newest in stage last).
    await page.evaluate(() =>
      document
        .querySelectorAll<HTMLElement>('[role="region"] *')
        .forEach(el => {
          if (el.scrollHeight > el.clientHeight) el.scrollTop = el.scrollHeight;
        }),
    );
    if ((await observation.count()) > 0) {
      found = true;
      break;
    }
  }
  expect(found, 'a component with an item in observation').toBe(true);
  const card = page
    .getByRole('button', { name: /of observation left$/ })
    .first();
  await expect(card).toBeVisible();
  // Closed and deployed within the last 24 h: part of the 24 h of observation is left (how
  // much depends on the hour the demo starts, so only the bound is checked).
  await expect(card).toHaveAccessibleName(
    / (\d|1\d|2[0-4])(\.\d)? (h|min) of observation left$/,
  );
  await card.click();
  await expect(
    page.getByText(/· (\d|1\d|2[0-4])(\.\d)? (h|min) of observation left/),
  ).toBeVisible();
});
