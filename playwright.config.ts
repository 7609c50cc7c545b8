/*
 * Copyright 2023 The Backstage Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import { defineConfig } from '@playwright/test';
import { generateProjects } from '@backstage/e2e-test-utils/playwright';

/**
 * Browser tests run in Debian Chromium (`apt-get install chromium`, done by
 * scripts/setup.sh), never in a browser downloaded by `playwright install`.
 *
 * - `scripts/test.sh` builds the app, starts the backend serving it, and runs
 *   these tests with `CI=true` and `PLAYWRIGHT_URL` pointing at that backend.
 * - Locally, `yarn test:e2e` reuses (or starts) `yarn start` on :3000/:7007.
 *
 * See https://playwright.dev/docs/test-configuration.
 */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  timeout: 120_000,

  expect: {
    timeout: 30_000,
  },

  // Run your local dev server before starting the tests
  webServer: process.env.CI
    ? []
    : [
        {
          command: 'yarn start app',
          url: 'http://localhost:3000',
          reuseExistingServer: true,
          timeout: 120_000,
        },
        {
          command: 'yarn start backend',
          port: 7007,
          reuseExistingServer: true,
          timeout: 60_000,
        },
      ],

  forbidOnly: !!process.env.CI,

  retries: process.env.CI ? 1 : 0,

  // The 2-core CI machine also runs the backend: one browser at a time.
  workers: 1,

  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
    ...(process.env.PLAYWRIGHT_JSON_OUTPUT_FILE
      ? [
          [
            'json',
            { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE },
          ] as const,
        ]
      : []),
  ],

  use: {
    actionTimeout: 0,
    baseURL:
      process.env.PLAYWRIGHT_URL ??
      (process.env.CI ? 'http://localhost:7007' : 'http://localhost:3000'),
    screenshot: 'only-on-failure',
    trace: 'on-first-retry',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },

  outputDir: 'node_modules/.cache/e2e-test-results',

  // One project per e2e-tests/ folder (repository root and packages), all in
  // Chromium; the "chrome" channel generateProjects picks is not installed.
  projects: (generateProjects() ?? []).map(project => ({
    ...project,
    use: { ...project.use, channel: undefined, browserName: 'chromium' },
  })),
});
