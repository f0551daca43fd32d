/**
 * Copy and paste under review (issue 12 §6), in the browser: copying text that holds suggestions
 * writes the text as it would read with every suggestion accepted (text/plain, text/html and the
 * Copydesk payload), with no suggestion mark and no comment; cut and paste inside the same draft
 * keeps the comment on the moved text.
 */
import type { Page } from '@playwright/test';
import { expect, fixtureText, test } from './fixtures';
import { copySelection, editor, nextFrame, pasteData } from './editor-steps';

const AT = '2026-12-02T10:00:00Z';
const stamp = (id: string): Record<string, string> => ({ id, author: 'ana', at: AT });
const text = (value: string, ...marks: Record<string, unknown>[]): Record<string, unknown> => ({ type: 'text', text: value, ...(marks.length ? { marks } : {}) });
const ins = (id: string): Record<string, unknown> => ({ type: 'insertion', attrs: stamp(id) });
const del = (id: string): Record<string, unknown> => ({ type: 'deletion', attrs: stamp(id) });
const comment = { type: 'comment', attrs: { thread: 'th1' } };

const draft = {
  format: 'copydesk-draft',
  version: 1,
  meta: (JSON.parse(fixtureText('seed-article.copydesk')) as { meta: unknown }).meta,
  doc: {
    type: 'doc',
    attrs: { review: { authors: { ana: { name: 'Ana Ruiz', initials: 'AR' } }, threads: [{ id: 'th1', quote: 'died', messages: [{ author: 'ana', at: AT, text: 'Sure?' }] }] } },
    content: [
      { type: 'headline', content: [text('Review clipboard')] },
      { type: 'standfirst', content: [text('A standfirst.')] },
      { type: 'paragraph', content: [text('Three '), text('people', del('s1')), text('men', ins('s1')), text(' died', comment), text(' at sea.')] },
      { type: 'paragraph', content: [text('Paste goes here.')] },
      { type: 'sources', content: [] },
    ],
  },
};

test.use({ drafts: { 'review.copydesk': JSON.stringify(draft, null, 2) } });

async function open(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Review clipboard', exact: true }).click();
  await expect(editor(page)).toBeFocused();
}

/** Selects the whole text of body paragraph `n` (0: the first after the standfirst). */
async function selectParagraph(page: Page, n: number): Promise<void> {
  await editor(page).locator('p:not(.cd-standfirst)').nth(n).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await nextFrame(page);
}

test('copying text with suggestions writes the accepted text, without marks or comments', async ({ page }) => {
  await open(page);
  await selectParagraph(page, 0);
  const data = await copySelection(page);
  expect(data['text/plain']).toBe('Three men died at sea.');
  expect(data['text/html']).toContain('Three men died at sea.');
  expect(data['text/html']).not.toMatch(/people|<del|<ins|data-suggestion|data-thread|cd-comment/u);
  const payload = data['application/x-copydesk-slice+json'] ?? '';
  expect(payload).toContain('Three men');
  expect(payload).not.toMatch(/people|"insertion"|"deletion"|"comment"/u);
});

test('cut and paste inside the same draft keeps the comment on the text', async ({ page }) => {
  await open(page);
  await selectParagraph(page, 0);
  const data = await page.evaluate(() => {
    const target = document.activeElement as HTMLElement;
    const clipboardData = new DataTransfer();
    const event = new ClipboardEvent('cut', { clipboardData, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    return Object.fromEntries(Array.from(clipboardData.types, (type) => [type, clipboardData.getData(type)]));
  });
  expect(data['text/plain']).toBe('Three men died at sea.');
  expect(data['application/x-copydesk-slice+json']).toContain('"comment"');
  await expect(editor(page).locator('.cd-comment')).toHaveCount(0);
  await editor(page).locator('p', { hasText: 'Paste goes here.' }).click();
  await page.keyboard.press('End');
  await pasteData(page, data);
  await expect(editor(page).locator('.cd-comment[data-thread="th1"]')).toHaveText(' died');
  await expect(editor(page).locator('del, ins')).toHaveCount(0);
});
