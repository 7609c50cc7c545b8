import { test, expect, type Page } from '@playwright/test';
import type { WorkItemDetail } from '@valuestream/backstage-plugin-value-stream-common';
import {
  apiGet,
  apiResponse,
  jsonOf,
  openValueStreamTab,
} from './valueStreamPage';

const COMPONENT = 'payments-api';
const CORRECT = 'value-stream.correction.create';

const DAY = 86_400_000;
const REPO = 'acme/payments-api';

/**
 * Sends a fresh open item of payments-api: created 5 days ago, commits A (4 days ago) and B
 * (3 days ago) on main, both deployed to production 2 days ago, never closed (so its card
 * is in the Monitoring lane). Lead time for changes: deployment − A = 2 d; without A,
 * deployment − B = 1 d.
 */
async function postItem(page: Page) {
  const n = 90_000 + Math.floor(Math.random() * 9_000);
  const key = `PAY-${n}`;
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  const sha = (c: string) => `${c.repeat(4)}${n}`.padEnd(12, '0');
  const shas = [sha('a'), sha('b')];
  const push = (s: string, daysAgo: number, message: string) => ({
    id: `e2e-correction-${key}-${s}`,
    source: 'github',
    type: 'commit.pushed',
    occurredAt: at(daysAgo),
    repository: REPO,
    data: { sha: s, message, branch: 'main', defaultBranch: 'main' },
  });
  const events = [
    {
      id: `e2e-correction-${key}-created`,
      source: 'jira',
      type: 'work_item.created',
      occurredAt: at(5),
      data: { key, title: 'Refund receipts', itemType: 'feature' },
    },
    push(shas[0], 4, `${key} receipts model`),
    push(shas[1], 3, `${key} receipts endpoint`),
    {
      id: `e2e-correction-${key}-deployed`,
      source: 'argocd',
      type: 'deployment.finished',
      occurredAt: at(2),
      repository: REPO,
      data: {
        deploymentId: `e2e-${key}`,
        environment: 'production',
        service: 'payments-api',
        commits: shas,
        status: 'success',
      },
    },
  ];
  const post = await page.request.post('/api/value-stream/events', {
    headers: { Authorization: 'Bearer dev-value-stream-token' },
    data: events,
  });
  expect(post.status(), await post.text()).toBe(202);
  // Until it is correlated (the POST answers once the events are stored).
  await expect
    .poll(
      async () =>
        (
          await apiGet<WorkItemDetail>(
            page.request,
            `/work-items/${encodeURIComponent(key)}`,
          ).catch(() => undefined)
        )?.leadTimeForChanges,
      { timeout: 20_000 },
    )
    .toBe(2 * 86_400);
  return { key, shas };
}

/** Opens the journey dialog of `key` from its card. */
async function openJourney(page: Page, key: string) {
  const detail = apiResponse(page, `/work-items/${encodeURIComponent(key)}`);
  await page.getByTestId(`work-item-${key}`).first().click();
  await jsonOf<WorkItemDetail>(await detail);
  const dialog = page.getByRole('dialog', { name: `Journey of ${key}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The next answer to a read of the item (the dialog reads it again after a correction). */
const itemRead = (page: Page, key: string) =>
  apiResponse(page, `/work-items/${encodeURIComponent(key)}`).then(r =>
    jsonOf<WorkItemDetail>(r),
  );

test('a permitted user unlinks a commit in the journey and its lead time changes; undo restores it', async ({
  page,
}) => {
  const { key, shas } = await postItem(page);
  await openValueStreamTab(page, COMPONENT);
  const dialog = await openJourney(page, key);
  const leadTime = dialog
    .getByText('Lead time for changes', { exact: true })
    .locator('xpath=following-sibling::*[1]');
  await expect(leadTime).toHaveText('2 days');

  const corrected = page.waitForResponse(
    r =>
      r.url().endsWith('/api/value-stream/corrections') &&
      r.request().method() === 'POST',
  );
  const reread = itemRead(page, key);
  await dialog
    .getByRole('button', { name: `Unlink commit ${shas[0].slice(0, 7)}` })
    .click();
  expect((await corrected).status()).toBe(202);
  const after = await reread;
  expect(after.links.commits.map(c => c.sha)).toEqual([shas[1]]);
  // Deployment − B: one day.
  expect(after.leadTimeForChanges).toBe(86_400);
  await expect(leadTime).toHaveText('1 day');
  await expect(
    dialog.getByRole('button', {
      name: `Unlink commit ${shas[0].slice(0, 7)}`,
    }),
  ).toHaveCount(0);

  // Undo: the inverse correction links it again, and the lead time is back.
  const status = dialog.getByRole('status', { name: 'Last correction' });
  await expect(status).toContainText(`Unlinked commit ${shas[0].slice(0, 7)}.`);
  const undone = itemRead(page, key);
  await status.getByRole('button', { name: 'Undo' }).click();
  expect((await undone).leadTimeForChanges).toBe(2 * 86_400);
  await expect(leadTime).toHaveText('2 days');
});

test('a user without the permission sees no correction in the journey', async ({
  page,
}) => {
  // Every guest is the same user under the demo backend's allow-all policy: this browser's
  // permission checks answer deny for value-stream.correction.create (allow for the rest).
  await page.route('**/api/permission/authorize', async route => {
    const body = route.request().postDataJSON() as {
      items: { id: string; permission: { name: string } }[];
    };
    await route.fulfill({
      json: {
        items: body.items.map(i => ({
          id: i.id,
          result: i.permission.name === CORRECT ? 'DENY' : 'ALLOW',
        })),
      },
    });
  });
  const { key } = await postItem(page);
  await openValueStreamTab(page, COMPONENT);
  const dialog = await openJourney(page, key);
  await expect(dialog.getByRole('region', { name: 'Commits' })).toBeVisible();
  await expect(dialog.getByText('Lead time for changes')).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^Unlink/ })).toHaveCount(0);
  await expect(dialog.getByRole('region', { name: 'Corrections' })).toHaveCount(
    0,
  );
});
