/**
 * Issue 13's compare rows: two versions of the L article (10,000 words) with 50 edits and of the
 * XL article (100,000 words) with 500 (generate-edits.ts), compared by the engine
 * (`compareDocs`, shared/compare/compare.ts) in Chromium (the bench page, page/compare.ts) and in
 * Node (the runtime of `copydesk diff`); and, for reference, the whole `copydesk diff` process on
 * L, start-up included. Budgets: L ≤ 100 ms, XL ≤ 1 s, on the median.
 *
 * Each row checks what the comparison found: fewer changes than half the edits made means the
 * engine missed them or gave up, and the measurement is broken (the run fails). The note gives
 * the changes found by kind and any blocks compared whole.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import { compareDocs } from '../../shared/compare/compare';
import type { CompareChangeKind } from '../../shared/compare/types';
import { serializeDraft, type Draft } from '../../shared/draft/format';
import { editArticle, type EditedArticle } from './generate-edits';
import { timeRuns } from './node-bench';
import type { CompareMeasure } from './page/compare';
import { median, resultOf, type BenchResult } from './results';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../electron/cli/copydesk.mjs');

/** The compared pairs: the article's size, the edits made in its copy, the budget on the median (ms). */
export const COMPARE_CASES = [
  { size: 'L', edits: 50, budget: 100 },
  { size: 'XL', edits: 500, budget: 1000 },
] as const;

type CompareSize = (typeof COMPARE_CASES)[number]['size'];

/** Where the edited copy of `size` is served and written (beside `docs/<size>.copydesk`). */
export const editedDocPath = (size: string): string => `docs/${size}-edited.copydesk`;

/** Makes the edited copies of L and XL and writes them into `folder` (`editedDocPath`). */
export async function writeEditedDrafts(folder: string, drafts: Readonly<Record<CompareSize, Draft>>): Promise<Record<CompareSize, EditedArticle>> {
  const out = {} as Record<CompareSize, EditedArticle>;
  for (const { size, edits } of COMPARE_CASES) {
    out[size] = editArticle(drafts[size], { edits });
    await fs.writeFile(path.join(folder, editedDocPath(size)), serializeDraft(out[size].draft));
  }
  return out;
}

/** What the comparison found, checked against the edits made (see the module comment); the row's note. */
function found(size: string, made: number, total: number, byKind: Partial<Record<CompareChangeKind, number>>, coarse: number): string {
  if (!(total >= made / 2)) throw new Error(`comparing ${size} with its copy edited in ${String(made)} places found only ${String(total)} changes`);
  const kinds = Object.entries(byKind).map(([kind, n]) => `${String(n)} ${kind}`).join(', ');
  return `${String(made)} edits made (words, citation sources, bold, "Read also" URLs, moved paragraphs); ${String(total)} changes found (${kinds})${coarse > 0 ? `; ${String(coarse)} blocks compared whole` : ''}`;
}

/** The Chromium rows: compareDocs in the bench page (page/compare.ts), after one untimed run. */
export async function compareBrowserRows(browser: Browser, baseUrl: string, quick: boolean, log: (message: string) => void): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const { size, edits, budget } of COMPARE_CASES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/copydesk.html`);
    await page.waitForFunction(() => window.copydeskCompare !== undefined);
    const runs = quick ? 3 : size === 'L' ? 15 : 7;
    const measure: CompareMeasure = await page.evaluate(
      ({ a, b, n }) => (window.copydeskCompare as NonNullable<Window['copydeskCompare']>).measure(a, b, n),
      { a: `/docs/${size}.copydesk`, b: `/${editedDocPath(size)}`, n: runs },
    );
    await context.close();
    if (errors.length) throw new Error(`errors in the compare bench page: ${errors.join('; ')}`);
    log(`compare ${size} in Chromium: p50 ${median(measure.samples).toFixed(1)} ms, ${String(measure.total)} changes`);
    results.push(resultOf('compare two versions (compareDocs), Chromium', size, measure.samples, { median: budget }, found(size, edits, measure.total, measure.byKind, measure.coarse)));
  }
  return results;
}

/** The Node rows: compareDocs as `copydesk diff` runs it, then the whole `copydesk diff` process on L. */
export function compareNodeRows(folder: string, drafts: Readonly<Record<CompareSize, Draft>>, edited: Readonly<Record<CompareSize, EditedArticle>>, quick: boolean, log: (message: string) => void): BenchResult[] {
  const results: BenchResult[] = [];
  for (const { size, edits, budget } of COMPARE_CASES) {
    const older = drafts[size].doc;
    const newer = edited[size].draft.doc;
    const comparison = compareDocs(older, newer);
    const samples = timeRuns(() => compareDocs(older, newer), quick ? 3 : size === 'L' ? 15 : 7, 2);
    log(`compare ${size} in Node: p50 ${median(samples).toFixed(1)} ms, ${String(comparison.summary.total)} changes`);
    results.push(resultOf('compare two versions (compareDocs), Node', size, samples, { median: budget }, found(size, edits, comparison.summary.total, comparison.summary.byKind, comparison.coarse.length)));
  }
  // The command as a desk's script runs it: node start, the bundle, reading both drafts, comparing, printing.
  const args = [CLI, 'diff', path.join(folder, 'docs/L.copydesk'), path.join(folder, editedDocPath('L'))];
  const once = (): string => {
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error || run.status !== 1) throw new Error(`copydesk diff on L exited ${String(run.status)}, not 1 (the drafts differ): ${run.error?.message ?? run.stderr.slice(0, 300)}`);
    return run.stdout.split('\n')[0] ?? '';
  };
  const summary = once();
  const samples = timeRuns(once, quick ? 2 : 5, 0);
  log(`copydesk diff on L, whole process: p50 ${median(samples).toFixed(0)} ms`);
  results.push(resultOf('reference: copydesk diff, whole process', 'L', samples, null, `node electron/cli/copydesk.mjs diff L L-edited (start-up, the bundle, both drafts read, compared, printed): "${summary}"`));
  return results;
}
