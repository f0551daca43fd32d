/**
 * `npm run bench` (tsx tests/bench/run.ts): issue 6's benchmark. Generates the S, L and XL
 * articles, times export, import and the outside references in Node, then typing, citing and
 * opening in Chromium, and (issue 13) comparing two versions in both (compare-bench.ts); prints
 * a table and writes tests/bench/results/latest.json. Budgets are reported as pass or fail; the
 * process fails only when a measurement itself breaks. Rows with a p95 budget are measured three
 * times and keep the median of each figure (results.ts `repeatRuns`, `repeatedResult`).
 *
 * Options: --quick (fewer keys and runs, each row measured once, for trying changes; do not record its figures),
 * --only=node|browser|compare|docx|cli|app (compare: only issue 13's rows: comparing, Node and Chromium, and opening a version read-only;
 * docx: only issue 14's Word rows, docx-bench.ts),
 * cli: only issue 15's rows of the `copydesk` command, cli-bench.ts; app: only issue 16's rows of the real app, app-bench.ts),
 * --out=<file> (default tests/bench/results/latest.json), --wait-quiet[=s]
 * (first wait up to s seconds, default 300, for the 1-minute load average to fall below 1).
 * Progress goes to stderr, the table to stdout.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDraft, serializeDraft, type Draft } from '../../shared/draft/format';
import { exportHtml } from '../../shared/export/html';
import { exportMarkdown } from '../../shared/export/markdown';
import { importMarkdown } from '../../shared/import/markdown';
import { documentWords } from '../../shared/words';
import { appRows } from './app-bench';
import { autosaveSession, wireOpenSession, citingSession, launchChromium, openingRuns, reviewRuns } from './browser-bench';
import { buildBenchPages } from './build-page';
import { cliRows, ensureCliBundle } from './cli-bench';
import { compareBrowserRows, compareNodeRows, writeEditedDrafts } from './compare-bench';
import { docxNodeRows } from './docx-bench';
import { mainThreadRows } from './main-thread-bench';
import { versionViewRows } from './version-bench';
import type { EditedArticle } from './generate-edits';
import { generateArticle, generateReviewArticle, REVIEW_XL, SIZES, type SizeName } from './generate';
import { timeInterleaved, timeRunsAsync, timeTool } from './node-bench';
import { formatTable, median, ratioResult, repeatedResult, repeatRuns, resultOf, unavailable, type BenchReport, type BenchResult } from './results';
import { editingTypingRows, renderAllTypingRows, suggestingTypingRows } from './typing-bench';
import { serveFolder } from './serve';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? 'all';
const out = args.find((a) => a.startsWith('--out='))?.slice('--out='.length) ?? path.join(here, 'results/latest.json');
const waitArg = args.find((a) => a === '--wait-quiet' || a.startsWith('--wait-quiet='));
const waitQuiet = waitArg === undefined ? 0 : waitArg === '--wait-quiet' ? 300 : Number(waitArg.slice('--wait-quiet='.length));
const unknown = args.filter((a) => a !== '--quick' && a !== waitArg && !a.startsWith('--only=') && !a.startsWith('--out='));
if (unknown.length || !['all', 'node', 'browser', 'compare', 'docx', 'cli', 'app'].includes(only) || !(waitQuiet >= 0)) {
  console.error(`usage: tsx tests/bench/run.ts [--quick] [--only=node|browser|compare|docx|cli|app] [--out=file] [--wait-quiet[=seconds]]; got ${args.join(' ')}`);
  process.exit(2);
}

const KEYS = quick ? 40 : 160;
const WARMUP = quick ? 5 : 20;
const started = performance.now();
function log(message: string): void {
  console.error(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);
}

/** Typing, opening and citing in Chromium. */
async function browserResults(folder: string): Promise<{ results: BenchResult[]; chromium: string }> {
  log('bundling the bench pages with esbuild');
  await buildBenchPages(folder);
  const server = await serveFolder(folder);
  const browser = await launchChromium();
  const chromium = browser.version();
  log(`Chromium ${chromium}, pages at ${server.url}`);
  const results: BenchResult[] = [];
  try {
    results.push(...(await compareBrowserRows(browser, server.url, quick, log)));
    // Issue 13 too: a kept version of XL opened read-only, as the History panel shows it.
    results.push(...(await versionViewRows(browser, server.url, '/docs/XL.copydesk', quick, log)));
    if (only === 'compare') return { results, chromium };
    const bench = { browser, baseUrl: server.url, quick, keys: KEYS, warmup: WARMUP, log };
    const editing = await editingTypingRows(bench);
    results.push(...editing.rows);
    // Issue 15: the whole article rendered (a screen reader on).
    results.push(...(await renderAllTypingRows(bench)));

    const objectRuns: number[][] = [];
    const textRuns = await repeatRuns({ p95: 8 }, quick, async () => {
      const autosave = await autosaveSession(browser, server.url, '/docs/XL.copydesk', quick ? 5 : 30);
      log(`autosave write XL: p50 ${median(autosave.text).toFixed(1)} ms as text, ${median(autosave.object).toFixed(1)} ms as an object graph`);
      objectRuns.push(autosave.object);
      return autosave.text;
    });
    results.push(repeatedResult('autosave write on the renderer thread: DraftText built and copied', 'XL', textRuns, { p95: 8 }, 'after a one-character edit; DraftTextEncoder, its UTF-8 bytes (DraftBytes) + structuredClone (the IPC copy); half a frame at most'));
    results.push(repeatedResult('reference: copying the draft JSON value as an object graph', 'XL', objectRuns, null, 'structuredClone of draftToJson(): how a draft travelled before DraftText'));
    results.push(editing.writes);

    const wire = await wireOpenSession(browser, server.url, '/docs/XL.copydesk', quick ? 3 : 15);
    log(`opening XL in the renderer, wire to editor state: p50 ${median(wire.text).toFixed(1)} ms as text, ${median(wire.object).toFixed(1)} ms as the old object graph`);
    results.push(resultOf('opening in the renderer: wire text to editor state', 'XL', wire.text, null, 'the file text drafts.open sends, structuredClone (the IPC copy) + parseDraft + createEditorState; no view'));
    results.push(resultOf('reference: opening as before, object graph to editor state', 'XL', wire.object, null, 'how a draft crossed up to 9a2eb59: structuredClone of draftToJson() + the old fromDraftJson (zod + validateDocJson twice) + createEditorState'));

    const ids = Array.from({ length: quick ? 5 : 15 }, (_, i) => `src-${String(SIZES.XL.sources - i).padStart(3, '0')}`);
    const citing = await citingSession(browser, server.url, '/docs/XL.copydesk', ids);
    log(`citing XL: p50 ${median(citing).toFixed(1)} ms`);
    results.push(resultOf('citing at the start (all numbers change), to paint', 'XL', citing, { median: 50 }, 'insertCitation at the start of the body; every chip and source entry renumbered; budget on the median'));

    for (const size of ['L', 'XL'] as const) {
      for (const mode of ['copydesk', 'bare'] as const) {
        const runs = mode === 'copydesk' ? (quick ? 2 : size === 'L' ? 7 : 5) : quick ? 1 : 3;
        const { samples, opened } = await openingRuns(browser, server.url, mode, `/docs/${size}.copydesk`, runs);
        log(`opening ${size} ${mode}: p50 ${median(samples).toFixed(0)} ms`);
        const name = mode === 'copydesk' ? 'opening: parseDraft + state + view + paint, Copydesk' : 'opening: parseDraft + state + view + paint, bare ProseMirror';
        const budget = mode === 'copydesk' && size === 'XL' ? { median: 1000 } : null;
        results.push(resultOf(name, size, samples, budget, `${String(opened.words)} words, ${String(opened.blocks)} top-level nodes, ${String(opened.elements)} elements in the editable; fresh page per run`));
      }
    }

    // Review (issue 12): typing in Suggesting mode, then the review draft opened and all accepted.
    results.push(...(await suggestingTypingRows(bench)));
    const review = await reviewRuns(browser, server.url, '/docs/XL-review.copydesk', quick ? 2 : 5, REVIEW_XL.suggestions);
    log(`review XL: opening p50 ${median(review.opening).toFixed(0)} ms, accept all p50 ${median(review.accepting).toFixed(0)} ms (${median(review.dispatched).toFixed(0)} ms of it until the dispatch returned)`);
    const draft = `${String(REVIEW_XL.suggestions)} suggestions, ${String(REVIEW_XL.threads)} threads`;
    results.push(resultOf('review: accept all suggestions (one decision), to paint', 'XL', review.accepting, { median: 300 }, `${draft}; decideWhere('accept') in Suggesting mode as the panel's Accept all; p50 ${median(review.dispatched).toFixed(0)} ms until the command returned (decision, state, view update), the rest style, layout and paint; checked: no suggestion mark left; fresh page per run`));
    results.push(resultOf('opening a draft under review: parseDraft + state + view + paint, Copydesk', 'XL', review.opening, { median: 1500 }, `${draft}; ${String(review.opened.words)} words, ${String(review.opened.elements)} elements in the editable; fresh page per run`));
  } finally {
    await browser.close();
    await server.close();
  }
  return { results, chromium };
}

