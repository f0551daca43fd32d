/**
 * Issue 16's rows: the real app with the long read, measured through the e2e harness rather than
 * the bench page. The renderer is built from the current sources (`vite build` with the
 * repository's config, into the bench's folder), served over http with the app protocol's
 * security headers (serve.ts), and each page's `window.copydesk` is bound to the real
 * main-process services on a temporary workspace (tests/e2e/harness/app-session.ts), holding the
 * long read of tests/e2e/long-read-steps.ts (the XL article with one found word) and the seed
 * article. Chromium is the bench's (browser-bench.ts `launchChromium`), 1280×900.
 *
 * The pages are driven with CSS selectors only: Playwright's role queries check each candidate's
 * visibility, which makes Chromium style and lay out the content of skipped
 * (`content-visibility: auto`) blocks and panel entries, and would add tens of megabytes and
 * thousands of layout objects to what is measured (tests/bench/README.md).
 */
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { build } from 'vite';
import { RESPONSE_SECURITY_HEADERS } from '../../electron/shell/security';
import { createAppSession, type AppSession } from '../e2e/harness/app-session';
import { ROOT } from '../e2e/harness/sites';
import { longRead } from '../e2e/long-read-steps';
import { launchChromium } from './browser-bench';
import { buildBenchPages } from './build-page';
import type {} from './page/bench-page';
import { SIZES } from './generate';
import { canReadUss, MB, rendererPid, sampleUss, ussMB } from './process-memory';
import { APP_BUDGETS } from './app-budgets';
import { measuredResult, median, unavailable, type BenchResult } from './results';
import { serveFolder } from './serve';

/** The list of sources in the Sources panel; one `li` per source (the entries' insides may change). */
const SOURCE_LIST = 'ol[aria-label="Sources in number order"]';
const OPEN_BUTTON = 'table.cd-drafts button.cd-draft-title';
const LIBRARY_ROWS = 'table.cd-drafts tbody tr';
const CLOSE_SOURCES = 'button[aria-label="Close the Sources panel"]';
/** The seed's file (tests/fixtures) and its sources. */
const SEED = { file: 'seed.copydesk', fixture: 'tests/fixtures/seed-article.copydesk', sources: 2 } as const;
const LONG_FILE = 'long-read.copydesk';

/** What one page's memory looks like after a forced garbage collection. */
interface MemoryState {
  readonly uss: number;
  /** V8's used heap, MB. */
  readonly heap: number;
  readonly nodes: number;
  readonly listeners: number;
  /** Chromium's layout objects (Performance.getMetrics `LayoutObjects`): what has been laid out and kept. */
  readonly layoutObjects: number;
}

/** Collects garbage twice (V8 and Blink's heap: the DOM), then reads the page's memory. */
async function memoryState(cdp: CDPSession, pid: number): Promise<MemoryState> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const [{ usedSize }, counters, { metrics }] = await Promise.all([cdp.send('Runtime.getHeapUsage'), cdp.send('Memory.getDOMCounters'), cdp.send('Performance.getMetrics')]);
  const layoutObjects = metrics.find((m) => m.name === 'LayoutObjects')?.value ?? Number.NaN;
  return { uss: ussMB(pid), heap: usedSize / MB, nodes: counters.nodes, listeners: counters.jsEventListeners, layoutObjects };
}

/** When the open draft's text and its sources were painted, ms after the click on the library. */
interface OpenTimes {
  readonly text: number;
  readonly sources: number;
}

/**
 * In the page, before the click: stamps the click event, then, checking once per frame, the frame
 * that paints the editor's first body paragraph and the one that paints `sources` entries in the
 * Sources panel; each stamp is taken in the first task after that frame (requestAnimationFrame,
 * then setTimeout 0: its style, layout and paint are done), as the key-to-paint samples are.
 */
