import { test, expect } from '@playwright/test';
import type { IterationListResponse } from '@valuestream/backstage-plugin-value-stream-common';
import { apiResponse, jsonOf, openValueStreamTab } from './valueStreamPage';

// The demo gives features values and puts items into two sprints (the running one and the
// one before; value-stream-backend-module-demo planIterations.ts): the Value section shows
// the API's value delivered and a delivered-vs-planned chart naming both sprints.
test('the Value section shows the value delivered and the sprints of GET …/iterations', async ({
  page,
}) => {
  const iterations = apiResponse(
    page,
    '/entities/component/default/payments-api/iterations',
  );
  const { metrics } = await openValueStreamTab(page, 'payments-api');
  const body = await jsonOf<IterationListResponse>(await iterations);
  expect(metrics.value.delivered).toBeGreaterThan(0);
  expect(body.items.length).toBe(2);

  const section = page.getByTestId('value-delivered');
  await section.scrollIntoViewIfNeeded();
  await expect(
    section.getByTestId('metric-value-delivered').getByTestId('metric-value'),
  ).toHaveText(metrics.value.delivered.toLocaleString('en-US'));

  const chart = page.getByRole('figure', {
    name: 'Value delivered vs planned per iteration',
  });
  for (const it of body.items)
    await expect(chart).toContainText(
      `${it.name}: ${it.delivered.value} of ${it.planned.value} planned delivered`,
    );
  // recharts drew a bar per iteration and series
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
});
