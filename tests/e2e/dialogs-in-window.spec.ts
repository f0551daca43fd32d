/**
 * Every dialog stays inside the window: the citation picker and its "Cite a new source" form,
 * the link dialog and the figure dialog, opened with the caret near the top, the middle and the
 * bottom of the article, and the questions of the dialog host (rename, move to trash), at
 * 1280×800 and 1024×640; each of their buttons lies inside the window and inside the dialog's
 * visible box. In a window shorter than a dialog, the dialog scrolls inside itself with its
 * buttons still in view.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, fixtureText, snap, test } from './fixtures';
import { editor, nextFrame } from './editor-steps';
import { VIEWPORTS } from './viewports';

const SEED_HEADLINE = 'Upcoming Safety Assurances for the Washington Meeting';

test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') } });

/** Opens the seed article and waits for the editor. */
async function openSeed(page: Page): Promise<void> {
  await page.getByRole('button', { name: SEED_HEADLINE, exact: true }).click();
  await expect(editor(page)).toBeFocused();
}

/** The caret's box (viewport coordinates). */
async function caretBox(page: Page): Promise<{ top: number; bottom: number }> {
  return page.evaluate(() => {
    const range = window.getSelection()?.getRangeAt(0);
    const rect = range?.getClientRects()[0] ?? range?.getBoundingClientRect();
    if (!rect) throw new Error('no caret');
    return { top: rect.top, bottom: rect.bottom };
  });
}

/**
 * Scrolls the article so that a paragraph in its middle starts at `fraction` of the article
 * column's height, and clicks into that paragraph's first line: the caret is then there.
 */
async function putCaretAt(page: Page, fraction: number): Promise<void> {
  const place = (): Promise<{ x: number; y: number }> =>
    page.evaluate((f) => {
      const scroller = document.querySelector('.cd-article');
      const paragraphs = Array.from(document.querySelectorAll('.ProseMirror > p:not(.cd-standfirst)'));
      const paragraph = paragraphs[Math.floor(paragraphs.length / 2)];
      if (!scroller || !paragraph) throw new Error('no article column or paragraph');
      const box = scroller.getBoundingClientRect();
      const y = box.top + f * box.height;
      scroller.scrollTop += paragraph.getBoundingClientRect().top - y;
      const rect = paragraph.getBoundingClientRect();
      return { x: rect.left + 30, y: rect.top + 10 };
    }, fraction);
  await place();
  await nextFrame(page); // blocks around take their real heights
  const point = await place();
  await page.mouse.click(point.x, point.y);
  await nextFrame(page);
  const caret = await caretBox(page);
  expect(Math.abs(caret.top - point.y), `the caret is where it was put (${String(fraction)} of the column)`).toBeLessThan(30);
}

