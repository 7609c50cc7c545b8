import { test, expect } from '@playwright/test';
import type { DataHealth } from '@valuestream/backstage-plugin-value-stream-common';
import {
  apiResponse,
  componentPath,
  jsonOf,
  signInAt,
  valueStreamTab,
} from './valueStreamPage';

// The demo's notifications-worker pushes housekeeping commits naming no work item
// (value-stream-backend-module-demo unlinkedCommits.ts): on a fresh start its Data health
// card says so and names the fix, with the share GET …/data-health answers.
test('the data health card shows an actionable warning on notifications-worker', async ({
  page,
}) => {
  const path = componentPath('notifications-worker');
  await signInAt(page, path, valueStreamTab);
  const answer = apiResponse(
    page,
    '/entities/component/default/notifications-worker/data-health',
  );
  await valueStreamTab(page).click();
  const body = await jsonOf<DataHealth>(await answer);
  const unlinked = body.commits.total - body.commits.linked;
  expect(unlinked).toBeGreaterThan(0);
  const share = Math.round((unlinked / body.commits.total) * 100);

  const card = page.getByTestId('data-health');
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByTestId('health-commits')).toHaveText(
    `${body.commits.linked} of ${body.commits.total} commits name a work item`,
  );
  const warning = card.locator(
    '[data-testid="data-health-warning"][data-code="commits_unlinked"]',
  );
  await expect(warning).toHaveText(
    `${share} % of commits name no work item: put the key in the branch name or the PR title`,
  );
});
