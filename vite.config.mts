import { defineConfig } from 'vitest/config';

// Vitest runs the unit and integration tests of shared/ and electron/ (tests/unit). The
// Playwright end-to-end tests live in tests/e2e and run under their own runner.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
