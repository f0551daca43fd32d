/**
 * Ctrl+End, Ctrl+Home, PageDown, PageUp and their Shift forms (renderer/editor/doc-navigation.ts)
 * from the places issue 10 lists: the start, the middle, the end, inside a list, after a figure,
 * next to a "Read also" block; in the seed article, a new empty draft, an article ending with a
 * figure and the 100,000-word long read. After each key a marker is typed: it must land once, at
 * the caret, inside the visible article column and not under the sticky headline meter, and
 * nothing over it (the browser's own Ctrl+End once put the caret in the sources, and the next
 * key went to the headline, hidden under the meter).
 */
import type { Page } from '@playwright/test';
import { parseDraft, serializeDraft } from '../../shared/draft/format';
import { textEndSelection } from '../../renderer/editor/text-end';
import { schema } from '../../shared/schema';
import { article, draftOf, list, p, readAlso } from '../unit/helpers/build';
import { createDraft, editor } from './editor-steps';
import { expect, fixtureText, snap, test } from './fixtures';
import { longRead } from './long-read-steps';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
] as const;

const SEED_HEADLINE = 'Upcoming Safety Assurances for the Washington Meeting';
const SEED_LAST = /Amidst ongoing war-and-conflicts/u;

const para = (n: number): string => `Paragraph ${String(n)} of the navigation test, long enough to wrap over a line or two in the column at either window size.`;
const figure = schema.node('figure', { src: 'https://example.com/a.jpg', alt: 'A photo', credit: '' }, [schema.node('figcaption', null, [schema.text('The closing caption.')])]);
const NAV = article({
  headline: 'Navigation test',
  standfirst: 'A standfirst.',
  body: [
    ...Array.from({ length: 12 }, (_, i) => p(para(i + 1))),
    list('bullet_list', 'A first item.', 'A second item.'),
    ...Array.from({ length: 12 }, (_, i) => p(para(i + 13))),
    p('Just before the block.'),
    readAlso('Read also', { title: 'One', url: 'https://example.com/1' }),
    ...Array.from({ length: 12 }, (_, i) => p(para(i + 25))),
    figure,
  ],
});

/** Where a typed marker landed and whether the user can see it. */
interface Landing {
  readonly count: number;
  readonly block: string;
  readonly visible: boolean;
  readonly detail: string;
}

/** Types `marker`, reports where it landed (`Landing`), then deletes it again. */
async function typeMarker(page: Page, marker: string): Promise<Landing> {
  await page.keyboard.type(marker);
  const landing = await page.evaluate((m): Landing => {
    const ed = document.querySelector('.cd-editor');
    const column = document.querySelector('.cd-article');
    if (!ed || !column) return { count: 0, block: '', visible: false, detail: 'no editor' };
    const walker = document.createTreeWalker(ed, NodeFilter.SHOW_TEXT);
    let count = 0;
    let range: Range | null = null;
    let block = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue ?? '';
      const at = text.indexOf(m);
      if (at < 0) continue;
      count += 1;
      range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + m.length);
      block = node.parentElement?.closest('h1, .cd-standfirst, p, li, figcaption')?.textContent ?? '';
    }
    if (!range) return { count, block, visible: false, detail: 'not found' };
    const box = range.getBoundingClientRect();
    const col = column.getBoundingClientRect();
    const top = Math.max(col.top + column.clientTop, document.querySelector('.cd-headline-meter')?.getBoundingClientRect().bottom ?? 0);
    const bottom = Math.min(col.top + column.clientTop + column.clientHeight, window.innerHeight);
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const visible = box.height > 0 && box.top >= top - 0.5 && box.bottom <= bottom + 0.5 && hit !== null && ed.contains(hit);
    return { count, block, visible, detail: `marker ${String(box.top)}–${String(box.bottom)}, visible ${String(top)}–${String(bottom)}, hit ${hit?.tagName ?? 'none'}` };
  }, marker);
  for (let i = 0; i < [...marker].length; i++) await page.keyboard.press('Backspace');
  return landing;
}

// Short markers: each key costs a transaction on a 100,000-word article.
const MARKS: Record<string, string> = { 'Control+End': 'E', 'Control+Home': 'H', PageDown: 'D', PageUp: 'U' };

