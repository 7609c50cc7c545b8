import { test, expect, type Page } from '@playwright/test';
import { apiGet, openValueStreamTab } from './valueStreamPage';

// examples/entities.yaml: platform-ledger (source-location folder services/ledger/) and
// platform-notifier (value-stream/paths services/notifier/**) share acme/platform-mono.
// Each owns only the commits touching its folder (DESIGN §13), so their tabs differ.

/** The deployment-frequency card's value as the tab shows it. */
const deploymentsShown = (page: Page) =>
  page
    .getByTestId('metric-deployment-frequency')
    .getByTestId('metric-value')
    .textContent();

test('two services of one monorepo show their own work and numbers', async ({
  page,
  request,
}) => {
  const ledger = await openValueStreamTab(page, 'platform-ledger');
  const ledgerShown = await deploymentsShown(page);
  const notifier = await openValueStreamTab(page, 'platform-notifier');
  const notifierShown = await deploymentsShown(page);

  const ledgerDora = ledger.metrics.dora.deploymentFrequency.count;
  const notifierDora = notifier.metrics.dora.deploymentFrequency.count;
  expect(ledgerDora).toBeGreaterThan(0);
  expect(notifierDora).toBeGreaterThan(0);
  // The ledger deploys every weekday, the notifier on Wednesdays.
  expect(ledgerDora).toBeGreaterThan(notifierDora);
  expect(ledgerShown).not.toEqual(notifierShown);

  // Their work items are disjoint: each has only its own project's keys.
  const keys = async (name: string) =>
    (
      await apiGet<{ items: { key: string }[] }>(
        request,
        `/entities/component/default/${name}/work-items`,
        { state: 'all', limit: 1000 },
      )
    ).items.map(i => i.key);
  const ledgerKeys = await keys('platform-ledger');
  const notifierKeys = await keys('platform-notifier');
  expect(ledgerKeys.length).toBeGreaterThan(0);
  expect(notifierKeys.length).toBeGreaterThan(0);
  expect(ledgerKeys.every(k => k.startsWith('PLG-'))).toBe(true);
  expect(notifierKeys.every(k => k.startsWith('PNF-'))).toBe(true);
});
