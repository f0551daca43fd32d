/**
 * Issue 15's command-line rows: the `copydesk` command as a desk's script or git hook runs it,
 * a whole process each time (node's start, the bundle, reading the draft, writing the export).
 * - `copydesk export` of the seed article to HTML and to Markdown against `node -e 0`, in the
 *   same rounds (node, HTML, Markdown, pandoc, in turn): ratio of medians ≤ 2;
 * - against `pandoc -f gfm -t html` of the seed's Markdown (a file, as copydesk reads one): the
 *   HTML export's ratio must be under 1 (faster);
 * - `copydesk export --out-dir` of 200 generated drafts of 1,000 words: ≤ 3 s in all.
 * The bundle is built first from the current sources (build/build-cli.mjs). A run that fails or
 * writes the wrong thing fails the bench.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeDraft } from '../../shared/draft/format';
// @ts-expect-error -- a plain .mjs build script, without type declarations
import { buildCli } from '../../build/build-cli.mjs';
import { generateArticle } from './generate';
import { median, ratioResult, resultOf, unavailable, type BenchResult } from './results';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'electron/cli/copydesk.mjs');
const SEED = path.join(ROOT, 'tests/fixtures/seed-article.copydesk');
/** The batch row's drafts: how many, and their words. */
export const BATCH = { drafts: 200, words: 1_000, budgetMs: 3_000 } as const;

/** Builds dist/cli from the current sources (the other rows that spawn the command need it too). */
export async function ensureCliBundle(): Promise<void> {
  await (buildCli as () => Promise<unknown>)();
}

/** Runs `command args` once; returns its wall time (ms) and standard output, or throws when it fails. */
function timed(command: string, args: readonly string[], check: (stdout: string) => boolean): { ms: number; stdout: string } {
  const start = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.error || result.status !== 0 || !check(result.stdout)) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${String(result.status)}): ${result.error?.message ?? result.stderr.slice(0, 300)}`);
  }
  return { ms, stdout: result.stdout };
}

const pandocVersion = (): string | null => {
  const result = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  return result.error || result.status !== 0 ? null : (result.stdout.split('\n')[0] ?? 'pandoc');
};

/** The rows (see the module comment); `folder` is the bench's temporary folder. */
export async function cliRows(folder: string, quick: boolean, log: (message: string) => void): Promise<BenchResult[]> {
  await ensureCliBundle();
  const node = process.execPath;
  const html = (stdout: string): boolean => stdout.startsWith('<!DOCTYPE html>') && stdout.includes('<p>');
  const markdown = (stdout: string): boolean => stdout.includes('[^1]');
  const seedMd = path.join(folder, 'seed-article.md');
  await fs.writeFile(seedMd, timed(node, [CLI, 'export', SEED, '--to', 'md'], markdown).stdout);
  const pandoc = pandocVersion();

  const rounds = quick ? 5 : 20;
  const samples: Record<'node' | 'html' | 'md' | 'pandoc', number[]> = { node: [], html: [], md: [], pandoc: [] };
  log(`copydesk export, whole process: ${String(rounds)} rounds of node -e 0, --to html, --to md${pandoc ? ', pandoc' : ''}`);
  for (let round = -1; round < rounds; round++) {
    // Round -1 warms the file cache and is not counted.
    const take = (key: keyof typeof samples, ms: number): void => void (round >= 0 && samples[key].push(ms));
    take('node', timed(node, ['-e', '0'], () => true).ms);
    take('html', timed(node, [CLI, 'export', SEED, '--to', 'html'], html).ms);
    take('md', timed(node, [CLI, 'export', SEED, '--to', 'md'], markdown).ms);
    if (pandoc) take('pandoc', timed('pandoc', ['-f', 'gfm', '-t', 'html', seedMd], (stdout) => stdout.includes('<p>')).ms);
  }
  const results: BenchResult[] = [];
  const whole = 'whole process: node start, the bundle, the seed article read, exported, printed';
  results.push(resultOf('copydesk export --to html, whole process', 'seed', samples.html, null, whole));
  results.push(resultOf('copydesk export --to md, whole process', 'seed', samples.md, null, whole));
  results.push(resultOf('reference: node -e 0', 'seed', samples.node, null, 'Node.js starting and doing nothing, in the same rounds'));
  for (const [kind, key] of [['html', 'html'], ['md', 'md']] as const) {
    results.push(ratioResult(`copydesk export --to ${kind} / node -e 0`, 'seed', median(samples[key]) / median(samples.node), { median: 2 }, 'p50 ratio, same rounds, interleaved'));
  }
  if (pandoc) {
    results.push(resultOf('reference: pandoc -f gfm -t html of the seed article’s Markdown', 'seed', samples.pandoc, null, `${pandoc}; the Markdown export, from a file, process start included`));
    results.push(ratioResult('copydesk export --to html / pandoc -f gfm -t html', 'seed', median(samples.html) / median(samples.pandoc), { median: 0.99 }, 'p50 ratio, same rounds; under 1: faster than pandoc'));
  } else {
    results.push(unavailable('copydesk export --to html / pandoc -f gfm -t html', 'seed', 'ratio', { median: 0.99 }, 'pandoc is not installed'));
  }
  log(`copydesk export: HTML p50 ${median(samples.html).toFixed(0)} ms, Markdown ${median(samples.md).toFixed(0)} ms, node -e 0 ${median(samples.node).toFixed(0)} ms${pandoc ? `, pandoc ${median(samples.pandoc).toFixed(0)} ms` : ''}`);
  results.push(await batchRow(folder, quick, log));
  return results;
}

/** `copydesk export --out-dir` of `BATCH.drafts` generated drafts, into an emptied folder each run. */
async function batchRow(folder: string, quick: boolean, log: (message: string) => void): Promise<BenchResult> {
  const drafts = path.join(folder, 'batch');
  await fs.mkdir(drafts, { recursive: true });
  for (let i = 0; i < BATCH.drafts; i++) {
    const draft = generateArticle({ words: BATCH.words, sources: 5, seed: 1_000 + i });
    await fs.writeFile(path.join(drafts, `story-${String(i).padStart(3, '0')}.copydesk`), serializeDraft(draft));
  }
  const out = path.join(folder, 'batch-out');
  const runs = quick ? 1 : 3;
  const samples: number[] = [];
  for (let run = -1; run < runs; run++) {
    await fs.rm(out, { recursive: true, force: true });
    const { ms } = timed(process.execPath, [CLI, 'export', drafts, '--to', 'html', '--out-dir', out], (stdout) => stdout === '');
    const written = (await fs.readdir(out)).filter((name) => name.endsWith('.html')).length;
    if (written !== BATCH.drafts) throw new Error(`copydesk export --out-dir wrote ${String(written)} files of ${String(BATCH.drafts)}`);
    if (run >= 0) samples.push(ms);
  }
  log(`copydesk export --out-dir, ${String(BATCH.drafts)} drafts: p50 ${median(samples).toFixed(0)} ms`);
  return resultOf(
    `copydesk export --out-dir of ${String(BATCH.drafts)} drafts, whole process`,
    `${String(BATCH.drafts)}×S`,
    samples,
    { median: BATCH.budgetMs },
    `${String(BATCH.drafts)} generated drafts of ${String(BATCH.words)} words (generate.ts) to HTML in one process, each written atomically (fsync); checks every file is there`,
  );
}
