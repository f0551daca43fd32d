/**
 * The Chromium half of the benchmark: typing (key to next paint), citing and opening, in
 * Copydesk's editor and in a bare ProseMirror view of the same documents, in one browser run.
 *
 * Chromium is Debian's /usr/bin/chromium where it exists (Playwright's own otherwise), headless,
 * with the flags of the e2e suite that keep it off the closed network. Each session gets a fresh
 * context (1280×900) so that no page inherits another's garbage or caches.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import type {} from './page/bench-page';
import type {} from './page/wire';
import { seededRandom } from './generate';
import type { BenchMode, OpenResult } from './page/bench-page';
import type { AcceptResult } from './page/copydesk';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** What gets typed: lower-case words and spaces (no input rule fires on them). */
export const TYPED = 'the council voted late on tuesday and the budget passed ';

/**
 * Delays before each key, in ms: seeded, uniform over one 60 Hz frame. Keys pressed right after
 * the previous paint would all arrive at the same point of the frame and measure the frame
 * clock's phase (about 14 ms of waiting for the next frame even on an empty page); a reporter's
 * keys arrive at any point of the frame.
 */
export function keyDelays(count: number, seed = 17): number[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => Math.round(next() * 167) / 10);
}

/**
 * Launches the benchmark's Chromium; `accessibility`: with its accessibility on from the start
 * (`--force-renderer-accessibility`, the complete mode as when a screen reader is on).
 */
export async function launchChromium(options: { accessibility?: boolean } = {}): Promise<Browser> {
  const args = options.accessibility ? [...ARGS, '--force-renderer-accessibility'] : ARGS;
  return chromium.launch({ headless: true, args, ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}) });
}

/** The page of `mode` (Suggesting and render-all are Copydesk's page told so). */
export function pagePath(mode: BenchMode): string {
  if (mode === 'suggesting') return 'copydesk.html?review=suggesting';
  if (mode === 'render-all') return 'copydesk.html?render=all';
  return `${mode}.html`;
}

