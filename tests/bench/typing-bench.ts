/**
 * The typing rows (key to paint, browser-bench.ts's `typingSession`): Copydesk's editor and the
 * bare view at S, L and XL and their XL ratio, the autosave writes that ran meanwhile, Suggesting
 * mode (issue 12) and the whole article rendered (issue 15: `cd-render-all`, as with a screen
 * reader on). Every row with a p95 budget is typed `repeatsFor` times, a fresh session each, and
 * combined by `repeatedResult` (results.ts); the bare view is typed as often, alternating with
 * Copydesk, so that a slower stretch of the machine does not fall on one editor only.
 */
import type { Browser } from '@playwright/test';
import { launchChromium, typingSession, type TypingRun } from './browser-bench';
import type { BenchMode } from './page/bench-page';
import { median, ratioResult, repeatedResult, repeatRuns, resultOf, type BenchResult, type Budget } from './results';

/** The typing budget at `size`: XL p50 ≤ 16.7 and p95 ≤ 25 ms; S and L p95 ≤ 16.7 ms. */
export function typingBudget(size: 'S' | 'L' | 'XL'): Budget {
  return size === 'XL' ? { median: 16.7, p95: 25 } : { p95: 16.7 };
}

/** What the typing rows need from run.ts. */
export interface TypingBench {
  readonly browser: Browser;
  readonly baseUrl: string;
  readonly quick: boolean;
  readonly keys: number;
  readonly warmup: number;
  readonly log: (message: string) => void;
}

/** One typing session of `mode` at `size`, logged. */
async function session(bench: TypingBench, mode: BenchMode, size: string): Promise<TypingRun> {
  const run = await typingSession(bench.browser, bench.baseUrl, mode, `/docs/${size}.copydesk`, bench.keys, bench.warmup);
  bench.log(`typing ${size} ${mode}: p50 ${median(run.samples).toFixed(1)} ms over ${String(run.samples.length)} keys (${String(run.opened.words)} words, ${String(run.opened.elements)} elements)`);
  return run;
}

/**
 * Editing mode, Copydesk against the bare view: the typing rows of S, L and XL, the XL ratio of
 * their medians, and the autosave writes that ran during the XL Copydesk sessions.
 */
export async function editingTypingRows(bench: TypingBench): Promise<{ rows: BenchResult[]; writes: BenchResult }> {
  const rows: BenchResult[] = [];
  const p50: Record<string, number> = {};
  const writes: number[][] = [];
  for (const size of ['S', 'L', 'XL'] as const) {
    const bare: number[][] = [];
    const copydesk = await repeatRuns(typingBudget(size), bench.quick, async () => {
      const run = await session(bench, 'copydesk', size);
      if (size === 'XL') writes.push(run.writes);
      bare.push((await session(bench, 'bare', size)).samples);
      return run.samples;
    });
    const mine = repeatedResult('typing, key to paint: Copydesk editor', size, copydesk, typingBudget(size));
    const theirs = repeatedResult('typing, key to paint: bare ProseMirror', size, bare, null);
    rows.push(mine, theirs);
    p50[`copydesk ${size}`] = mine.median ?? Number.NaN;
    p50[`bare ${size}`] = theirs.median ?? Number.NaN;
  }
  rows.push(ratioResult('typing p50: Copydesk / bare ProseMirror', 'XL', (p50['copydesk XL'] as number) / (p50['bare XL'] as number), { median: 0.5 }));
  const count = writes.reduce((n, w) => n + w.length, 0);
  const budget = { p95: 8 };
  const note = `${String(count)} writes by the shell's AutosaveScheduler (journal each second) during the XL typing sessions; their cost is inside the typing figures`;
  return { rows, writes: repeatedResult('autosave writes that ran while typing', 'XL', writes.filter((w) => w.length > 0), budget, note) };
}

/**
 * Suggesting mode at L and XL (every key through the suggestion engine, checked by the session),
 * and the XL session's first key alone (the reviewer added to the doc's review attribute).
 */
export async function suggestingTypingRows(bench: TypingBench): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  let firstSuggestion = Number.NaN;
  for (const size of ['L', 'XL'] as const) {
    const runs = await repeatRuns(typingBudget(size), bench.quick, async (i) => {
      const run = await session(bench, 'suggesting', size);
      if (size === 'XL' && i === 0) firstSuggestion = run.firstKey;
      return run.samples;
    });
    rows.push(repeatedResult('typing, key to paint: Copydesk editor, Suggesting mode', size, runs, typingBudget(size), 'every key recorded by the suggestion engine (checked: the typed text carries insertion marks)'));
  }
  bench.log(`first key in Suggesting XL: ${firstSuggestion.toFixed(0)} ms`);
  rows.push(resultOf('reference: first key in Suggesting mode (reviewer added to the author table)', 'XL', [firstSuggestion], null, "one sample: the first suggestion also writes the doc's review attribute (ensureAuthor); a change of the doc node's attributes makes ProseMirror redraw the whole document, as a comment, reply or resolve does"));
  return rows;
}

/**
 * The whole article rendered (issue 15): Copydesk's page with `cd-render-all` on the root
 * element, as the shell has it while a screen reader is on, at L and XL; and, for reference, the
 * XL session in a Chromium whose accessibility is on from the start, as under a screen reader.
 */
export async function renderAllTypingRows(bench: TypingBench): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  for (const size of ['L', 'XL'] as const) {
    const runs = await repeatRuns(typingBudget(size), bench.quick, async () => (await session(bench, 'render-all', size)).samples);
    rows.push(repeatedResult('typing, key to paint: Copydesk editor, whole article rendered', size, runs, typingBudget(size), 'cd-render-all on the root element (a screen reader on, or the preference): no block skipped by content-visibility; text input through an EditContext (renderer/editor/edit-context.ts), so the input-method sync covers the paragraph at the caret, not the whole text (README, profiles)'));
  }
  const browser = await launchChromium({ accessibility: true });
  try {
    const run = await session({ ...bench, browser }, 'render-all', 'XL');
    rows.push(resultOf('reference: typing, whole article rendered, Chromium accessibility on', 'XL', run.samples, null, "as the row above in a Chromium started with --force-renderer-accessibility (its accessibility tree kept up to date each key, as under a screen reader); one session"));
  } finally {
    await browser.close();
  }
  return rows;
}