/** Export, import and outside references in Node, and comparing two versions (`edited`: L and XL's edited copies, written in `folder`). */
async function nodeResults(folder: string, drafts: Record<SizeName, Draft>, edited: Record<'L' | 'XL', EditedArticle>): Promise<BenchResult[]> {
  const results: BenchResult[] = compareNodeRows(folder, drafts, edited, quick, log);
  if (only === 'compare') return results;
  const markdown: Partial<Record<SizeName, string>> = {};
  const medians: Record<string, number> = {};
  for (const [kind, fn] of [['Markdown', exportMarkdown], ['HTML', exportHtml]] as const) {
    // L and XL interleaved (two L runs per XL run), so that drift on the machine hits both.
    const runs = timeInterleaved(() => fn(drafts.L), () => fn(drafts.XL), quick ? 5 : 20, 3);
    for (const size of ['L', 'XL'] as const) {
      const samples = size === 'L' ? runs.a : runs.b;
      medians[`${kind} ${size}`] = median(samples);
      log(`export ${kind} ${size}: p50 ${median(samples).toFixed(1)} ms`);
      results.push(resultOf(`export ${kind} (export${kind === 'HTML' ? 'Html' : 'Markdown'})`, size, samples, size === 'XL' ? { median: 150 } : null));
    }
    results.push(ratioResult(`export ${kind}: XL / L time`, 'XL/L', (medians[`${kind} XL`] as number) / (medians[`${kind} L`] as number), { median: 12 }, 'p50 ratio for 10× the words; linear ≈ 10'));
  }
  // Issue 15: the main process's thread per journal write, and its event loop while typing (main-thread-bench.ts).
  results.push(...(await mainThreadRows(drafts.XL, quick, log)));

  markdown.L = exportMarkdown(drafts.L);
  markdown.XL = exportMarkdown(drafts.XL);

  for (const size of ['L', 'XL'] as const) {
    const input = markdown[size] as string;
    try {
      const { doc } = importMarkdown(input).draft;
      const words = documentWords(doc);
      const sources = doc.lastChild?.type.name === 'sources' ? doc.lastChild.childCount : null;
      const samples = await timeRunsAsync(() => importMarkdown(input), quick ? 3 : size === 'L' ? 15 : 8, 2);
      log(`import ${size}: p50 ${median(samples).toFixed(1)} ms`);
      results.push(resultOf(`import Markdown into a draft (importMarkdown)`, size, samples, size === 'XL' ? { median: 500 } : null, `shared/import/markdown.ts; the ${size} Markdown export (${String(input.length)} chars); ${String(words)} words back of ${String(SIZES[size].words)}, ${String(sources)} sources of ${String(SIZES[size].sources)}`));
    } catch (error) {
      results.push(unavailable('import Markdown into a draft (importMarkdown)', size, 'ms', size === 'XL' ? { median: 500 } : null, `shared/import/markdown.ts threw: ${(error as Error).message.slice(0, 200)}`));
    }
  }

  for (const size of ['L', 'XL'] as const) {
    const input = markdown[size] as string;
    for (const [name, command, toolArgs, runs] of [
      ['pandoc -f gfm -t html', 'pandoc', ['-f', 'gfm', '-t', 'html'], quick ? 1 : size === 'L' ? 5 : 3],
      ['cmark-gfm -e footnotes', 'cmark-gfm', ['-e', 'footnotes'], quick ? 3 : 10],
    ] as const) {
      log(`${name} on ${size}`);
      const run = timeTool(command, toolArgs, input, runs);
      results.push(run.ok ? resultOf(`reference: ${name}`, size, run.samples, null, `${run.version}; the ${size} Markdown export, process start included`) : unavailable(`reference: ${name}`, size, 'ms', null, run.reason));
    }
  }
  results.push(...(await docxNodeRows(folder, drafts, quick, log)));
  results.push(...(await cliRows(folder, quick, log)));
  return results;
}