/** A page of `mode` on a fresh context; page errors are collected and rethrown by `check`. */
async function openPage(browser: Browser, baseUrl: string, mode: BenchMode): Promise<{ page: Page; done: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/${pagePath(mode)}`);
  await page.waitForFunction(() => window.copydeskBench !== undefined);
  return {
    page,
    done: async () => {
      await context.close();
      if (errors.length) throw new Error(`errors in the ${mode} bench page: ${errors.join('; ')}`);
    },
  };
}

/** Opens `docUrl` in the page and returns what the page measured. */
async function openDoc(page: Page, docUrl: string): Promise<OpenResult> {
  return page.evaluate((url) => (window.copydeskBench as NonNullable<Window['copydeskBench']>).open(url), docUrl);
}

/** Typing samples of one session. */
export interface TypingRun {
  readonly samples: number[];
  /** The first key's time (a warm-up key, not in `samples`). */
  readonly firstKey: number;
  readonly opened: OpenResult;
  /** ms of each autosave/journal write that ran during the session (Copydesk's page only). */
  readonly writes: number[];
}

/**
 * Types `keys` keystrokes (after `warmup` unrecorded ones) in the middle of `docUrl`, one at a
 * time: each key is pressed only after the previous key's paint (then a `keyDelays` pause), and
 * its key-to-paint time read. In the `suggesting` page every key must have gone through the
 * suggestion engine: the typed text, and only it, carries insertion marks afterwards.
 */
export async function typingSession(browser: Browser, baseUrl: string, mode: BenchMode, docUrl: string, keys: number, warmup: number): Promise<TypingRun> {
  const { page, done } = await openPage(browser, baseUrl, mode);
  const opened = await openDoc(page, docUrl);
  const caret = await page.evaluate(() => (window.copydeskBench as NonNullable<Window['copydeskBench']>).placeCaretMiddle());
  if (caret.top < 0 || caret.bottom > caret.height) throw new Error(`the caret is not in view in the ${mode} page: ${JSON.stringify(caret)}`);
  const before = await page.evaluate(() => (window.copydeskBench as NonNullable<Window['copydeskBench']>).caretBlockText());
  const samples: number[] = [];
  const delays = keyDelays(warmup + keys);
  let typed = '';
  let firstKey = Number.NaN;
  for (let i = 0; i < warmup + keys; i++) {
    const ch = TYPED[i % TYPED.length] as string;
    await page.waitForTimeout(delays[i] as number);
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    typed += ch;
    const ms = await page.evaluate((n) => (window.copydeskBench as NonNullable<Window['copydeskBench']>).sample(n), i);
    if (i === 0) firstKey = ms;
    if (i >= warmup) samples.push(ms);
  }
  const after = await page.evaluate(() => (window.copydeskBench as NonNullable<Window['copydeskBench']>).caretBlockText());
  // The keys went into that paragraph: it grew by exactly what was typed, and holds its tail.
  if (after.length !== before.length + typed.length || !after.includes(typed.slice(-20))) {
    throw new Error(`typing in the ${mode} page did not land in the paragraph (before ${String(before.length)} chars, after ${String(after.length)}, typed ${String(typed.length)})`);
  }
  if (mode === 'suggesting') {
    const inserted = await page.evaluate(() => (window.copydeskBench as NonNullable<Window['copydeskBench']>).caretBlockInserted());
    if (inserted !== typed) throw new Error(`typing in Suggesting mode was not recorded as an insertion: ${String(inserted.length)} of ${String(typed.length)} typed characters carry insertion marks`);
  }
  const writes = await page.evaluate(() => window.copydeskAutosave?.writes.slice() ?? []);
  await done();
  return { samples, firstKey, opened, writes };
}

/**
 * Times the renderer's side of an autosave write after each of `n` edits of `docUrl`: building
 * the `DraftText` and copying it, against copying the draft's JSON value as an object graph.
 */
export async function autosaveSession(browser: Browser, baseUrl: string, docUrl: string, n: number): Promise<{ text: number[]; object: number[] }> {
  const { page, done } = await openPage(browser, baseUrl, 'copydesk');
  await openDoc(page, docUrl);
  const [text, object] = await page.evaluate((count) => (window.copydeskAutosave as NonNullable<Window['copydeskAutosave']>).measure(count), n);
  await done();
  return { text, object };
}

/**
 * Times opening `docUrl` in the renderer from what crosses the process boundary to an editor
 * state, `n` times each: as text (`DraftText` read by `parseDraft`) and, for reference, as the
 * object graph the old code sent and checked twice (page/wire.ts).
 */
export async function wireOpenSession(browser: Browser, baseUrl: string, docUrl: string, n: number): Promise<{ text: number[]; object: number[] }> {
  const { page, done } = await openPage(browser, baseUrl, 'copydesk');
  const [text, object] = await page.evaluate(({ url, count }) => (window.copydeskWire as NonNullable<Window['copydeskWire']>).measure(url, count), { url: docUrl, count: n });
  await done();
  return { text, object };
}

/** Opens `docUrl` in `runs` fresh pages and returns the opening times (ms). */
export async function openingRuns(browser: Browser, baseUrl: string, mode: BenchMode, docUrl: string, runs: number): Promise<{ samples: number[]; opened: OpenResult }> {
  const samples: number[] = [];
  let opened: OpenResult | null = null;
  for (let i = 0; i < runs; i++) {
    const { page, done } = await openPage(browser, baseUrl, mode);
    opened = await openDoc(page, docUrl);
    samples.push(opened.ms);
    await done();
  }
  if (!opened) throw new RangeError('openingRuns needs at least one run');
  return { samples, opened };
}

/**
 * Inserts a citation at the start of `docUrl`'s body `ids.length` times in one Copydesk page
 * (each time of another source, which becomes number 1: every number changes), timing each from
 * the command to paint, and checks that the chips and the source list show the new numbers.
 */
export async function citingSession(browser: Browser, baseUrl: string, docUrl: string, ids: readonly string[]): Promise<number[]> {
  const { page, done } = await openPage(browser, baseUrl, 'copydesk');
  await openDoc(page, docUrl);
  const samples: number[] = [];
  for (const id of ids) {
    const result = await page.evaluate((source) => (window.copydeskCite as NonNullable<Window['copydeskCite']>).cite(source), id);
    if (result.number !== 1 || result.firstChip !== '[1]' || !result.sourceEntry.startsWith('[1] ')) {
      throw new Error(`citing ${id} at the start did not renumber: ${JSON.stringify(result)}`);
    }
    samples.push(result.ms);
  }
  await done();
  return samples;
}

/**
 * Opens `docUrl` (a draft with suggestions) in `runs` fresh Copydesk pages, and in each accepts
 * every suggestion in Suggesting mode as the review panel's Accept all does; returns the opening
 * and accepting times (ms), and how much of accepting ran until the command returned. Fails when the decision left a suggestion mark, or accepted fewer
 * than `suggestions`.
 */
export async function reviewRuns(browser: Browser, baseUrl: string, docUrl: string, runs: number, suggestions: number): Promise<{ opening: number[]; accepting: number[]; dispatched: number[]; opened: OpenResult }> {
  const opening: number[] = [];
  const accepting: number[] = [];
  const dispatched: number[] = [];
  let opened: OpenResult | null = null;
  for (let i = 0; i < runs; i++) {
    const { page, done } = await openPage(browser, baseUrl, 'copydesk');
    opened = await openDoc(page, docUrl);
    opening.push(opened.ms);
    const result: AcceptResult = await page.evaluate(() => (window.copydeskReview as NonNullable<Window['copydeskReview']>).acceptAll());
    if (result.before !== suggestions || result.marksLeft !== 0 || result.mode !== 'suggesting') throw new Error(`Accept all did not accept every suggestion: ${JSON.stringify(result)}`);
    accepting.push(result.ms);
    dispatched.push(result.dispatchMs);
    await done();
  }
  if (!opened) throw new RangeError('reviewRuns needs at least one run');
  return { opening, accepting, dispatched, opened };
}
