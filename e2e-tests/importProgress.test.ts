import { test, expect } from '@playwright/test';
import type { EntityImportResponse } from '@valuestream/backstage-plugin-value-stream-common';
import { componentPath, signInAt, valueStreamTab } from './valueStreamPage';

// The import API's answer is given by the test (payments-api's own jobs import nothing;
// checkout-service's real import is importDemo.test.ts); the page, its polling and its
// rendering are the real app's in Chromium.
const COMPONENT = 'payments-api';
const IMPORT = `**/api/value-stream/entities/component/default/${COMPONENT}/import`;

const answer = (items: number): EntityImportResponse => ({
  entityRef: `component:default/${COMPONENT}`,
  jobs: [
    {
      source: 'github',
      scope: 'acme/payments-api',
      state: items < 400 ? 'running' : 'done',
      startedAt: new Date().toISOString(),
      finishedAt: items < 400 ? null : new Date().toISOString(),
      items,
      events: items * 12,
      total: 400,
      nextRunAt: null,
    },
    {
      source: 'jira',
      scope: 'PAY',
      state: 'failed',
      startedAt: new Date().toISOString(),
      finishedAt: null,
      items: 0,
      events: 0,
      error:
        'valueStream.sources.jira: 401 Unauthorized; the account needs the Browse projects permission on PAY',
      nextRunAt: null,
    },
  ],
});

test('the tab shows the history import per source, polls it, and shows a failed job', async ({
  page,
}) => {
  let calls = 0;
  await page.route(IMPORT, route => {
    calls++;
    // 100 items read at the first answer, 250 at the next ones
    return route.fulfill({ json: answer(calls === 1 ? 100 : 250) });
  });
  await signInAt(page, componentPath(COMPONENT), valueStreamTab);
  await valueStreamTab(page).click();

  const section = page.getByRole('region', { name: 'History import' });
  await expect(section.getByText('Importing history')).toBeVisible();
  const bar = section.getByRole('progressbar', {
    name: 'GitHub acme/payments-api import',
  });
  await expect(bar).toHaveAttribute('max', '400');
  // polled every 3 s while a job runs: the bar moves
  await expect(bar).toHaveAttribute('value', '250', { timeout: 10_000 });
  await expect(
    section.getByText('importing · 250 items, 3,000 events of 400'),
  ).toBeVisible();
  await expect(section.getByText('Jira PAY: import failed')).toBeVisible();
  await expect(
    section.getByText(/needs the Browse projects permission/),
  ).toBeVisible();
  // the lanes of the demo data are still there below it
  await expect(
    page.getByRole('region', { name: 'Backlog lane' }),
  ).toBeVisible();
});
