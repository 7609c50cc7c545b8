import { test, expect } from '@playwright/test';
import { resolve } from 'node:path';
import type {
  EntityImportResponse,
  ImportJob,
  MetricsResponse,
} from '@valuestream/backstage-plugin-value-stream-common';
import {
  apiGet,
  apiResponse,
  componentPath,
  jsonOf,
  signInAt,
  valueStreamTab,
} from './valueStreamPage';

// examples/entities.yaml's checkout-service: the demo feed sends none of its events; its
// history comes through the real GitHub and Jira importers from the demo module's loopback
// GitHub and Jira (valueStream.demo.importApi, integrations.github and
// valueStream.sources.jira in app-config.development.yaml).
const COMPONENT = 'checkout-service';
const ENTITY = `/entities/component/default/${COMPONENT}`;
const SCOPES = [
  'github demo-github.localhost/acme/checkout-service',
  'jira CHS',
];

const importJobs = (answer: EntityImportResponse) =>
  answer.jobs.filter(j => SCOPES.includes(`${j.source} ${j.scope}`));
const states = (jobs: ImportJob[]) =>
  jobs.map(j => `${j.source} ${j.scope}: ${j.state}`).sort();

test('checkout-service: the tab shows its history import from the demo GitHub and Jira, then lanes with the imported items', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const jobsNow = async () =>
    importJobs(await apiGet<EntityImportResponse>(request, `${ENTITY}/import`));
  // the import runner creates both jobs once the catalog holds the entity
  await expect
    .poll(async () => (await jobsNow()).length, {
      timeout: 120_000,
      intervals: [2_000],
    })
    .toBe(SCOPES.length);

  await signInAt(page, componentPath(COMPONENT), valueStreamTab);
  const imports = apiResponse(page, `${ENTITY}/import`);
  await valueStreamTab(page).click();
  const first = importJobs(await jsonOf<EntityImportResponse>(await imports));

  const section = page.getByRole('region', { name: 'History import' });
  if (first.some(j => j.state !== 'done')) {
    // still importing when the page asked: the tab shows the import per source until done
    await expect(
      section
        .getByText(/^(waiting|importing) · [\d,]+ items, [\d,]+ events/)
        .first(),
    )
      .toBeVisible({ timeout: 10_000 })
      .catch(async error => {
        // a job that finished between the page's answer and this check is not a failure
        if ((await jobsNow()).some(j => j.state !== 'done')) throw error;
      });
    // UPDATE_SCREENSHOTS=1 refreshes the README's picture of an import (kept out of CI runs).
    if (process.env.UPDATE_SCREENSHOTS === '1' && (await section.isVisible()))
      await page.screenshot({
        path: resolve(__dirname, '../docs/images/history-import.png'),
        fullPage: true,
      });
  }

  // the import finishes within the first minutes, with items and events
  await expect
    .poll(async () => states(await jobsNow()), {
      timeout: 240_000,
      intervals: [2_000],
    })
    .toEqual(SCOPES.map(scope => `${scope}: done`).sort());
  for (const job of await jobsNow()) {
    expect(job.items).toBeGreaterThan(100);
    expect(job.events).toBeGreaterThan(job.items);
  }

  // then the lanes show the imported work items (Jira CHS issues) and the
  // progress section is gone
  await expect(section).toHaveCount(0, { timeout: 15_000 });
  const cards = page.locator('[data-testid^="work-item-CHS-"]');
  await expect(cards.first()).toBeVisible({ timeout: 30_000 });
  const metrics = await apiGet<MetricsResponse>(request, `${ENTITY}/metrics`);
  expect(metrics.flow.throughput.total).toBeGreaterThan(0);
  expect(metrics.dora.deploymentFrequency.count).toBeGreaterThan(0);
});