function watchOpen({ list, sources }: { list: string; sources: number }): void {
  const stamps = { click: Number.NaN, text: Number.NaN, sources: Number.NaN };
  addEventListener('click', (event) => void (stamps.click = event.timeStamp), { capture: true, once: true });
  const result = new Promise<OpenTimes>((resolve, reject) => {
    const give = setTimeout(() => reject(new Error(`not painted in 60 s: ${JSON.stringify(stamps)}`)), 60_000);
    let textSeen = false;
    // A method, not a named function: tsx's keepNames would wrap a named one in a helper the page lacks.
    const loop = {
      frame(): void {
        if (!textSeen && document.querySelector('.cd-editor > p')) {
          textSeen = true;
          setTimeout(() => void (stamps.text = performance.now()));
        }
        const listed = document.querySelector(list)?.querySelectorAll(':scope > li').length ?? 0;
        if (listed < sources) {
          requestAnimationFrame(() => loop.frame());
          return;
        }
        setTimeout(() => {
          stamps.sources = performance.now();
          clearTimeout(give);
          resolve({ text: stamps.text - stamps.click, sources: stamps.sources - stamps.click });
        });
      },
    };
    requestAnimationFrame(() => loop.frame());
  });
  Object.defineProperty(window, '__appBenchOpen', { value: result, configurable: true });
}

/** Clicks the draft `headline` in the library and resolves when its text and `sources` sources are painted (OpenTimes). */
async function openFromLibrary(page: Page, headline: string, sources: number): Promise<OpenTimes> {
  await page.evaluate(watchOpen, { list: SOURCE_LIST, sources });
  await page.locator(OPEN_BUTTON, { hasText: headline }).click();
  return page.evaluate(() => (window as unknown as { __appBenchOpen: Promise<OpenTimes> }).__appBenchOpen);
}

/** Back to the library (the app's "← Library"), waiting for its drafts and then for its refresh (the lock released, the summaries read again) to land. */
async function backToLibrary(page: Page, drafts: number): Promise<void> {
  await page.locator('button.cd-back').click();
  await page.waitForFunction(({ rows, n }) => document.querySelectorAll(rows).length >= n && !document.querySelector('.cd-editor'), { rows: LIBRARY_ROWS, n: drafts });
  await page.evaluate(domQuiet, 300);
}

