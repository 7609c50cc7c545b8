import { test, expect, type Page } from '@playwright/test';
import type { MetricsResponse } from '@valuestream/backstage-plugin-value-stream-common';
import {
  apiGet,
  armClickToElementTimer,
  componentPath,
  entityTab,
  signInAt,
  valueStreamTab,
} from './valueStreamPage';

// Time from clicking the Value Stream tab to the lanes being rendered (the
// first lane count in the DOM), with the demo data and with 2,000 extra open
// items. The figures go to the test output and docs/benchmarks.md.

const LANES = '[data-testid^="lane-count-"]';
const CARDS = '[data-testid^="work-item-"]';

/** The extra items: their own key prefix on ledger-service. */
const BULK_COMPONENT = 'ledger-service';
const BULK_PREFIX = 'LOADUI';
const BULK_ITEMS = 2000;
/** Of which this many are moved to In Progress: a lane long enough to scroll. */
const BULK_IN_PROGRESS = 600;

/**
 * Canonical events for the bulk items. Ids are fixed, so a second run sends
 * duplicates and changes nothing (the backend is idempotent on source + id).
 */
function bulkEvents(now: number) {
  const entityRef = `component:default/${BULK_COMPONENT}`;
  const events = [];
  for (let i = 1; i <= BULK_ITEMS; i++) {
    const key = `${BULK_PREFIX}-${i}`;
    const createdAt = now - 3 * 86_400_000 + i * 60_000;
    events.push({
      id: `${key}-created`,
      source: 'e2e-load',
      type: 'work_item.created',
      occurredAt: new Date(createdAt).toISOString(),
      entityRef,
      data: {
        key,
        title: `Load test item ${i}`,
        itemType: i % 4 === 0 ? 'defect' : 'feature',
      },
    });
    if (i <= BULK_IN_PROGRESS) {
      events.push({
        id: `${key}-started`,
        source: 'e2e-load',
        type: 'work_item.status_changed',
        occurredAt: new Date(createdAt + 30 * 60_000).toISOString(),
        entityRef,
        data: { key, to: 'In Progress', stage: 'In Progress' },
      });
    }
  }
  return events;
}

/** Clicks the Value Stream tab and returns ms until the lanes are rendered. */
async function timeTabToLanes(page: Page) {
  const elapsed = await armClickToElementTimer(page, LANES);
  await valueStreamTab(page).click();
  const ms = await elapsed();
  await expect(page.locator(LANES).first()).toBeVisible();
  return ms;
}

/** Cold (first visit, plugin code not loaded yet) and warm tab → lanes times. */
async function measure(page: Page, component: string) {
  const path = componentPath(component);
  await signInAt(page, path, valueStreamTab);
  const cold = await timeTabToLanes(page);
  await entityTab(page, 'Overview').click();
  await expect(page.locator(LANES)).toHaveCount(0);
  const warm = await timeTabToLanes(page);
  return { cold, warm };
}

test('the lanes render quickly with the demo data and with 2,000 open items', async ({
  page,
}, testInfo) => {
  const demo = await measure(page, 'payments-api');

  const events = bulkEvents(Date.now());
  const post = await page.request.post('/api/value-stream/events', {
    headers: { Authorization: 'Bearer dev-value-stream-token' },
    data: events,
  });
  expect(post.status(), await post.text()).toBe(202);
  const ingest = await post.json();
  expect(ingest.accepted + ingest.duplicates + ingest.ignored).toBe(
    events.length,
  );
  // Wait until the metrics count them (not sleep).
  const metricsPath = `/entities/component/default/${BULK_COMPONENT}/metrics`;
  await expect
    .poll(
      async () => {
        const m = await apiGet<MetricsResponse>(page.request, metricsPath);
        return m.stages.find(s => s.name === 'Backlog')?.wip ?? 0;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThanOrEqual(BULK_ITEMS - BULK_IN_PROGRESS);

  const bulk = await measure(page, BULK_COMPONENT);
  const stages = page.getByRole('region', { name: 'Stages' });
  const openItems = Number(
    /(\d+) open items/.exec((await stages.textContent()) ?? '')?.[1],
  );
  expect(openItems).toBeGreaterThanOrEqual(BULK_ITEMS);

  // Virtualised lanes: only the visible cards (and a few more) are mounted.
  const mounted = await page.locator(CARDS).count();
  expect(mounted).toBeGreaterThan(0);
  expect(mounted).toBeLessThan(200);

  // Scrolling the longest lane mounts the cards further down and stays fast.
  const list = page.getByRole('list', { name: 'Backlog items' });
  const total = Number(
    await list.getByRole('listitem').first().getAttribute('aria-setsize'),
  );
  expect(total).toBeGreaterThanOrEqual(BULK_ITEMS - BULK_IN_PROGRESS);
  const target = Math.floor(total / 2);
  const scrollMs = await list.evaluate(async (el, pos) => {
    const t0 = performance.now();
    el.scrollTop = el.scrollHeight / 2;
    await new Promise<void>(done => {
      const check = () =>
        el.querySelector(`[aria-posinset="${pos}"]`)
          ? done()
          : requestAnimationFrame(check);
      check();
    });
    return Math.round(performance.now() - t0);
  }, target);
  await expect(
    list.locator(`[role="listitem"][aria-posinset="${target}"]`),
  ).toBeVisible();
  await expect(list.getByRole('listitem').first()).not.toHaveAttribute(
    'aria-posinset',
    '1',
  );
  expect(await page.locator(CARDS).count()).toBeLessThan(200);

  const figures = {
    demoColdMs: demo.cold,
    demoWarmMs: demo.warm,
    bulkColdMs: bulk.cold,
    bulkWarmMs: bulk.warm,
    bulkOpenItems: openItems,
    cardsInDom: mounted,
    scrollToMiddleMs: scrollMs,
  };
  // Loose bounds: a regression to seconds fails, machine load does not.
  for (const ms of [demo.cold, demo.warm, bulk.cold, bulk.warm]) {
    expect(ms).toBeLessThan(15_000);
  }
  expect(scrollMs).toBeLessThan(5_000);
  console.log(`value-stream tab → lanes: ${JSON.stringify(figures)}`);
  await testInfo.attach('lanes-render-times', {
    body: JSON.stringify(figures, null, 2),
    contentType: 'application/json',
  });
});