/** Every button of `dialog`, and the dialog itself, lies inside the window and inside the dialog's visible box. */
async function expectWhollyInWindow(page: Page, dialog: Locator, where: string): Promise<void> {
  await expect(dialog).toBeVisible();
  await nextFrame(page); // placed (the placement runs once the dialog has its size)
  const size = page.viewportSize();
  if (!size) throw new Error('no viewport');
  const box = await dialog.boundingBox();
  if (!box) throw new Error(`${where}: the dialog has no box`);
  expect(box.y, `${where}: the dialog's top`).toBeGreaterThanOrEqual(0);
  expect(box.x, `${where}: the dialog's left`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${where}: the dialog's bottom`).toBeLessThanOrEqual(size.height);
  expect(box.x + box.width, `${where}: the dialog's right`).toBeLessThanOrEqual(size.width);
  const buttons = await dialog.getByRole('button').all();
  expect(buttons.length, `${where}: buttons`).toBeGreaterThan(0);
  for (const button of buttons) {
    const name = (await button.getAttribute('aria-label')) ?? (await button.innerText());
    const b = await button.boundingBox();
    if (!b) throw new Error(`${where}: the button “${name}” has no box`);
    expect(b.y, `${where}: the top of “${name}”`).toBeGreaterThanOrEqual(Math.max(0, box.y) - 0.5);
    expect(b.y + b.height, `${where}: the bottom of “${name}”`).toBeLessThanOrEqual(Math.min(size.height, box.y + box.height) + 0.5);
    expect(b.x, `${where}: the left of “${name}”`).toBeGreaterThanOrEqual(Math.max(0, box.x) - 0.5);
    expect(b.x + b.width, `${where}: the right of “${name}”`).toBeLessThanOrEqual(Math.min(size.width, box.x + box.width) + 0.5);
  }
}

/** Escape closes the open dialog. */
async function closeWithEscape(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
}

/** Runs a toolbar command, from its row or from its "More" menu when it is there. */
async function toolbarCommand(page: Page, name: string): Promise<void> {
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  const button = toolbar.getByRole('button', { name, exact: true });
  if (await button.isVisible()) return button.click();
  await toolbar.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menu').getByRole('menuitem', { name, exact: true }).click();
}

const CARET_PLACES = [
  { name: 'top', fraction: 0.06 },
  { name: 'middle', fraction: 0.5 },
  { name: 'bottom', fraction: 0.9 },
] as const;

for (const size of VIEWPORTS) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport });

    for (const place of CARET_PLACES) {
      test(`with the caret near the ${place.name}, the picker, the new source form, the link and figure dialogs are inside the window`, async ({ page }) => {
        await openSeed(page);

        await putCaretAt(page, place.fraction);
        await page.keyboard.press('Control+Alt+f');
        const picker = page.getByRole('dialog', { name: 'Cite a source' });
        await expectWhollyInWindow(page, picker, 'Cite a source');
        await picker.getByRole('combobox').fill('A report nobody cited');
        await picker.getByRole('combobox').press('Enter');
        const form = page.getByRole('dialog', { name: 'Cite a new source' });
        await expectWhollyInWindow(page, form, 'Cite a new source');
        await expect(form.getByRole('button', { name: 'Create and cite' })).toBeInViewport({ ratio: 1 });
        await snap(page, `dialog-cite-new-${size.name}-${place.name}`);
        await closeWithEscape(page);

        await putCaretAt(page, place.fraction);
        await page.keyboard.press('Control+k');
        await expectWhollyInWindow(page, page.getByRole('dialog', { name: /^(Add|Edit) link$/u }), 'link');
        await closeWithEscape(page);

        await putCaretAt(page, place.fraction);
        await toolbarCommand(page, 'Insert figure…');
        await expectWhollyInWindow(page, page.getByRole('dialog', { name: 'Insert figure' }), 'figure');
        await closeWithEscape(page);
      });
    }

    test('the questions of the dialog host (rename, move to trash) are inside the window', async ({ page, sendMenu }) => {
      await openSeed(page);
      await sendMenu('rename');
      await expectWhollyInWindow(page, page.getByRole('dialog', { name: 'Rename draft' }), 'rename');
      await closeWithEscape(page);
      await sendMenu('trash');
      await expectWhollyInWindow(page, page.getByRole('alertdialog', { name: 'Move to trash?' }), 'move to trash');
      await closeWithEscape(page);
    });
  });
}

// Shorter than the dialogs: the dialog fits the window and scrolls inside itself, buttons in view.
for (const viewport of [
  { width: 1024, height: 480 },
  { width: 1024, height: 360 },
]) {
  test.describe(`${String(viewport.width)}x${String(viewport.height)}`, () => {
    test.use({ viewport });

    test('a dialog taller than the window scrolls inside itself with its buttons in view', async ({ page }) => {
      await openSeed(page);
      const checks = [
        {
          name: 'Cite a new source',
          open: async () => {
            await putCaretAt(page, 0.5);
            await page.keyboard.press('Control+Alt+f');
            const picker = page.getByRole('dialog', { name: 'Cite a source' });
            await picker.getByRole('combobox').fill('A report nobody cited');
            await picker.getByRole('combobox').press('Enter');
          },
          last: 'Note',
        },
        { name: 'Insert figure', open: () => toolbarCommand(page, 'Insert figure…'), last: 'Credit' },
      ];
      let scrolled = 0;
      for (const check of checks) {
        await check.open();
        const dialog = page.getByRole('dialog', { name: check.name });
        await expectWhollyInWindow(page, dialog, check.name);
        const { scrollHeight, clientHeight } = await dialog.evaluate((d) => ({ scrollHeight: d.scrollHeight, clientHeight: d.clientHeight }));
        if (scrollHeight > clientHeight + 1) {
          scrolled++;
          // Its last field is reached by scrolling the dialog, not the window.
          await dialog.evaluate((d) => d.scrollTo(0, d.scrollHeight));
          await expect(dialog.getByLabel(check.last, { exact: true })).toBeInViewport();
          await expectWhollyInWindow(page, dialog, `${check.name}, scrolled`);
          await snap(page, `dialog-scrolls-${check.name.replaceAll(' ', '-')}-${String(viewport.height)}`);
        }
        await closeWithEscape(page);
      }
      // The window is shorter than at least one of them: the case this test is about happened.
      expect(scrolled, 'dialogs taller than the window').toBeGreaterThan(0);
    });
  });
}
