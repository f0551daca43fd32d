/**
 * Issue 14's Word rows, in Node: the L and XL articles exported as .docx (`exportDocx`,
 * shared/export/docx.ts) and that .docx imported again (`importDocx`, shared/import/docx: openDocx's
 * checks, mammoth, the HTML importer). Budgets on the median: XL export ≤ 1 s, XL import ≤ 2 s.
 *
 * Beside each, pandoc doing the same conversion, process start included, as the reference:
 * `pandoc -f markdown -t docx` of the article's Markdown export (the export), and `pandoc -f docx
 * -t html` of the same .docx (the import); its median is also in the Copydesk row's note.
 *
 * Each row checks what it made: the export is a zip, the import gives back at least 95 % of the
 * words and every source; otherwise the row has no figures, says why, and misses its budget.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Draft } from '../../shared/draft/format';
import { exportDocx } from '../../shared/export/docx';
import { exportMarkdown } from '../../shared/export/markdown';
import { importDocx } from '../../shared/import/docx/index';
import { documentWords } from '../../shared/words';
import { SIZES } from './generate';
import { timeRunsAsync } from './node-bench';
import { median, resultOf, unavailable, type BenchResult } from './results';

/** The sizes measured and the budgets on the median (ms) for XL. */
const BUDGETS = { export: 1000, import: 2000 } as const;

type Size = 'L' | 'XL';

/** Times `pandoc args` (`input` on stdin, or none) `runs` times after one untimed run; null samples with a reason when pandoc is missing or fails. */
function timePandoc(args: readonly string[], input: string | null, runs: number): { samples: number[]; version: string } | { reason: string } {
  const probe = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return { reason: 'pandoc is not installed' };
  const version = probe.stdout.split('\n')[0]?.trim() ?? 'pandoc';
  const once = (): void => {
    const result = spawnSync('pandoc', args, { ...(input === null ? {} : { input }), maxBuffer: 512 * 1024 * 1024 });
    if (result.error || result.status !== 0) throw new Error(`pandoc ${args.join(' ')} failed: ${result.error?.message ?? String(result.stderr).slice(0, 300)}`);
  };
  once();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    once();
    samples.push(performance.now() - start);
  }
  return { samples, version };
}

const withPandoc = (note: string, pandoc: number | null): string => (pandoc === null ? note : `${note}; pandoc, same conversion: p50 ${pandoc.toFixed(0)} ms`);

/** The Word rows for L and XL (files written into `folder`/docs). */
export async function docxNodeRows(folder: string, drafts: Readonly<Record<Size, Draft>>, quick: boolean, log: (message: string) => void): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const size of ['L', 'XL'] as const) {
    const draft = drafts[size];
    const docx = path.join(folder, 'docs', `${size}.docx`);
    const md = path.join(folder, 'docs', `${size}.md`);
    const markdown = exportMarkdown(draft);
    await fs.writeFile(md, markdown);

    // pandoc's export of the same article (its Markdown export) to .docx.
    log(`pandoc -f markdown -t docx on ${size}`);
    const pandocExport = timePandoc(['-f', 'markdown', '-t', 'docx', '-o', path.join(folder, 'docs', `${size}.pandoc.docx`), md], null, quick ? 1 : size === 'L' ? 5 : 3);
    const pandocExportMedian = 'samples' in pandocExport ? median(pandocExport.samples) : null;

    const exportRuns = quick ? 2 : size === 'L' ? 10 : 5;
    const exportBudget = size === 'XL' ? { median: BUDGETS.export } : null;
    let bytes: Uint8Array;
    try {
      bytes = await exportDocx(draft);
      if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error('the export is not a zip');
      await fs.writeFile(docx, bytes);
      const samples = await timeRunsAsync(() => exportDocx(draft), exportRuns, 1);
      log(`export Word ${size}: p50 ${median(samples).toFixed(0)} ms`);
      results.push(resultOf('export Word (exportDocx)', size, samples, exportBudget, withPandoc(`shared/export/docx.ts; ${String((bytes.length / 1024).toFixed(0))} KB`, pandocExportMedian)));
    } catch (error) {
      results.push(unavailable('export Word (exportDocx)', size, 'ms', exportBudget, `exportDocx threw: ${(error as Error).message.slice(0, 200)}`));
      continue;
    }
    results.push(
      'samples' in pandocExport
        ? resultOf('reference: pandoc -f markdown -t docx', size, pandocExport.samples, null, `${pandocExport.version}; the ${size} Markdown export, process start included`)
        : unavailable('reference: pandoc -f markdown -t docx', size, 'ms', null, pandocExport.reason),
    );

    // pandoc's reading of the same .docx.
    log(`pandoc -f docx -t html on ${size}`);
    const pandocImport = timePandoc(['-f', 'docx', '-t', 'html', docx], null, quick ? 1 : size === 'L' ? 5 : 3);
    const pandocImportMedian = 'samples' in pandocImport ? median(pandocImport.samples) : null;

    const importBudget = size === 'XL' ? { median: BUDGETS.import } : null;
    try {
      const { draft: back } = await importDocx(bytes, { fileName: `${size}.docx` });
      const words = documentWords(back.doc);
      const sources = back.doc.lastChild?.type.name === 'sources' ? back.doc.lastChild.childCount : 0;
      if (words < SIZES[size].words * 0.95 || sources < SIZES[size].sources) throw new Error(`only ${String(words)} words and ${String(sources)} sources came back`);
      const samples = await timeRunsAsync(() => importDocx(bytes, { fileName: `${size}.docx` }), quick ? 2 : size === 'L' ? 8 : 4, 1);
      log(`import Word ${size}: p50 ${median(samples).toFixed(0)} ms`);
      results.push(
        resultOf(
          'import Word into a draft (importDocx)',
          size,
          samples,
          importBudget,
          withPandoc(`shared/import/docx; the ${size} Word export; ${String(words)} words back of ${String(SIZES[size].words)}, ${String(sources)} sources of ${String(SIZES[size].sources)}`, pandocImportMedian),
        ),
      );
    } catch (error) {
      results.push(unavailable('import Word into a draft (importDocx)', size, 'ms', importBudget, `importDocx failed: ${(error as Error).message.slice(0, 200)}`));
    }
    results.push(
      'samples' in pandocImport
        ? resultOf('reference: pandoc -f docx -t html', size, pandocImport.samples, null, `${pandocImport.version}; the ${size} Word export, process start included`)
        : unavailable('reference: pandoc -f docx -t html', size, 'ms', null, pandocImport.reason),
    );
  }
  return results;
}
