import { test, expect } from '@playwright/test';
import { resolve } from 'node:path';
import type { ValueResponse } from '@valuestream/backstage-plugin-value-stream-common';
import {
  apiResponse,
  componentPath,
  jsonOf,
  signInAt,
  valueStreamTab,
} from './valueStreamPage';

const signed = (n: number) => {
  const r = Math.round(n);
  if (r > 0) return `+${r}`;
  return r < 0 ? `−${-r}` : '0';
};
const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);

// The demo gives payments-api's recently shipped features usage, NPS answers and some a
// support ticket (value-stream-backend-module-demo planFeedback.ts): the Value section's
// table shows, for one feature whose window has ended, the numbers the API answers.
test('the feature outcomes table shows the numbers of GET …/value', async ({
  page,
}) => {
  const path = componentPath('payments-api');
  await signInAt(page, path, valueStreamTab);
  const answer = apiResponse(
    page,
    '/entities/component/default/payments-api/value',
  );
  await valueStreamTab(page).click();
  const body = await jsonOf<ValueResponse>(await answer);
  const scored = body.features.filter(
    f => f.successScore !== null && f.responses > 0,
  );
  expect(scored.length).toBeGreaterThan(0);
  expect(body.features.some(f => f.successScore === null)).toBe(true);
  const f = scored[0];

  const table = page.getByRole('table', { name: 'Feature outcomes' });
  await table.scrollIntoViewIfNeeded();
  const row = table.getByTestId(`feature-outcome-${f.key}`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('outcome-usage')).toHaveText(
    String(Math.round(f.usage)),
  );
  await expect(row.getByTestId('outcome-nps')).toHaveText(signed(f.nps!));
  await expect(row).toContainText(
    `${f.responses} response${f.responses === 1 ? '' : 's'}`,
  );
  await expect(row.getByTestId('outcome-uptime')).toHaveText(
    `${(Math.round(f.uptime * 10_000) / 100).toFixed(2)}%`,
  );
  await expect(row.getByTestId('outcome-tickets')).toHaveText(
    `${f.tickets.opened} opened · ${f.tickets.resolved} resolved`,
  );
  await expect(row.getByTestId('outcome-score')).toHaveText(
    oneDecimal(f.successScore!),
  );

  // UPDATE_SCREENSHOTS=1 refreshes metrics.md's picture of the table.
  if (process.env.UPDATE_SCREENSHOTS === '1')
    await table.screenshot({
      path: resolve(__dirname, '../docs/images/feature-outcomes.png'),
    });

  // The row opens the feature's journey.
  await row.getByRole('button', { name: new RegExp(`^${f.key} `) }).click();
  await expect(page.getByRole('dialog')).toContainText(f.key);
});
