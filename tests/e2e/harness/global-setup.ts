/**
 * Playwright's global setup for tests/e2e: serves the sites with `vite preview` (sites.ts) for the
 * whole run and returns their teardown. It does not build the renderer: `npm run test:e2e` runs
 * `npm run build:renderer` first, and a stale build is reported here.
 */
import { staleBuildWarning, startSites } from './sites';

/** Starts the servers; Playwright calls the returned function after the last test. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const warning = staleBuildWarning();
  if (warning !== null) console.warn(`Copydesk e2e: ${warning}`);
  return startSites();
}
