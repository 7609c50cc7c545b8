import {
  expect,
  type APIRequestContext,
  type Locator,
  type Page,
  type Response,
} from '@playwright/test';
import type {
  AlertListResponse,
  MetricsResponse,
} from '@valuestream/backstage-plugin-value-stream-common';

/** Catalog path of an example component (examples/entities.yaml). */
export function componentPath(name: string) {
  return `/catalog/default/component/${name}`;
}

/**
 * Opens `path`, signs in as guest when the sign-in page shows (a new browser
 * context, or a reload), and waits for `ready`. The attempts cover the seconds
 * before the catalog has read the examples ("Entity not found").
 */
export async function signInAt(
  page: Page,
  path: string,
  ready: (page: Page) => Locator,
) {
  await expect(async () => {
    await page.goto(path);
    const enter = page.getByRole('button', { name: 'Enter' });
    await expect(enter.or(ready(page)).first()).toBeVisible({
      timeout: 20_000,
    });
    if (await enter.isVisible()) await enter.click();
    await expect(ready(page)).toBeVisible({ timeout: 20_000 });
  }).toPass({ timeout: 75_000 });
}

/** One of the entity page's own tabs, not a sidebar entry of that name. */
export function entityTab(page: Page, name: string) {
  const main = page.getByRole('main');
  return main
    .getByRole('tab', { name })
    .or(main.getByRole('link', { name, exact: true }))
    .first();
}

/** The entity's "Value Stream" tab. */
export function valueStreamTab(page: Page) {
  return entityTab(page, 'Value Stream');
}

/** The first GET of a value-stream API path the page makes from now on. */
export function apiResponse(page: Page, path: string | RegExp) {
  return page.waitForResponse(r => {
    if (r.request().method() !== 'GET') return false;
    const { pathname } = new URL(r.url());
    const rest = pathname.replace(/^\/api\/value-stream/, '');
    if (rest === pathname) return false;
    return typeof path === 'string' ? rest === path : path.test(rest);
  });
}

/** JSON body of a response, failing on an HTTP error. */
export async function jsonOf<T>(response: Response): Promise<T> {
  expect(response.status(), response.url()).toBe(200);
  return (await response.json()) as T;
}

/** What the tab loaded from the backend, as the backend answered it. */
export interface TabData {
  metrics: MetricsResponse;
  alerts: AlertListResponse;
  /** The window the page asked for. */
  window: { from: string; to: string };
}

/**
 * Signs in on the component page, clicks its Value Stream tab and returns the
 * backend's answers to the tab's own metrics and alerts requests.
 */
export async function openValueStreamTab(
  page: Page,
  component: string,
): Promise<TabData> {
  const path = componentPath(component);
  await signInAt(page, path, valueStreamTab);
  const entity = `/entities/component/default/${component}`;
  const metrics = apiResponse(page, `${entity}/metrics`);
  const alerts = apiResponse(page, `${entity}/alerts`);
  await valueStreamTab(page).click();
  await expect(page).toHaveURL(new RegExp(`${path}/value-stream$`));
  const metricsResponse = await metrics;
  const query = new URL(metricsResponse.url()).searchParams;
  return {
    metrics: await jsonOf<MetricsResponse>(metricsResponse),
    alerts: await jsonOf<AlertListResponse>(await alerts),
    window: { from: query.get('from') ?? '', to: query.get('to') ?? '' },
  };
}

/** A guest user token, as the app's sign-in gets one. */
export async function guestToken(request: APIRequestContext) {
  const response = await request.get('/api/auth/guest/refresh?env=development');
  expect(response.ok()).toBe(true);
  const body = await response.json();
  return body.backstageIdentity.token as string;
}

/** GET a value-stream API path with a guest token. */
export async function apiGet<T>(
  request: APIRequestContext,
  path: string,
  params: Record<string, string | number> = {},
): Promise<T> {
  const token = await guestToken(request);
  const response = await request.get(`/api/value-stream${path}`, {
    headers: { Authorization: `Bearer ${token}` },
    params,
  });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

/**
 * Milliseconds from the next click in the page to the moment an element
 * matching `selector` is in the DOM, measured in the page (event timestamp to
 * a MutationObserver callback). Call before clicking; await the result after.
 */
export async function armClickToElementTimer(page: Page, selector: string) {
  await page.evaluate(sel => {
    const w = window as unknown as { __vsTimer?: Promise<number> };
    w.__vsTimer = new Promise<number>(resolve => {
      let clickedAt: number | undefined;
      const check = () => {
        if (clickedAt !== undefined && document.querySelector(sel)) {
          observer.disconnect();
          resolve(performance.now() - clickedAt);
        }
      };
      const observer = new MutationObserver(check);
      window.addEventListener(
        'click',
        e => {
          clickedAt = e.timeStamp;
          observer.observe(document.body, { childList: true, subtree: true });
          check();
        },
        { capture: true, once: true },
      );
    });
  }, selector);
  return async () =>
    Math.round(
      await page.evaluate(
        () => (window as unknown as { __vsTimer: Promise<number> }).__vsTimer,
      ),
    );
}