/** The 1-minute load average, rounded (other work on a 2-core machine skews every figure). */
function load(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
}

async function main(): Promise<void> {
  if (waitQuiet > 0 && load() >= 1) {
    log(`waiting up to ${String(waitQuiet)} s for the load average (${String(load())}) to fall below 1`);
    const until = Date.now() + waitQuiet * 1000;
    while (load() >= 1 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5000));
  }
  const loadBefore = load();
  if (loadBefore > 1) log(`warning: the machine is busy (load average ${String(loadBefore)} on ${String(os.cpus().length)} cores); figures will be slower and noisier`);
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-bench-'));
  try {
    const review = only === 'all' || only === 'browser';
    log(`generating S, L and XL, edited copies of L and XL${review ? ' and the XL review draft' : ''} into ${folder}`);
    await fs.mkdir(path.join(folder, 'docs'));
    const drafts = {} as Record<SizeName, Draft>;
    for (const size of ['S', 'L', 'XL'] as const) {
      const text = serializeDraft(generateArticle(SIZES[size]));
      await fs.writeFile(path.join(folder, 'docs', `${size}.copydesk`), text);
      drafts[size] = parseDraft(text);
    }
    if (only === 'docx') {
      await writeReport(await docxNodeRows(folder, drafts, quick, log), 'not run', loadBefore);
      return;
    }
    if (only === 'cli') {
      await writeReport(await cliRows(folder, quick, log), 'not run', loadBefore);
      return;
    }
    if (only === 'app') {
      const app = await appRows(folder, quick, log);
      await writeReport(app.results, app.chromium, loadBefore);
      return;
    }
    // `copydesk diff` (compare-bench.ts) runs the command's bundle: built from the current sources.
    if (only !== 'browser') await ensureCliBundle();
    const edited = await writeEditedDrafts(folder, drafts);
    if (review) {
      const text = serializeDraft(generateReviewArticle(REVIEW_XL));
      parseDraft(text);
      await fs.writeFile(path.join(folder, 'docs', 'XL-review.copydesk'), text);
    }
    const results: BenchResult[] = [];
    let chromium = 'not run';
    if (only !== 'node') {
      const browser = await browserResults(folder);
      results.push(...browser.results);
      chromium = browser.chromium;
    }
    if (only !== 'browser') results.push(...(await nodeResults(folder, drafts, edited)));
    // Issue 16: the real app through the e2e harness (app-bench.ts).
    if (only === 'all') results.push(...(await appRows(folder, quick, log)).results);
    await writeReport(results, chromium, loadBefore);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

/** Prints the table of `results` and writes the report to `out`. */
async function writeReport(results: BenchResult[], chromium: string, loadBefore: number): Promise<void> {
  const cpus = os.cpus();
  const report: BenchReport = {
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      loadBefore,
      loadAfter: load(),
      ...(quick ? { mode: 'quick (--quick): fewer keys and runs' } : {}),
    },
    chromium,
    date: new Date().toISOString(),
    results,
  };
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(formatTable(results));
  const missed = results.filter((r) => r.pass === false).length;
  console.log(`\n${String(results.filter((r) => r.pass === true).length)} budgets met, ${String(missed)} missed; written to ${path.relative(process.cwd(), out)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
