/**
 * The editor in a laptop's window as in a desktop one (1024×640 and 1280×800): the toolbar keeps
 * one row and every command is on it or in its "More" menu (which works from the keyboard); the
 * first screen of the seed article shows its body text with the side panel open and closed; the
 * panel leaves the text a readable measure; the headline meter never covers the caret.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, fixtureText, snap, test } from './fixtures';
import { editor, nextFrame } from './editor-steps';
import { VIEWPORTS } from './viewports';

const SEED_HEADLINE = 'Upcoming Safety Assurances for the Washington Meeting';

/** The toolbar's commands by accessible name (buttons; the text style box is checked apart). */
const COMMANDS = ['Undo', 'Redo', 'Bold', 'Italic', 'Link', 'Bulleted list', 'Numbered list', 'Quote', 'Insert figure…', 'Cite source', 'Insert “Read also” block', 'Smart quotes and dashes'];

test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') } });

async function openSeed(page: Page): Promise<void> {
  await page.getByRole('button', { name: SEED_HEADLINE, exact: true }).click();
  await expect(editor(page)).toBeFocused();
  await nextFrame(page);
}

function toolbar(page: Page): Locator {
  return page.getByRole('toolbar', { name: 'Formatting' });
}

type Rect = { top: number; bottom: number; left: number; right: number };

/** The first body paragraph of the article, the article's scroller and the window, as boxes. */
async function firstScreen(page: Page): Promise<{ paragraph: Rect; lineHeight: number; scroller: Rect; scrollTop: number }> {
  return page.evaluate(() => {
    const box = (el: Element): Rect => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    const paragraph = document.querySelector('.ProseMirror > p:not(.cd-standfirst)');
    const scroller = document.querySelector('.cd-article');
    if (!paragraph || !scroller) throw new Error('no body paragraph or article column');
    return { paragraph: box(paragraph), lineHeight: parseFloat(getComputedStyle(paragraph).lineHeight), scroller: box(scroller), scrollTop: scroller.scrollTop };
  });
}

for (const size of VIEWPORTS) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport });

    test('the toolbar keeps one row; every command is on it or in its More menu', async ({ page }) => {
      await openSeed(page);
      const rows = await toolbar(page).evaluate((bar) => {
        const controls = Array.from(bar.querySelectorAll('button, select')).filter((c) => c.getClientRects().length > 0);
        const tops = controls.map((c) => Math.round(c.getBoundingClientRect().top));
        const tallest = Math.max(...controls.map((c) => c.getBoundingClientRect().height));
        return { tops, height: bar.getBoundingClientRect().height, tallest };
      });
      expect(Math.max(...rows.tops) - Math.min(...rows.tops), `the controls' tops (${rows.tops.join(', ')})`).toBeLessThanOrEqual(6);
      expect(rows.height, 'the toolbar is one control high (plus its padding)').toBeLessThan(rows.tallest * 1.7);

      const onRow: string[] = [];
      for (const name of COMMANDS) if (await toolbar(page).getByRole('button', { name, exact: true }).isVisible()) onRow.push(name);
      const more = toolbar(page).getByRole('button', { name: 'More' });
      const inMenu: string[] = [];
      if (onRow.length < COMMANDS.length || !(await toolbar(page).getByRole('combobox', { name: 'Text style' }).isVisible())) {
        await more.click();
        const menu = page.getByRole('menu', { name: 'More' });
        await expect(menu).toBeVisible();
        inMenu.push(...(await menu.locator('[role^="menuitem"] .cd-tool-menu-label').allInnerTexts()));
        await snap(page, `laptop-toolbar-more-${size.name}`);
        await page.keyboard.press('Escape');
        await expect(menu).toBeHidden();
      } else {
        await expect(more).toBeHidden();
      }
      expect([...onRow, ...inMenu].sort(), 'each command once, on the row or in the menu').toEqual(expect.arrayContaining(COMMANDS));
      for (const name of COMMANDS) expect(onRow.includes(name) !== inMenu.includes(name), `${name}: on the row or in the menu, not both`).toBe(true);
    });

    test('the first screen of the seed shows body text, with the side panel open and closed', async ({ page }) => {
      await openSeed(page);
      const panel = page.getByRole('complementary', { name: 'Sources' });
      await expect(panel).toBeVisible();
      for (const state of ['open', 'closed'] as const) {
        if (state === 'closed') {
          await panel.getByRole('button', { name: 'Close the Sources panel' }).click();
          await expect(panel).toBeHidden();
          await nextFrame(page);
        }
        const { paragraph, lineHeight, scroller, scrollTop } = await firstScreen(page);
        expect(scrollTop, 'the article is at its top').toBe(0);
        expect(paragraph.top + 2 * lineHeight, `panel ${state}: two lines of the first paragraph above the column's bottom (${String(scroller.bottom)})`).toBeLessThanOrEqual(scroller.bottom);
        expect(paragraph.left).toBeGreaterThanOrEqual(scroller.left);
        expect(paragraph.right).toBeLessThanOrEqual(scroller.right);
        await snap(page, `laptop-editor-panel-${state}-${size.name}`);
      }
    });

    test('the side panel takes at most a third of the window and leaves the text a readable measure', async ({ page }) => {
      await openSeed(page);
      const widths = await page.evaluate(() => ({
        panel: document.querySelector('aside')?.getBoundingClientRect().width ?? 0,
        text: (() => {
          const el = document.querySelector('.ProseMirror');
          if (!el) return 0;
          const style = getComputedStyle(el);
          return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        })(),
        window: window.innerWidth,
      }));
      expect(widths.panel, 'the panel is there').toBeGreaterThan(250);
      expect(widths.panel / widths.window, 'the panel’s share of the window').toBeLessThanOrEqual(0.34);
      expect(widths.text, 'the text’s measure beside the panel, in pixels').toBeGreaterThanOrEqual(560);
    });

    test('the headline meter never covers the caret or the text', async ({ page }) => {
      await openSeed(page);
      const paragraph = editor(page).locator('p:not(.cd-standfirst)').nth(3);
      await paragraph.click({ position: { x: 30, y: 10 } });
      await nextFrame(page);
      // The caret's line just above the column's top edge, then a key: the editor brings it back.
      await page.evaluate(() => {
        const scroller = document.querySelector('.cd-article');
        const rect = window.getSelection()?.getRangeAt(0).getClientRects()[0];
        if (!scroller || !rect) throw new Error('no column or caret');
        scroller.scrollTop += rect.bottom - scroller.getBoundingClientRect().top + 4;
      });
      await nextFrame(page);
      await page.keyboard.type('x');
      await nextFrame(page);
      const { caret, meter, scroller } = await page.evaluate(() => {
        const box = (r: DOMRect | undefined): Rect => ({ top: r?.top ?? NaN, bottom: r?.bottom ?? NaN, left: r?.left ?? NaN, right: r?.right ?? NaN });
        return {
          caret: box(window.getSelection()?.getRangeAt(0).getClientRects()[0]),
          meter: box(document.querySelector('.cd-headline-meter')?.getBoundingClientRect()),
          scroller: box(document.querySelector('.cd-article')?.getBoundingClientRect()),
        };
      });
      expect(caret.top, 'the caret is in the column').toBeGreaterThanOrEqual(scroller.top - 1);
      expect(caret.bottom).toBeLessThanOrEqual(scroller.bottom + 1);
      const overlap = (a: Rect, b: Rect): boolean => a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;
      expect(overlap(caret, meter), `the caret (${JSON.stringify(caret)}) is not under the meter (${JSON.stringify(meter)})`).toBe(false);
      // Nor is any of the article's text: the meter is not over the article's scroller at all.
      expect(overlap(meter, scroller), 'the meter is beside the scrolled text, not over it').toBe(false);
    });
  });
}

