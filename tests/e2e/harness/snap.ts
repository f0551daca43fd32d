/**
 * Screenshots as test artefacts: `snap(page, name)` saves tests/artifacts/screenshots/<name>.png
 * (the folder is git-ignored) and attaches the picture to the Playwright report.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { test, type Page } from '@playwright/test';
import { ROOT } from './sites';

/** Where `snap` writes. */
export const SCREENSHOT_DIR = path.join(ROOT, 'tests', 'artifacts', 'screenshots');

/** Options of `snap`: Playwright's own screenshot options that make sense here. */
export interface SnapOptions {
  /** The whole scrollable page rather than the viewport. */
  readonly fullPage?: boolean;
}

/** Saves a PNG of `page` as tests/artifacts/screenshots/<name>.png, attaches it to the report and returns its path. */
export async function snap(page: Page, name: string, options: SnapOptions = {}): Promise<string> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/u.test(name)) throw new Error(`snap: ${JSON.stringify(name)} is not a plain name (letters, digits, ".", "_", "-").`);
  await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage === true, animations: 'disabled' });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
  return file;
}
