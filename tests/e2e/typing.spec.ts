/**
 * Typing at full speed: every keystroke lands where the caret is, including the first character
 * of a paragraph started with Enter. Playwright sends each key as soon as the page has taken the
 * previous one, faster than a person, so it also shows races a fast typist meets only sometimes
 * (keys pressed within one frame of each other: key rollover), and keys the editor acts on
 * (Enter, Backspace, Ctrl+K) pressed before the page has heard that the key or click before
 * moved the caret.
 */
import type { Page } from '@playwright/test';
import { expect, fixtureText, test } from './fixtures';
import { createDraft, editor, inOneBreath, paragraphWith } from './editor-steps';
import { openSeed } from './lock-steps';

const PARAGRAPHS = 20;

/** A new draft, its headline and standfirst typed: the caret in the body's first paragraph. */
async function newDraftAtBody(page: Page): Promise<void> {
  await createDraft(page);
  await page.keyboard.type('Headline');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Standfirst');
  await page.keyboard.press('Enter');
}
const line = (i: number): string => `Critics, take ${String(i)}.`;

test('the first character typed right after Enter stays at the start of its paragraph', async ({ page }) => {
  // Regression test of a bug fixed in renderer/editor/live-blocks.ts: top-level blocks are
  // `content-visibility: auto`, and Chromium skips a new one until the next frame; the first
  // character typed into it within that frame left the DOM caret BEFORE the character ("ritics
  // called …", the "C" carried to the next paragraph). The block holding the cursor and its
  // neighbours are now `content-visibility: visible` from the moment they are created.
  await newDraftAtBody(page);
  for (let i = 0; i < PARAGRAPHS; i++) {
    await page.keyboard.type(line(i));
    await page.keyboard.press('Enter');
  }
  const body = editor(page).locator('p:not(.cd-standfirst)');
  await expect(body).toHaveText([...Array.from({ length: PARAGRAPHS }, (_, i) => line(i)), ''], { timeout: 2000 });
});

test('Enter or Backspace pressed at once after End or Home acts where the caret went', async ({ page }) => {
  // Regression test of renderer/editor/pending-selection.ts: the browser tells of a caret move
  // in a later event, and the keymap acted at the old caret (End then Enter split the paragraph
  // where the caret had been; Ctrl+K right after a click linked the old place).
  await newDraftAtBody(page);
  await page.keyboard.type('First paragraph.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second paragraph.');
  const body = editor(page).locator('p:not(.cd-standfirst)');
  await expect(body).toHaveText(['First paragraph.', 'Second paragraph.']);
  // Home then Backspace: the two paragraphs joined (not the last full stop deleted).
  await inOneBreath(page, ['Home', 'Backspace']);
  await expect(body).toHaveText(['First paragraph.Second paragraph.']);
  // End then Enter: a new paragraph after the text (not the text split where the caret was).
  await inOneBreath(page, ['End', 'Enter']);
  await page.keyboard.type('Third.');
  await expect(body).toHaveText(['First paragraph.Second paragraph.', 'Third.']);
});

test.describe('in the seed article', () => {
  test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') } });

  test('a click, End and Ctrl+K in one breath: the link dialog is for the new caret, and keys typed after Escape land there', async ({ page }) => {
    // The red CI run this comes from: the dialog opened for the headline, where the caret was
    // before the click, and the text typed after Escape went into the headline.
    await openSeed(page);
    await expect(editor(page)).toBeFocused();
    const p = paragraphWith(page, 'In a significant shift');
    const headline = await editor(page).locator('h1').textContent();
    const box = await p.boundingBox();
    if (!box) throw new Error('the paragraph is not on screen');
    await inOneBreath(page, [{ clickAt: { x: box.x + 20, y: box.y + 5 } }, 'End', 'Control+K']);
    await expect(page.getByRole('dialog', { name: 'Add link' })).toBeVisible();
    await page.keyboard.press('Escape');
    await page.keyboard.type(' Then more.');
    // End goes to the end of the first line on screen, wherever the words wrap.
    await expect(p).toContainText(' Then more.');
    await expect(editor(page).locator('h1')).toHaveText(headline ?? '');
  });
});
