/**
 * Comparing two versions in the renderer (issue 13): `window.copydeskCompare.measure(oldUrl,
 * newUrl, n)` fetches and reads both drafts (not timed), then times the compare engine
 * (`compareDocs`, shared/compare/compare.ts) on them `n` times, as the app's compare view calls
 * it, and returns the times with what the comparison found, so that the driver can check it.
 */
import { compareDocs } from '../../../shared/compare/compare';
import type { CompareChangeKind } from '../../../shared/compare/types';
import { parseDraft } from '../../../shared/draft/format';

/** What a compare session gives back. */
export interface CompareMeasure {
  readonly samples: number[];
  /** The changes found, in all and by kind, and the blocks compared as a whole. */
  readonly total: number;
  readonly byKind: Partial<Record<CompareChangeKind, number>>;
  readonly coarse: number;
}

/** The compare timing API. */
export interface CompareApi {
  measure(oldUrl: string, newUrl: string, n: number): Promise<CompareMeasure>;
}

declare global {
  interface Window {
    copydeskCompare?: CompareApi;
  }
}

async function load(url: string): Promise<ReturnType<typeof parseDraft>> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${String(response.status)}`);
  return parseDraft(await response.text());
}

window.copydeskCompare = {
  async measure(oldUrl, newUrl, n) {
    const [older, newer] = [await load(oldUrl), await load(newUrl)];
    // One untimed run (the first pays for compiling the engine's code).
    let comparison = compareDocs(older.doc, newer.doc);
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      // A gap between runs, not a wait for a state: it lets the page go idle (and the collector run).
      await new Promise((resolve) => setTimeout(resolve, 50));
      const t0 = performance.now();
      comparison = compareDocs(older.doc, newer.doc);
      samples.push(performance.now() - t0);
    }
    return { samples, total: comparison.summary.total, byKind: { ...comparison.summary.byKind }, coarse: comparison.coarse.length };
  },
};
