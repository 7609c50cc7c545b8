import { test, expect } from '@playwright/test';
import { openValueStreamTab } from './valueStreamPage';

// payments-api's demo PRs are reviewed before they merge (value-stream-backend-module-demo),
// so a fresh start already has a change breakdown to draw.
test('the tab draws the lead-time breakdown as stacked bars per week', async ({
  page,
}) => {
  const { metrics } = await openValueStreamTab(page, 'payments-api');
  const { coding, pickup, review, deploy } = metrics.dora.leadTimeBreakdown;
  for (const part of [coding, pickup, review, deploy])
    expect(part.count).toBeGreaterThan(0);

  const chart = page.getByRole('figure', {
    name: 'Lead time breakdown per week',
  });
  await chart.scrollIntoViewIfNeeded();
  await expect(
    chart.getByText(/Medians over the range: coding /),
  ).toBeVisible();
  // One stack per part: each part has drawn bars.
  for (const name of ['Coding', 'Pickup', 'Review', 'Deploy'])
    await expect(chart.getByText(name, { exact: true })).toBeVisible();
  await expect
    .poll(() => chart.locator('.recharts-bar-rectangle path').count())
    .toBeGreaterThan(3);
});
