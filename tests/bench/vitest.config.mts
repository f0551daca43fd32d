// Vitest configuration of the benchmark's own tests (generator, statistics, trace summary,
// static server): `npx vitest run -c tests/bench/vitest.config.mts`. The benchmark itself is
// `npm run bench` (tsx tests/bench/run.ts), not a test.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
