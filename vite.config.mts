import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = fileURLToPath(new URL('.', import.meta.url));

// One config for the renderer build (root renderer/, output dist/renderer, served by
// `vite preview` in the end-to-end tests and by the app's custom protocol) and for Vitest, which
// runs the unit and integration tests in tests/unit from the project root. Playwright's
// end-to-end tests live in tests/e2e under their own runner.
export default defineConfig({
  root: `${here}renderer`,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${here}dist/renderer`,
    emptyOutDir: true,
    target: 'chrome130',
    // Maps written, but not named in the bundles: they stay out of the package (build/keep-sourcemaps.mjs).
    sourcemap: 'hidden',
    // parse5 with its own entities (the paste cleaner's and the HTML importer's, loaded on use) under its own name.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'parse5', test: /[\\/]node_modules[\\/]parse5[\\/]/u }] } } },
  },
  preview: { host: '127.0.0.1', strictPort: true },
  test: {
    root: here,
    include: ['tests/unit/**/*.test.ts', 'tests/bench/**/*.test.ts'],
    // The tests that spawn the `copydesk` command run the bundle of the current sources.
    globalSetup: ['tests/unit/helpers/cli-bundle.global.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