// The menu from the keyboard, where the window is narrow enough for it to be there.
for (const viewport of [
  { width: 1024, height: 640 },
  { width: 800, height: 600 },
]) {
  test.describe(`${String(viewport.width)}x${String(viewport.height)}`, () => {
    test.use({ viewport });

    test('the More menu works from the keyboard', async ({ page }) => {
      await openSeed(page);
      await page.keyboard.press('Shift+F6'); // from the article to the toolbar
      await page.keyboard.press('End');
      const more = toolbar(page).getByRole('button', { name: 'More' });
      await expect(more).toBeFocused();
      await expect(more).toHaveAttribute('aria-haspopup', 'menu');
      await expect(more).toHaveAttribute('aria-expanded', 'false');

      await page.keyboard.press('ArrowDown');
      const menu = page.getByRole('menu', { name: 'More' });
      await expect(menu).toBeVisible();
      await expect(more).toHaveAttribute('aria-expanded', 'true');
      const items = menu.locator('[role^="menuitem"]');
      await expect(items.first()).toBeFocused();
      await page.keyboard.press('ArrowUp'); // wraps to the last
      await expect(items.last()).toBeFocused();
      await page.keyboard.press('Home');
      await expect(items.first()).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(items.nth(1 % (await items.count()))).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
      await expect(more).toBeFocused();

      // Smart quotes is the first group to leave the row: the last item, a checkbox.
      await page.keyboard.press('Enter');
      await expect(items.first()).toBeFocused();
      await page.keyboard.press('End');
      const quotes = menu.getByRole('menuitemcheckbox', { name: 'Smart quotes and dashes' });
      await expect(quotes).toBeFocused();
      const before = await quotes.getAttribute('aria-checked');
      await page.keyboard.press('Enter');
      await expect(menu).toBeHidden();
      await expect(editor(page)).toBeFocused(); // as after the toolbar's own buttons: back to the text
      await page.keyboard.press('Shift+F6'); // the toolbar again, on More (its last focused control)
      await expect(more).toBeFocused();
      await page.keyboard.press('ArrowUp');
      await expect(quotes).toBeFocused();
      await expect(quotes).toHaveAttribute('aria-checked', before === 'true' ? 'false' : 'true');
      await page.keyboard.press('Tab');
      await expect(menu).toBeHidden();
    });
  });
}
