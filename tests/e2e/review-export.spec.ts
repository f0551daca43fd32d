/**
 * Exporting a draft under review from the app (issue 12 §8): File > Export asks first whether to
 * include the suggestions and comments (the save dialog cannot hold a checkbox); unchecked, the
 * file is clean; checked, it shows the review. A draft with no review goes straight to the save
 * dialog.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, fixtureText, test } from './fixtures';
import { editor } from './editor-steps';

const AT = '2026-12-02T10:00:00Z';
const stamp = (id: string): Record<string, string> => ({ id, author: 'ana', at: AT });
const text = (value: string, ...marks: Record<string, unknown>[]): Record<string, unknown> => ({ type: 'text', text: value, ...(marks.length ? { marks } : {}) });
const meta = (JSON.parse(fixtureText('seed-article.copydesk')) as { meta: unknown }).meta;

const reviewed = {
  format: 'copydesk-draft',
  version: 1,
  meta,
  doc: {
    type: 'doc',
    attrs: { review: { authors: { ana: { name: 'Ana Ruiz', initials: 'AR' } }, threads: [{ id: 'th1', quote: 'died', messages: [{ author: 'ana', at: AT, text: 'Sure?' }] }] } },
    content: [
      { type: 'headline', content: [text('Review export')] },
      { type: 'standfirst', content: [] },
      { type: 'paragraph', content: [text('Three '), text('people', { type: 'deletion', attrs: stamp('s1') }), text('men', { type: 'insertion', attrs: stamp('s1') }), text(' died', { type: 'comment', attrs: { thread: 'th1' } }), text(' at sea.')] },
      { type: 'sources', content: [] },
    ],
  },
};
const plain = { ...reviewed, doc: { type: 'doc', content: [{ type: 'headline', content: [text('Plain export')] }, { type: 'standfirst', content: [] }, { type: 'paragraph', content: [text('Nothing to review.')] }, { type: 'sources', content: [] }] } };

test.use({ drafts: { 'review.copydesk': JSON.stringify(reviewed), 'plain.copydesk': JSON.stringify(plain) } });

async function open(page: Page, headline: string): Promise<void> {
  await page.getByRole('button', { name: headline, exact: true }).click();
  await expect(editor(page)).toBeFocused();
}

test('a draft under review asks, then exports clean or with the review', async ({ page, dialogs, sendMenu }) => {
  await open(page, 'Review export');
  const clean = path.join(dialogs.exportsDir, 'clean.html');
  const withReview = path.join(dialogs.exportsDir, 'review.html');

  dialogs.answerNextExport(clean);
  await sendMenu('export-html');
  const ask = page.getByRole('dialog', { name: 'Export as HTML' });
  const option = ask.getByRole('checkbox', { name: 'Include suggestions and comments' });
  await expect(option).not.toBeChecked();
  await expect(option).toBeFocused();
  const { violations } = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await ask.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('status').getByText('Exported to clean.html.')).toBeVisible();
  const cleanHtml = await fs.readFile(clean, 'utf8');
  expect(cleanHtml).toContain('<p>Three men died at sea.</p>');
  expect(cleanHtml).not.toMatch(/people|<del|<ins|<mark|Sure\?/u);

  dialogs.answerNextExport(withReview);
  await sendMenu('export-html');
  await option.check();
  await ask.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('status').getByText('Exported to review.html.')).toBeVisible();
  const reviewHtml = await fs.readFile(withReview, 'utf8');
  expect(reviewHtml).toMatch(/<del class="review"[^>]*data-author="Ana Ruiz"[^>]*>people<\/del><ins class="review"[^>]*>men<\/ins>/u);
  expect(reviewHtml).toMatch(/<aside class="review-threads"[\s\S]*Sure\?/u);

  // Cancelling the question exports nothing.
  const asked = dialogs.asked.filter((a) => a.startsWith('export:')).length;
  await sendMenu('export-markdown');
  await page.getByRole('dialog', { name: 'Export as Markdown' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(dialogs.asked.filter((a) => a.startsWith('export:'))).toHaveLength(asked);
});

test('a draft with no review goes straight to the save dialog', async ({ page, dialogs, sendMenu }) => {
  await open(page, 'Plain export');
  const file = path.join(dialogs.exportsDir, 'plain.md');
  dialogs.answerNextExport(file);
  await sendMenu('export-markdown');
  await expect(page.getByRole('status').getByText('Exported to plain.md.')).toBeVisible();
  expect(await fs.readFile(file, 'utf8')).toContain('Nothing to review.');
});
