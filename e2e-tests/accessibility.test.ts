import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { openValueStreamTab, signInAt } from './valueStreamPage';

/**
 * Every page of the plugin passes axe-core with no serious or critical violation (issue 19):
 * the Value Stream tab of a demo service, the team card on a group page and the organisation
 * page. Each scan covers the plugin's own content (the `main` region of the page the plugin
 * renders into), after its data has loaded.
 */
async function seriousViolations(page: Page, include: string) {
  const result = await new AxeBuilder({ page }).include(include).analyze();
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
    }));
}

test('the Value Stream tab has no serious or critical axe violation', async ({
  page,
}) => {
  await openValueStreamTab(page, 'payments-api');
  await expect(page.getByTestId('lane-count-Backlog')).toBeVisible();
  await expect(page.getByTestId('alert-history')).toBeVisible();
  await expect(page.getByRole('figure').first()).toBeVisible();
  expect(await seriousViolations(page, 'main')).toEqual([]);
});

test('a focused work-item card still opens its journey with Enter, and the dialog passes axe', async ({
  page,
}) => {
  await openValueStreamTab(page, 'payments-api');
  const lane = page.getByRole('region', { name: 'In Progress lane' });
  const card = lane.getByRole('button').first();
  const key = (await card.textContent())?.match(/[A-Z]+-\d+/)?.[0];
  expect(key).toBeTruthy();
  await card.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Journey of ${key}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('journey-transition').first()).toBeVisible();
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
});

test('the team card on a group page has no serious or critical axe violation', async ({
  page,
}) => {
  await signInAt(page, '/catalog/default/group/team-payments', p =>
    p.getByTestId('value-stream-team-card'),
  );
  await expect(
    page
      .getByTestId('value-stream-team-card')
      .getByTestId('metric-value')
      .first(),
  ).toBeVisible();
  expect(
    await seriousViolations(page, '[data-testid="value-stream-team-card"]'),
  ).toEqual([]);
});

test('the organisation page has no serious or critical axe violation', async ({
  page,
}) => {
  await signInAt(page, '/value-stream', p =>
    p.getByTestId('value-stream-organisation'),
  );
  await expect(page.getByTestId('organisation-group').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(
    await seriousViolations(page, '[data-testid="value-stream-organisation"]'),
  ).toEqual([]);
});
