/**
 * Issue 13's version view row: opening a kept version of the XL article (100,000 words)
 * read-only, as the History panel shows it once `versions.restore` has answered: `parseDraft` +
 * the read-only view (`createReadOnlyView`) + first paint, in Chromium (page/version-view.ts), a
 * fresh page per run. Budget: median ≤ 1 s. Fails the run when the view is not read-only.
 */
import type { Browser } from '@playwright/test';
import type { VersionViewResult } from './page/version-view';
import { median, resultOf, type BenchResult } from './results';

/** The row: the XL draft at `docUrl` opened read-only `runs` times. */
export async function versionViewRows(browser: Browser, baseUrl: string, docUrl: string, quick: boolean, log: (message: string) => void): Promise<BenchResult[]> {
  const samples: number[] = [];
  let last: VersionViewResult | null = null;
  for (let i = 0; i < (quick ? 2 : 5); i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/copydesk.html`);
    await page.waitForFunction(() => window.copydeskVersionView !== undefined);
    last = await page.evaluate((url) => (window.copydeskVersionView as NonNullable<Window['copydeskVersionView']>).open(url), docUrl);
    await context.close();
    if (errors.length) throw new Error(`errors in the version view bench page: ${errors.join('; ')}`);
    if (last.mode !== 'viewing' || last.editable) throw new Error(`the version view is not read-only: ${JSON.stringify(last)}`);
    samples.push(last.ms);
  }
  if (!last) throw new RangeError('no run');
  log(`opening a version read-only XL: p50 ${median(samples).toFixed(0)} ms`);
  return [resultOf('opening a version read-only: parseDraft + read-only view + paint', 'XL', samples, { median: 1000 }, `the History panel's view (createReadOnlyView, Viewing mode, not editable: checked); ${String(last.words)} words, ${String(last.elements)} elements; fresh page per run`)];
}