/** In the page: resolves once the document has not changed for `ms` (at most 10 s). */
function domQuiet(ms: number): Promise<void> {
  return new Promise((resolve) => {
    // Methods, not named functions (see watchOpen).
    const end = {
      timer: undefined as ReturnType<typeof setTimeout> | undefined,
      limit: undefined as ReturnType<typeof setTimeout> | undefined,
      observer: new MutationObserver(() => end.wait()),
      wait(): void {
        clearTimeout(end.timer);
        end.timer = setTimeout(() => end.done(), ms);
      },
      done(): void {
        end.observer.disconnect();
        clearTimeout(end.timer);
        clearTimeout(end.limit);
        resolve();
      },
    };
    end.limit = setTimeout(() => end.done(), 10_000);
    end.wait();
    end.observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/**
 * Installed before the app's scripts run (an init script): stamps the first frame that paints the
 * library's drafts table with `drafts` rows, in ms from the navigation's start (`performance.now`).
 */
function watchLibrary({ rows, drafts }: { rows: string; drafts: number }): void {
  const result = new Promise<number>((resolve) => {
    const loop = {
      frame(): void {
        if (document.querySelectorAll(rows).length >= drafts) setTimeout(() => resolve(performance.now()));
        else requestAnimationFrame(() => loop.frame());
      },
    };
    requestAnimationFrame(() => loop.frame());
  });
  Object.defineProperty(window, '__appBenchLibrary', { value: result, configurable: true });
}

/** One fresh window on the app. */
interface AppWindow {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly cdp: CDPSession;
  readonly pid: number;
  /** Navigation start to the library painted, ms. */
  readonly library: number;
  /** Errors the page threw (a broken measurement). */
  readonly errors: string[];
}

/** A new context (cold caches), the page made a Copydesk window of `session`, navigated to the app and its library painted. */
async function openWindow(browser: Browser, session: AppSession, appUrl: string, drafts: number): Promise<AppWindow> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await session.attach(page);
  await page.addInitScript(watchLibrary, { rows: LIBRARY_ROWS, drafts });
  await page.goto(appUrl);
  const library = await page.evaluate(() => (window as unknown as { __appBenchLibrary: Promise<number> }).__appBenchLibrary);
  const pid = await rendererPid(browser, page);
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, pid, library, errors };
}

async function closeWindow(win: AppWindow): Promise<void> {
  await win.context.close();
  if (win.errors.length) throw new Error(`errors in the app's page: ${win.errors.join('; ')}`);
}

/** The figures of one run (a fresh window): cold library, seed, the long read opened. */
interface AppRun {
  readonly library: number;
  readonly atLibrary: MemoryState;
  readonly seed: MemoryState;
  readonly open: OpenTimes;
  readonly peak: number;
  readonly peakSamples: number;
  readonly xl: MemoryState;
  /** Then with the Sources panel closed. */
  readonly closed: MemoryState;
  /** The same article in the bench page (page/copydesk.ts: the editor alone), for comparison. */
  readonly benchPage: MemoryState;
}

/** The renderer's USS while the long read opens is sampled until this long after every source is listed (the idle work after opening). */
const SETTLE_MS = 1500;

async function appRun(browser: Browser, session: AppSession, appUrl: string, headlines: { seed: string; long: string }, pages: { url: string; doc: string }): Promise<AppRun> {
  const win = await openWindow(browser, session, appUrl, 2);
  const { page, cdp, pid } = win;
  const atLibrary = await memoryState(cdp, pid);
  await openFromLibrary(page, headlines.seed, SEED.sources);
  const seed = await memoryState(cdp, pid);
  await backToLibrary(page, 2);
  await memoryState(cdp, pid);
  const sampler = sampleUss(pid);
  const open = await openFromLibrary(page, headlines.long, SIZES.XL.sources);
  // The time is the measurement: the peak row covers the opening up to SETTLE_MS after every
  // source is listed (the idle work after opening), and the after-GC row is taken at its end.
  await page.waitForTimeout(SETTLE_MS);
  const { peak, samples } = await sampler.stop();
  const xl = await memoryState(cdp, pid);
  await page.locator(CLOSE_SOURCES).click();
  await page.waitForFunction((list) => !document.querySelector(list), SOURCE_LIST);
  const closed = await memoryState(cdp, pid);
  await closeWindow(win);
  const benchPage = await benchPageState(browser, pages);
  return { library: win.library, atLibrary, seed, open, peak, peakSamples: samples, xl, closed, benchPage };
}

/** The bench page (build-page.ts) with the long read open, `SETTLE_MS` later, after GC. */
async function benchPageState(browser: Browser, pages: { url: string; doc: string }): Promise<MemoryState> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${pages.url}/copydesk.html`);
  await page.waitForFunction(() => window.copydeskBench !== undefined);
  await page.evaluate((doc) => (window.copydeskBench as NonNullable<Window['copydeskBench']>).open(doc), pages.doc);
  // The time is the measurement: the same moment after opening as the app's row it is set beside.
  await page.waitForTimeout(SETTLE_MS);
  const state = await memoryState(await context.newCDPSession(page), await rendererPid(browser, page));
  await context.close();
  return state;
}

/** The JS heap, DOM nodes and listeners at the library after each open/close cycle of the long read. */
async function cycles(browser: Browser, session: AppSession, appUrl: string, headline: string, count: number): Promise<MemoryState[]> {
  const win = await openWindow(browser, session, appUrl, 2);
  const states: MemoryState[] = [];
  for (let i = 0; i < count; i++) {
    await openFromLibrary(win.page, headline, SIZES.XL.sources);
    await backToLibrary(win.page, 2);
    states.push(await memoryState(win.cdp, win.pid));
  }
  await closeWindow(win);
  return states;
}

/** The entry script of the built index.html and its size in bytes, with the scripts it preloads. */
export async function startChunk(dist: string): Promise<{ file: string; bytes: number; preloaded: number }> {
  const html = await fs.readFile(path.join(dist, 'index.html'), 'utf8');
  const entry = /<script[^>]*type="module"[^>]*src="([^"]+)"/u.exec(html)?.[1];
  if (!entry) throw new Error('dist index.html has no module script');
  const bytes = (await fs.stat(path.join(dist, entry))).size;
  let preloaded = 0;
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/gu)) preloaded += (await fs.stat(path.join(dist, m[1] as string))).size;
  return { file: entry, bytes, preloaded };
}

const fixed = (n: number, digits = 1): string => n.toFixed(digits);

/** Issue 16's rows (see the module comment); `folder` is the bench's temporary folder. */
export async function appRows(folder: string, quick: boolean, log: (message: string) => void): Promise<{ results: BenchResult[]; chromium: string }> {
  const dist = path.join(folder, 'app-renderer');
  log('building the renderer (vite build) for the app rows');
  await build({ configFile: path.join(ROOT, 'vite.config.mts'), logLevel: 'error', build: { outDir: dist, emptyOutDir: true } });
  const chunk = await startChunk(dist);
  const rows: BenchResult[] = [
    measuredResult('app: start chunk (entry script of index.html), raw', 'app', 'kB', [chunk.bytes / 1000], APP_BUDGETS.startChunk, `${path.basename(chunk.file)}; modulepreloaded beside it ${fixed(chunk.preloaded / 1000, 0)} kB; read from the build of the current sources`),
  ];
  if (!canReadUss()) {
    const note = 'needs Linux /proc/<pid>/smaps_rollup';
    return { results: [...rows, unavailable('app: renderer USS, XL open, after GC', 'XL', 'MB', APP_BUDGETS.ussOpen, note), unavailable('app: renderer USS, peak while opening', 'XL', 'MB', APP_BUDGETS.ussPeak, note)], chromium: 'not run' };
  }
  const long = longRead();
  const seedText = await fs.readFile(path.join(ROOT, SEED.fixture), 'utf8');
  const server = await serveFolder(dist, RESPONSE_SECURITY_HEADERS);
  const pagesDir = path.join(folder, 'app-bench-page');
  await buildBenchPages(pagesDir);
  await fs.writeFile(path.join(pagesDir, LONG_FILE), long.text);
  const pagesServer = await serveFolder(pagesDir);
  const pages = { url: pagesServer.url, doc: `/${LONG_FILE}` };
  const appUrl = `${server.url}/index.html`;
  const session = await createAppSession({ trustedOrigin: server.url, drafts: { [LONG_FILE]: long.text, [SEED.file]: seedText } });
  const browser = await launchChromium();
  const chromium = browser.version();
  try {
    // The main process as it runs in the app: the library's summaries already read once.
    await session.services.workspace.list();
    const headlines = { seed: 'Upcoming Safety Assurances', long: long.headline };
    const runs: AppRun[] = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      const run = await appRun(browser, session, appUrl, headlines, pages);
      log(`app run ${String(i + 1)}: library ${fixed(run.library, 0)} ms; XL text ${fixed(run.open.text, 0)} ms, sources ${fixed(run.open.sources, 0)} ms; USS ${fixed(run.xl.uss)} MB (peak ${fixed(run.peak)}), ${String(run.xl.nodes)} nodes`);
      runs.push(run);
    }
    const pick = (f: (r: AppRun) => number): number[] => runs.map(f);
    const med = (f: (r: AppRun) => number): string => fixed(median(pick(f)));
    const count = (f: (r: AppRun) => number): string => fixed(median(pick(f)), 0);
    const each = `median of ${String(runs.length)} runs, a fresh window each`;
    rows.push(
      measuredResult('app: cold navigation to the library painted', 'app', 'ms', pick((r) => r.library), APP_BUDGETS.coldLibrary, `a new browser context (no cache), navigation start to the frame painting the drafts table (2 drafts; summaries read once before, as in a running app); ${each}`),
      measuredResult('app: renderer USS, library (reference)', 'app', 'MB', pick((r) => r.atLibrary.uss), null, `after GC; JS heap ${med((r) => r.atLibrary.heap)} MB, ${count((r) => r.atLibrary.nodes)} DOM nodes; ${each}`),
      measuredResult('app: renderer USS, seed open (reference)', 'S', 'MB', pick((r) => r.seed.uss), null, `the seed article, Sources panel open, after GC; JS heap ${med((r) => r.seed.heap)} MB, ${count((r) => r.seed.nodes)} DOM nodes; ${each}`),
      measuredResult('app: renderer USS, XL open, after GC', 'XL', 'MB', pick((r) => r.xl.uss), APP_BUDGETS.ussOpen, `the long read (${String(SIZES.XL.words)} words, ${String(SIZES.XL.sources)} sources) as it opens (Sources panel open), ${String(SETTLE_MS)} ms after every source is listed, after GC; JS heap ${med((r) => r.xl.heap)} MB; ${each}`),
      measuredResult('app: renderer USS, peak while opening', 'XL', 'MB', pick((r) => r.peak), APP_BUDGETS.ussPeak, `/proc smaps_rollup read every 25 ms from the click to ${String(SETTLE_MS)} ms after every source is listed (${count((r) => r.peakSamples)} samples); ${each}`),
      measuredResult('app: DOM nodes, XL open, Sources panel open', 'XL', 'count', pick((r) => r.xl.nodes), APP_BUDGETS.nodesWithPanel, `Memory.getDOMCounters after GC; listeners ${count((r) => r.xl.listeners)}; ${each}`),
      measuredResult('app: renderer USS, XL open, Sources panel closed (reference)', 'XL', 'MB', pick((r) => r.closed.uss), null, `then the panel closed, after GC: JS heap ${med((r) => r.closed.heap)} MB, ${count((r) => r.closed.nodes)} DOM nodes, ${count((r) => r.closed.layoutObjects)} layout objects; the bench page with the same article (the editor alone): USS ${med((r) => r.benchPage.uss)} MB, JS heap ${med((r) => r.benchPage.heap)} MB, ${count((r) => r.benchPage.nodes)} DOM nodes, ${count((r) => r.benchPage.layoutObjects)} layout objects; ${each}`),
      measuredResult('app: layout objects over the bench page\'s, XL open, Sources panel closed (reference)', 'XL', 'count', pick((r) => r.closed.layoutObjects - r.benchPage.layoutObjects), null, `Performance.getMetrics LayoutObjects, app minus bench page; every block laid out once (as with cd-render-all) adds about 16,000; ${each}`),
      measuredResult('app: click to the text painted', 'XL', 'ms', pick((r) => r.open.text), APP_BUDGETS.clickToText, `click on the draft in the library to the frame painting the first body paragraph; ${each}`),
      measuredResult('app: click to every source listed', 'XL', 'ms', pick((r) => r.open.sources), APP_BUDGETS.clickToSources, `to the frame painting ${String(SIZES.XL.sources)} entries (li) in the Sources panel's list; ${each}`),
    );
    const times = quick ? 3 : 10;
    log(`app: ${String(times)} open/close cycles of the long read`);
    const states = await cycles(browser, session, appUrl, long.headline, times);
    const first = states[0] as MemoryState;
    const last = states.at(-1) as MemoryState;
    const heaps = states.map((s) => fixed(s.heap, 2)).join(', ');
    rows.push(
      measuredResult(`app: JS heap at the library, cycle ${String(times)} − cycle 1`, 'XL', 'MB', [last.heap - first.heap], APP_BUDGETS.heapGrowth, `open the long read, every source listed, back to the library, GC; heap after each cycle ${heaps} MB`),
      measuredResult(`app: DOM nodes at the library, cycle ${String(times)} − cycle 1`, 'XL', 'count', [last.nodes - first.nodes], APP_BUDGETS.countersBack, `Memory.getDOMCounters after GC: ${states.map((s) => String(s.nodes)).join(', ')}`),
      measuredResult(`app: event listeners at the library, cycle ${String(times)} − cycle 1`, 'XL', 'count', [last.listeners - first.listeners], APP_BUDGETS.countersBack, `Memory.getDOMCounters after GC: ${states.map((s) => String(s.listeners)).join(', ')}`),
    );
  } finally {
    await browser.close();
    await server.close();
    await pagesServer.close();
    await session.dispose();
  }
  return { results: rows, chromium };
}
