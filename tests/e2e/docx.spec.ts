/**
 * Word in and out in the app (issue 14), through the real services:
 * - File > Import… of the seed article as a Word file (tests/fixtures/docx/seed-article.docx, its
 *   11 citations as footnotes) shows the import report "(Word)" and opens the draft with [1] six
 *   times, [2] five times and two sources; at 1280×800 and 1024×640 (screenshots);
 * - a Word file dropped on the library is imported the same way (drafts.importDropped);
 * - File > Export as Word writes a file pandoc reads (the headline, the sources); for a draft
 *   under review, the export dialog's checkbox gives a clean file unchecked and, checked, one
 *   where pandoc (--track-changes=all) sees the suggestion as a tracked change by its author and
 *   the comment.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { chips, editor, sourceHeadings } from './editor-steps';
import { expect, fixtureText, snap, test } from './fixtures';
import { ROOT } from './harness/sites';
import { VIEWPORTS } from './viewports';

const SEED_DOCX = path.join(ROOT, 'tests', 'fixtures', 'docx', 'seed-article.docx');
const HEADLINE = 'Upcoming Safety Assurances for the Washington Meeting';
const SEED_NAME = 'upcoming-safety-assurances-for-the-washington-meeting';

/** `pandoc -f docx -t plain -s` of `file` (-s: the headline is Word's Title, pandoc's title). */
function pandocText(file: string, ...extra: string[]): string {
  const result = spawnSync('pandoc', ['-f', 'docx', '-t', 'plain', '-s', ...extra, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`);
  return result.stdout;
}

function report(page: Page) {
  return page.getByRole('dialog', { name: 'Import report' });
}

/** The report of the seed as Word, then the draft it opened. */
async function expectSeedImported(page: Page, file: string): Promise<void> {
  const dialog = report(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`“${file}” (Word) is now the draft “${SEED_NAME}”.`);
  const recognised = dialog.getByRole('region', { name: 'Recognised' }).getByRole('listitem');
  await expect(recognised.first()).toHaveText('2 sources');
  await expect(recognised.nth(1)).toHaveText('11 citations');
  await expect(dialog.getByRole('button', { name: 'Start editing' })).toBeFocused();
}

async function startEditing(page: Page): Promise<void> {
  await report(page).getByRole('button', { name: 'Start editing' }).click();
  await expect(report(page)).toBeHidden();
  await expect(editor(page).locator('h1.cd-headline')).toHaveText(HEADLINE);
  await expect(chips(page)).toHaveCount(11);
  await expect(chips(page).filter({ hasText: '[1]' })).toHaveCount(6);
  await expect(chips(page).filter({ hasText: '[2]' })).toHaveCount(5);
  await expect(sourceHeadings(page)).toHaveCount(2);
}

for (const size of VIEWPORTS) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport });

    test('File > Import of a Word file shows the report, then the draft with its sources', async ({ page, dialogs, sendMenu, workspace }) => {
      dialogs.answerNextImport(SEED_DOCX);
      await sendMenu('import');
      await expectSeedImported(page, 'seed-article.docx');
      await snap(page, `docx-import-report-${size.name}`);
      await startEditing(page);
      expect((await fs.readdir(workspace)).filter((n) => n.endsWith('.copydesk'))).toEqual([`${SEED_NAME}.copydesk`]);
    });
  });
}

test('a Word file dropped on the library is imported', async ({ page, workspace }) => {
  const library = page.getByRole('main', { name: 'Library' });
  await expect(library).toBeVisible();
  const bytes = [...readFileSync(SEED_DOCX)];
  const dataTransfer = await page.evaluateHandle((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], 'seed-article.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
    return transfer;
  }, bytes);
  await library.dispatchEvent('dragenter', { dataTransfer });
  await expect(library.getByText('Drop a text, Markdown, HTML or Word file to import it as a new draft')).toBeVisible();
  await snap(page, 'docx-drop-hint');
  await library.dispatchEvent('drop', { dataTransfer });
  await expectSeedImported(page, 'seed-article.docx');
  await startEditing(page);
  expect((await fs.readdir(workspace)).filter((n) => n.endsWith('.copydesk'))).toEqual([`${SEED_NAME}.copydesk`]);
});

test('a dropped file that is not a Word document is refused with a message, nothing written', async ({ page, workspace }) => {
  const before = await fs.readdir(workspace);
  const library = page.getByRole('main', { name: 'Library' });
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['<!DOCTYPE html><p>Not Word</p>'], 'page.docx'));
    return transfer;
  });
  await library.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('alert')).toContainText('page.docx');
  await expect(page.getByRole('alert')).toContainText('Nothing was imported.');
  await expect(report(page)).toHaveCount(0);
  expect(await fs.readdir(workspace)).toEqual(before);
});

test.describe('File > Export as Word', () => {
  test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') } });

  test('writes a file pandoc reads: the headline and the sources', async ({ page, dialogs, sendMenu }) => {
    await page.getByRole('button', { name: HEADLINE, exact: true }).click();
    await expect(editor(page)).toBeFocused();
    await sendMenu('export-docx');
    await expect(page.getByRole('status').getByText('Exported to seed.docx.')).toBeVisible();
    expect(dialogs.asked.filter((ask) => ask.startsWith('export:'))).toEqual(['export:seed.docx:docx']);
    const text = pandocText(dialogs.exportPath('seed.docx'));
    expect(text).toContain(HEADLINE);
    expect(text).toContain('U.S. and allies');
  });
});

const AT = '2026-12-02T10:00:00Z';
const stamp = (id: string): Record<string, string> => ({ id, author: 'ana', at: AT });
const text = (value: string, ...marks: Record<string, unknown>[]): Record<string, unknown> => ({ type: 'text', text: value, ...(marks.length ? { marks } : {}) });
const reviewed = {
  format: 'copydesk-draft',
  version: 1,
  meta: (JSON.parse(fixtureText('seed-article.copydesk')) as { meta: unknown }).meta,
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

/** pandoc's tracked-change and comment spans (JSON AST: `Span [id, classes, [[key, value]]]`): their class and author. */
function spansOf(value: unknown, out: { kind: string; author: string }[] = []): { kind: string; author: string }[] {
  if (Array.isArray(value)) for (const item of value) spansOf(item, out);
  else if (value !== null && typeof value === 'object') {
    const node = value as { t?: string; c?: unknown };
    if (node.t === 'Span' && Array.isArray(node.c)) {
      const [, classes, pairs] = (node.c[0] ?? []) as [string, string[], [string, string][]];
      const author = pairs.find(([key]) => key === 'author')?.[1];
      for (const kind of classes) if (author !== undefined) out.push({ kind, author });
    }
    for (const item of Object.values(value)) spansOf(item, out);
  }
  return out;
}

test.describe('File > Export as Word of a draft under review', () => {
  test.use({ drafts: { 'review.copydesk': JSON.stringify(reviewed) } });

  test('the dialog’s checkbox gives a clean file, or tracked changes and comments', async ({ page, dialogs, sendMenu }) => {
    await page.getByRole('button', { name: 'Review export', exact: true }).click();
    await expect(editor(page)).toBeFocused();
    const clean = path.join(dialogs.exportsDir, 'clean.docx');
    const withReview = path.join(dialogs.exportsDir, 'review.docx');
    const ask = page.getByRole('dialog', { name: 'Export as Word' });
    const option = ask.getByRole('checkbox', { name: 'Include suggestions and comments' });

    dialogs.answerNextExport(clean);
    await sendMenu('export-docx');
    await expect(option).not.toBeChecked();
    await ask.getByRole('button', { name: 'Export…' }).click();
    await expect(page.getByRole('status').getByText('Exported to clean.docx.')).toBeVisible();
    const cleanText = pandocText(clean, '--track-changes=all');
    expect(cleanText).toContain('Three men died at sea.');
    expect(cleanText).not.toMatch(/people|Ana Ruiz|Sure\?/u);

    dialogs.answerNextExport(withReview);
    await sendMenu('export-docx');
    await option.check();
    await ask.getByRole('button', { name: 'Export…' }).click();
    await expect(page.getByRole('status').getByText('Exported to review.docx.')).toBeVisible();
    const result = spawnSync('pandoc', ['-f', 'docx', '-t', 'json', '--track-changes=all', withReview], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const spans = spansOf(JSON.parse(result.stdout));
    expect(spans).toContainEqual({ kind: 'deletion', author: 'Ana Ruiz' });
    expect(spans).toContainEqual({ kind: 'insertion', author: 'Ana Ruiz' });
    expect(spans).toContainEqual({ kind: 'comment-start', author: 'Ana Ruiz' });
    expect(result.stdout).toContain('Sure?');
  });
});
