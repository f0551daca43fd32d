/**
 * The sites the end-to-end tests open, each served by `vite preview` on 127.0.0.1 and a free
 * port: the built renderer (dist/renderer, from `npm run build:renderer`) and the harness's own
 * smoke page (tests/e2e/harness/smoke-page), both with the security headers (CSP…) of the app's
 * own protocol. The global setup starts them once per run and hands
 * their URLs to the workers through an environment variable; the fixture reads them here.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview, type PreviewServer } from 'vite';
import { RESPONSE_SECURITY_HEADERS } from '../../../electron/shell/security';

/** A site the fixture can open. */
export type SiteName = 'renderer' | 'smoke';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The built renderer that `vite preview` serves: dist/renderer, or the folder named by
 * COPYDESK_E2E_RENDERER_DIR (a build made elsewhere with `vite build --outDir <folder>`).
 */
export const RENDERER_DIST = path.resolve(ROOT, process.env.COPYDESK_E2E_RENDERER_DIR ?? path.join('dist', 'renderer'));

const HARNESS_DIR = path.join(ROOT, 'tests', 'e2e', 'harness');
const SMOKE_DIR = path.join(HARNESS_DIR, 'smoke-page');
const ENV_KEY = 'COPYDESK_E2E_SITES';

/** The served sites' base URLs ("http://127.0.0.1:41879/"); null for a site that is not built. */
export type SiteUrls = Record<SiteName, string | null>;

function urlOf(server: PreviewServer): string {
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('vite preview did not report its port.');
  return `http://127.0.0.1:${String(address.port)}/`;
}

const servePreview = (configFile: string | false, extra: { root?: string; outDir?: string }): Promise<PreviewServer> =>
  preview({
    configFile,
    ...(extra.root === undefined ? {} : { root: extra.root }),
    ...(extra.outDir === undefined ? {} : { build: { outDir: extra.outDir } }),
    // Port 0: the system picks a free port, so that two runs on the machine never collide. The
    // headers are those the app's protocol sends (electron/shell/protocol.ts): its CSP holds here too.
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false, headers: { ...RESPONSE_SECURITY_HEADERS } },
    logLevel: 'warn',
  });

// The newest modification time under `dir` (for the staleness warning), ignoring missing folders.
function newestUnder(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** A warning when the renderer's build is older than its sources (tests would run old code), or null. */
export function staleBuildWarning(): string | null {
  const index = path.join(RENDERER_DIST, 'index.html');
  if (!existsSync(index)) return null;
  const built = statSync(index).mtimeMs;
  const changed = Math.max(newestUnder(path.join(ROOT, 'renderer')), newestUnder(path.join(ROOT, 'shared')));
  return changed > built ? 'dist/renderer is older than renderer/ or shared/: the tests run the old build (npm run test:e2e rebuilds it).' : null;
}

/**
 * Starts `vite preview` for the smoke page, and for the renderer when dist/renderer holds a
 * build (the repository's vite.config.mts, as `npm run build:renderer` built it). Records the
 * URLs for the workers and returns the function that stops the servers.
 */
export async function startSites(): Promise<() => Promise<void>> {
  const servers: PreviewServer[] = [];
  const urls: SiteUrls = { renderer: null, smoke: null };
  try {
    const smoke = await servePreview(false, { root: HARNESS_DIR, outDir: SMOKE_DIR });
    servers.push(smoke);
    urls.smoke = urlOf(smoke);
    if (existsSync(path.join(RENDERER_DIST, 'index.html'))) {
      const renderer = await servePreview(path.join(ROOT, 'vite.config.mts'), { outDir: RENDERER_DIST });
      servers.push(renderer);
      urls.renderer = urlOf(renderer);
    }
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    throw error;
  }
  process.env[ENV_KEY] = JSON.stringify(urls);
  return async () => {
    await Promise.all(servers.map((server) => server.close()));
  };
}

/** The base URL of `site`, as the global setup recorded it; throws a clear error when it is not served. */
export function siteUrl(site: SiteName): string {
  const raw = process.env[ENV_KEY];
  if (raw === undefined) throw new Error(`No site is served: run the tests with "playwright test -c tests/e2e/playwright.config.ts" (its global setup starts vite preview).`);
  const url = (JSON.parse(raw) as SiteUrls)[site];
  if (url === null) {
    throw new Error(`The renderer is not built (${path.join(RENDERER_DIST, 'index.html')} is missing): run "npm run build:renderer", or "npm run test:e2e", which builds it first.`);
  }
  return url;
}
