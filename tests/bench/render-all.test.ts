/**
 * The whole-article mode as the bench types in it (issue 15): Copydesk's bench page with
 * `cd-render-all` on the root element (copydesk.html?render=all) renders every block, so Chromium's
 * accessibility tree holds the last paragraph of a long article without it being scrolled to; the
 * default page skips it (and leaves it out of the tree), which is why the mode exists. Real
 * Chromium over CDP (`Accessibility.getFullAXTree`), on the L article.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serializeDraft } from '../../shared/draft/format';
import { launchChromium, pagePath, typingSession } from './browser-bench';
import { buildBenchPages } from './build-page';
import { generateArticle, SIZES } from './generate';
import type { BenchMode } from './page/bench-page';
import { serveFolder, type StaticServer } from './serve';

let folder = '';
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-render-all-'));
  await fs.mkdir(path.join(folder, 'docs'));
  await fs.writeFile(path.join(folder, 'docs', 'L.copydesk'), serializeDraft(generateArticle(SIZES.L)));
  await buildBenchPages(folder);
  server = await serveFolder(folder);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fs.rm(folder, { recursive: true, force: true });
});

/** What the page shows of the article's end, and whether the root has the class. */
interface LastParagraph {
  readonly renderAll: boolean;
  /** The text of its last text node (the name of its StaticText in the accessibility tree). */
  readonly text: string;
  /** Rendered (not skipped by content-visibility), and where its top is against the window. */
  readonly rendered: boolean;
  readonly top: number;
  readonly height: number;
  /** Its `contain-intrinsic-size`: no size to remember when nothing is skipped. */
  readonly intrinsic: string;
}

/** Reads the article's last top-level paragraph with inline markup (a link, a mark, a citation). */
function readLast(page: Page): Promise<LastParagraph> {
  return page.evaluate(() => {
    // The last paragraph with inline markup: an element inside it tells whether its content is
    // skipped (checkVisibility looks at the ancestors' content-visibility).
    const p = [...document.querySelectorAll('.cd-editor > p')].reverse().find((el) => el.firstElementChild) as HTMLElement;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node.textContent ?? '').trim().length > 20) text = node.textContent ?? '';
    return {
      renderAll: document.documentElement.classList.contains('cd-render-all'),
      text,
      rendered: (p.firstElementChild as Element).checkVisibility({ contentVisibilityAuto: true }),
      top: p.getBoundingClientRect().top,
      height: window.innerHeight,
      intrinsic: getComputedStyle(p).containIntrinsicSize,
    };
  });
}

/** Opens L in a page of `mode` and reads its last paragraph. */
async function openLast(mode: BenchMode): Promise<{ page: Page; last: LastParagraph; done: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/${pagePath(mode)}`);
  await page.waitForFunction(() => window.copydeskBench !== undefined);
  await page.evaluate(() => window.copydeskBench?.open('/docs/L.copydesk'));
  return { page, last: await readLast(page), done: () => context.close() };
}

/** Roles of the unignored accessibility nodes named `name` in the page's full tree. */
async function rolesNamed(page: Page, name: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored && n.name?.value === name).map((n) => String(n.role?.value ?? ''));
}

describe('the whole article rendered (cd-render-all)', () => {
  test('holds the last paragraph, far below the window, in the accessibility tree; the default page skips it', async () => {
    const all = await openLast('render-all');
    try {
      expect(all.last.renderAll).toBe(true);
      expect(all.last.text.trim().length).toBeGreaterThan(20);
      expect(all.last.top).toBeGreaterThan(all.last.height * 10);
      expect(all.last.rendered).toBe(true);
      expect(all.last.intrinsic).toBe('none');
      await expect.poll(() => rolesNamed(all.page, all.last.text), { timeout: 10_000 }).toContain('StaticText');
      // Still rendered once the browser has had its frames to decide (nothing skipped).
      expect((await readLast(all.page)).rendered).toBe(true);
    } finally {
      await all.done();
    }
    const skipped = await openLast('copydesk');
    try {
      expect(skipped.last.renderAll).toBe(false);
      expect(skipped.last.text).toBe(all.last.text);
      expect(skipped.last.intrinsic).toMatch(/^auto /u);
      // The browser decides what it skips over the first frames.
      await expect.poll(async () => (await readLast(skipped.page)).rendered, { timeout: 10_000 }).toBe(false);
      await expect.poll(() => rolesNamed(skipped.page, skipped.last.text), { timeout: 10_000 }).toEqual([]);
    } finally {
      await skipped.done();
    }
  }, 60_000);

  test('keys typed in that mode land in the paragraph (the bench session checks the text)', async () => {
    const run = await typingSession(browser, server.url, 'render-all', '/docs/L.copydesk', 8, 2);
    expect(run.samples).toHaveLength(8);
    expect(run.samples.every((ms) => ms > 0)).toBe(true);
  }, 60_000);
});