/** Presses `key`, types a marker and checks it landed once, visibly, in a block matching `where`. */
async function pressAndType(page: Page, key: string, where: RegExp, note: string): Promise<void> {
  await page.keyboard.press(key);
  const marker = `¤${MARKS[key] ?? '?'}¤`;
  const landing = await typeMarker(page, marker);
  expect(landing.count, `${note}: ${key} then typing`).toBe(1);
  expect(landing.visible, `${note}: ${key}: ${landing.detail}`).toBe(true);
  expect(landing.block, `${note}: ${key}`).toMatch(where);
}

/** The selected text (after a Shift key). */
async function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => window.getSelection()?.toString() ?? '');
}

/** Puts the caret at the start ('Home') or end ('End') of the textblock showing `text`. */
async function caretIn(page: Page, text: string | RegExp, side: 'Home' | 'End'): Promise<void> {
  const block = editor(page).locator('p, li > p, h1, figcaption').filter({ hasText: text }).first();
  // A third of the way down the column, clear of the sticky headline meter.
  await block.evaluate((el) => {
    const column = el.closest('.cd-article');
    if (column) column.scrollTop += el.getBoundingClientRect().top - column.getBoundingClientRect().top - column.clientHeight / 3;
  });
  // On its first line for Home, its last for End (Home and End act on the visual line).
  const box = await block.boundingBox();
  if (!box) throw new Error(`caretIn: ${String(text)} is not shown`);
  await block.click({ position: { x: side === 'Home' ? 2 : box.width - 2, y: side === 'Home' ? 4 : box.height - 4 } });
  await page.keyboard.press(side);
}

