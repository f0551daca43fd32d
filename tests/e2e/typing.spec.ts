/**
 * Typing at full speed: every keystroke lands where the caret is, including the first character
 * of a paragraph started with Enter. Playwright sends each key as soon as the page has taken the
 * previous one, faster than a person, so it also shows races a fast typist meets only sometimes
 * (keys pressed within one frame of each other: key rollover).
 */
import { expect, test } from './fixtures';
import { createDraft, editor } from './editor-steps';

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
