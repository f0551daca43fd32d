// Playwright configuration of the renderer's end-to-end tests: real Chromium (Debian's, where it
// is installed), the renderer built into dist/renderer and served by `vite preview`, its API bound
// to the real main-process services (fixtures.ts). Run: npm run test:e2e (builds the renderer
// first), or `npx playwright test -c tests/e2e/playwright.config.ts` on an existing build.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium; elsewhere (a Mac, CI with `npx playwright install chromium`) Playwright's own.
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './harness/global-setup.ts',
  // This machine has 2 cores: one browser per core at most.
  workers: 2,
  fullyParallel: false,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: '../artifacts/e2e/results',
  reporter: [['list'], ['html', { outputFolder: '../artifacts/e2e/report', open: 'never' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
      // --no-sandbox: the tests run as root here. The rest keeps Chromium off the network, which
      // is closed on this machine (it would retry background requests for the whole run).
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
