/**
 * Typing at full speed: every keystroke lands where the caret is, including the first character
 * of a paragraph started with Enter. Playwright sends each key as soon as the page has taken the
 * previous one, faster than a person, so it also shows races a fast typist meets only sometimes
 * (keys pressed within one frame of each other: key rollover), and keys the editor acts on
 * (Enter, Backspace) pressed before the page has heard that the key before moved the caret.
 */
import { expect, test } from './fixtures';
import { createDraft, editor, keysInOneBreath } from './editor-steps';

const PARAGRAPHS = 20;
const line = (i: number): string => `Critics, take ${String(i)}.`;

test('the first character typed right after Enter stays at the start of its paragraph', async ({ page }) => {
  // Regression test of a bug fixed in renderer/editor/live-blocks.ts: top-level blocks are
  // `content-visibility: auto`, and Chromium skips a new one until the next frame; the first
  // character typed into it within that frame left the DOM caret BEFORE the character ("ritics
  // called …", the "C" carried to the next paragraph). The block holding the cursor and its
  // neighbours are now `content-visibility: visible` from the moment they are created.
  await createDraft(page);
  await page.keyboard.type('Headline');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Standfirst');
  await page.keyboard.press('Enter');
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
  await createDraft(page);
  await page.keyboard.type('Headline');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Standfirst');
  await page.keyboard.press('Enter');
  await page.keyboard.type('First paragraph.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second paragraph.');
  const body = editor(page).locator('p:not(.cd-standfirst)');
  await expect(body).toHaveText(['First paragraph.', 'Second paragraph.']);
  // Home then Backspace: the two paragraphs joined (not the last full stop deleted).
  await keysInOneBreath(page, ['Home', 'Backspace']);
  await expect(body).toHaveText(['First paragraph.Second paragraph.']);
  // End then Enter: a new paragraph after the text (not the text split where the caret was).
  await keysInOneBreath(page, ['End', 'Enter']);
  await page.keyboard.type('Third.');
  await expect(body).toHaveText(['First paragraph.Second paragraph.', 'Third.']);
});
