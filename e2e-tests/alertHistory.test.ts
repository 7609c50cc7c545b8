import { test, expect } from '@playwright/test';
import type { AlertHistoryResponse } from '@valuestream/backstage-plugin-value-stream-common';
import {
  apiResponse,
  componentPath,
  jsonOf,
  signInAt,
  valueStreamTab,
} from './valueStreamPage';

const ENTITY = '/entities/component/default/payments-api';

// DESIGN §15: open alerts grouped by rule and stage, collapsed beyond 3, and the bottleneck
// history, which a fresh demo has (the first evaluation replays the last 28 days).
test('the tab groups open alerts by rule and stage and shows the bottleneck history of the API', async ({
  page,
}) => {
  const path = componentPath('payments-api');
  await signInAt(page, path, valueStreamTab);
  const alerts = apiResponse(page, `${ENTITY}/alerts`);
  const history = apiResponse(page, `${ENTITY}/alerts/history`);
  await valueStreamTab(page).click();
  const open = await jsonOf<{ items: { rule: string; stage?: string }[] }>(
    await alerts,
  );
  const body = await jsonOf<AlertHistoryResponse>(await history);

  // One group per (rule, stage) of the open alerts, each with its count.
  const sizes = new Map<string, number>();
  for (const a of open.items) {
    const key = `${a.rule}|${a.stage ?? ''}`;
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  const groups = page.getByTestId('alert-group');
  await expect(groups).toHaveCount(sizes.size);
  for (let i = 0; i < sizes.size; i++) {
    const group = groups.nth(i);
    const key = `${await group.getAttribute(
      'data-rule',
    )}|${await group.getAttribute('data-stage')}`;
    const n = sizes.get(key)!;
    await expect(group.getByTestId('alert-group-count')).toContainText(
      `${n} ${n === 1 ? 'alert' : 'alerts'}`,
    );
    await expect(group.getByTestId('alert')).toHaveCount(Math.min(n, 3));
    if (n > 3) {
      // Keyboard: focus the toggle and press Enter.
      const toggle = group.getByRole('button', { name: `Show all ${n}` });
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect(group.getByTestId('alert')).toHaveCount(n);
      await expect(
        group.getByRole('button', { name: /Show fewer/ }),
      ).toHaveAttribute('aria-expanded', 'true');
    }
  }

  // The history: resolved alerts on a fresh start, as GET …/alerts/history answers.
  expect(body.timeToResolve?.count ?? 0).toBeGreaterThan(0);
  const section = page.getByTestId('alert-history');
  await section.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('alert-history-summary')).toContainText(
    `${body.opened} opened and ${
      body.timeToResolve!.count
    } resolved in the range`,
  );
  await expect(
    section.getByRole('figure', {
      name: 'Alerts opened and resolved per week',
    }),
  ).toBeVisible();
  await expect(
    section.locator('.recharts-bar-rectangle').first(),
  ).toBeVisible();
  const rows = section.getByTestId('resolved-alert');
  await expect(rows).toHaveCount(Math.min(body.items.length, 10));
  await expect(rows.first()).toContainText(
    body.items[0].rule.replace(/_/g, ' '),
  );
  if (body.items.length > 10) {
    await section
      .getByRole('button', { name: `Show all ${body.items.length} resolved` })
      .click();
    await expect(rows).toHaveCount(body.items.length);
  }
});
