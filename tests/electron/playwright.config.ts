// Playwright configuration of the Electron end-to-end tests (they need a real Electron binary).
// Run them with `node tests/electron/run.mjs`, which finds the binary (ELECTRON_PATH or
// node_modules/electron/dist), builds dist/electron, and skips plainly when there is none.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // One Electron at a time: the single-instance lock is per user-data folder, and this machine has 2 cores.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: '../artifacts/electron',
  forbidOnly: true,
});