for (const size of SIZES) {
  test.describe(`${String(size.width)}x${String(size.height)}`, () => {
    test.use({
      viewport: size,
      drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk'), 'nav.copydesk': serializeDraft(draftOf(NAV)) },
    });

    test('seed article: Ctrl+End goes to the end of the text, not the sources; Ctrl+Home to the headline; typing shows', async ({ page }) => {
      await page.getByRole('button', { name: SEED_HEADLINE, exact: true }).click();
      await expect(editor(page)).toBeFocused();
      await pressAndType(page, 'Control+End', SEED_LAST, 'seed, from the headline');
      await snap(page, `doc-nav-seed-end-${String(size.width)}`);
      await pressAndType(page, 'Control+Home', new RegExp(`^¤H¤${SEED_HEADLINE}`, 'u'), 'seed, from the end');
      await caretIn(page, /^The German government/u, 'End');
      await pressAndType(page, 'Control+End', SEED_LAST, 'seed, from the middle');
      await caretIn(page, /^The German government/u, 'Home');
      await page.keyboard.press('Control+Shift+End');
      const toEnd = await selectedText(page);
      expect(toEnd.startsWith('The German government')).toBe(true);
      expect(toEnd).toMatch(/Amidst ongoing war-and-conflicts[^]*\.$/u);
      expect(toEnd).not.toContain('Read also');
      await caretIn(page, /^The German government/u, 'Home');
      await page.keyboard.press('Control+Shift+Home');
      const toStart = await selectedText(page);
      expect(toStart.startsWith(SEED_HEADLINE)).toBe(true);
      expect(toStart).toContain('The meeting in Washington');
      expect(toStart).not.toContain('The German government');
      // Nothing typed was lost or moved: the headline is whole.
      await expect(editor(page).locator('h1')).toHaveText(SEED_HEADLINE);
    });

    test('a new empty draft: each key keeps typing in view', async ({ page }) => {
      await createDraft(page);
      for (const key of ['Control+End', 'Control+Home', 'PageDown', 'PageUp']) await pressAndType(page, key, /^¤/u, 'new draft');
      await page.keyboard.press('Control+End');
      await page.keyboard.type('Body.');
      await expect(editor(page).locator('p:not(.cd-standfirst)').first()).toHaveText('Body.');
      await expect(editor(page).locator('h1')).toHaveText('');
    });

    test('from the start, the middle, a list, after a figure, next to "Read also" and the end: Ctrl+End/Home, PageDown/PageUp', async ({ page }) => {
      test.setTimeout(240_000);
      await page.getByRole('button', { name: 'Navigation test', exact: true }).click();
      await expect(editor(page)).toBeFocused();
      const places: [string, () => Promise<void>][] = [
        ['start', () => page.keyboard.press('Control+Home')],
        ['middle', () => caretIn(page, para(18), 'Home')],
        ['a list', () => caretIn(page, 'A second item.', 'End')],
        ['after a figure', () => caretIn(page, 'The closing caption.', 'End')],
        ['next to "Read also"', () => caretIn(page, 'Just before the block.', 'End')],
        ['the end', () => page.keyboard.press('Control+End')],
      ];
      for (const [name, place] of places) {
        await place();
        await pressAndType(page, 'Control+End', /The closing caption\./u, name);
        await place();
        await pressAndType(page, 'Control+Home', /^¤H¤Navigation test$/u, name);
        await place();
        await pressAndType(page, 'PageDown', /./u, name);
        await place();
        await pressAndType(page, 'PageUp', /./u, name);
      }
      await snap(page, `doc-nav-pagedown-${String(size.width)}`);
    });

    test('PageDown pages through the text to its end and PageUp back to the headline; Shift+PageDown selects', async ({ page }) => {
      await page.getByRole('button', { name: 'Navigation test', exact: true }).click();
      await expect(editor(page)).toBeFocused();
      await page.keyboard.press('Control+Home');
      const column = page.locator('.cd-article');
      let last = -1;
      let presses = 0;
      // Each press scrolls further down until the end of the text, where the caret goes.
      for (; presses < 20; presses++) {
        await page.keyboard.press('PageDown');
        const top = await column.evaluate((el) => el.scrollTop);
        const atEnd = await page.evaluate(() => window.getSelection()?.focusNode?.parentElement?.closest('figcaption') !== null);
        if (atEnd) break;
        expect(top, `PageDown ${String(presses + 1)} scrolls`).toBeGreaterThan(last);
        last = top;
      }
      expect(presses).toBeGreaterThan(1);
      expect(presses).toBeLessThan(20);
      await pressAndType(page, 'PageDown', /The closing caption\./u, 'last page');
      for (presses = 0; presses < 20; presses++) {
        await page.keyboard.press('PageUp');
        const inHeadline = await page.evaluate(() => window.getSelection()?.focusNode?.parentElement?.closest('h1') !== null);
        if (inHeadline) break;
      }
      expect(presses).toBeLessThan(20);
      await pressAndType(page, 'PageUp', /^¤U¤Navigation test$/u, 'first page');
      await caretIn(page, para(3), 'Home');
      await page.keyboard.press('Shift+PageDown');
      const selected = await selectedText(page);
      expect(selected.startsWith(para(3).slice(0, 20))).toBe(true);
      expect(selected.length).toBeGreaterThan(para(3).length);
    });
  });
}

test.describe('long read', () => {
  const LONG = longRead();
  test.use({ drafts: { 'long-read.copydesk': LONG.text } });
  for (const size of SIZES) {
    test(`the 100,000-word long read at ${String(size.width)}x${String(size.height)}: Ctrl+End, PageUp, PageDown, Ctrl+Home keep typing in view`, async ({ page }) => {
      test.setTimeout(600_000);
      await page.setViewportSize(size);
      // Opening 100,000 words takes a minute and more on a loaded machine.
      await page.getByRole('button', { name: LONG.headline, exact: true }).click();
      await expect(editor(page)).toBeFocused({ timeout: 240_000 });
      const lastText = textEndSelection(parseDraft(LONG.text).doc).$head.parent.textContent;
      await pressAndType(page, 'Control+End', new RegExp(`${lastText.slice(-30).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(\\[\\d+\\])?¤E¤$`, 'u'), 'long read');
      await snap(page, `doc-nav-long-end-${String(size.width)}`);
      for (let i = 0; i < 2; i++) await pressAndType(page, 'PageUp', /./u, `long read, PageUp ${String(i + 1)}`);
      await pressAndType(page, 'PageDown', /./u, 'long read, PageDown');
      await pressAndType(page, 'Control+Home', new RegExp(`^¤H¤`, 'u'), 'long read');
      for (let i = 0; i < 2; i++) await pressAndType(page, 'PageDown', /./u, `long read, from the top, PageDown ${String(i + 1)}`);
    });
  }
});
