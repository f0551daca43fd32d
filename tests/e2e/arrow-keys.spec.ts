/**
 * Arrow keys around "Read also" blocks and the sources at the end of the canvas: the cursor steps
 * over their forms to the next place where text can be typed, or stays put at the end of the
 * document; it never jumps elsewhere (an ArrowDown from the last paragraph once landed in the
 * headline, and the keys typed next went there).
 */
import { serializeDraft } from '../../shared/draft/format';
import { article, cite, draftOf, list, p, readAlso, source } from '../unit/helpers/build';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { editor } from './editor-steps';

const middle = article({
  headline: 'Arrow keys',
  standfirst: 'A standfirst.',
  body: [
    p('Before the block ', cite('a'), '.'),
    readAlso('Read also', { title: 'One', url: 'https://example.com/1' }, { title: 'Two', url: 'https://example.com/2' }),
    p('After the block.'),
    list('ordered_list', 'First point.', 'Last point.'),
  ],
  sources: [source('a', { title: 'A source', outlet: 'An outlet' })],
});

test.use({ drafts: { 'arrows.copydesk': serializeDraft(draftOf(middle)) } });

test.beforeEach(async ({ page }) => {
  await page.getByRole('button', { name: 'Arrow keys', exact: true }).click();
  await expect(editor(page)).toBeVisible();
});

/** Clicks at the end of the block holding `text`, then presses End. */
async function caretAtEndOf(page: Page, text: string): Promise<void> {
  await editor(page).getByText(text, { exact: true }).click();
  await page.keyboard.press('End');
}

test('ArrowDown and ArrowRight from the text before a "Read also" block go to the text after it', async ({ page }) => {
  const ed = editor(page);
  await caretAtEndOf(page, 'After the block.');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.type('[up]');
  await expect(ed.locator('p', { hasText: 'Before the block' })).toHaveText(/^Before the block \[1\]\.\[up\]$/u);

  await page.keyboard.press('ArrowDown');
  await page.keyboard.type('[down]');
  await expect(ed.locator('p', { hasText: 'After the block' })).toHaveText('[down]After the block.');

  await caretAtEndOf(page, 'Before the block [1].[up]');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('[right]');
  await expect(ed.locator('p', { hasText: 'After the block' })).toHaveText('[right][down]After the block.');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('[left]');
  await expect(ed.locator('p', { hasText: 'Before the block' })).toHaveText(/\[up\]\[left\]$/u);
  // The items are untouched.
  await expect(ed.getByRole('textbox', { name: /Title of “Read also” item 1/u })).toHaveValue('One');
  await expect(ed.getByRole('textbox', { name: /Title of “Read also” item 2/u })).toHaveValue('Two');
});

test('ArrowDown from the last line of the text, above the sources, keeps the cursor there', async ({ page }) => {
  const ed = editor(page);
  await caretAtEndOf(page, 'Last point.');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(' Typed here.');
  await expect(ed.locator('li', { hasText: 'Last point.' })).toHaveText('Last point. Typed here.');
  await expect(ed.locator('h1')).toHaveText('Arrow keys');
  await expect(ed.locator('.cd-source')).toHaveCount(1);
});
