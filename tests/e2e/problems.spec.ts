/**
 * The Problems panel and the forms that fix problems, at both window sizes: a figure whose
 * `assets/…` file is missing is an error (the main process looked at the real files); each
 * problem reads as a sentence and a click on it puts the focus in the field that fixes it (a
 * "Read also" item's title or URL, a figure's alt text, a source's title or URL; the text itself
 * for the headline, a link, a citation; the figure for its missing photo). A "Read also" URL of a
 * refused scheme stays in its field, marked, out of the document until corrected; the date
 * field says its format; a dialog's refusal focuses the field its message stands beside; keys
 * typed right after a dialog closes land in the text.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { serializeDraft } from '../../shared/draft/format';
import { schema } from '../../shared/schema';
import { article, cite, draftOf, marked, p, readAlso, source } from '../unit/helpers/build';
import { expect, snap, test } from './fixtures';
import { editor, editSource } from './editor-steps';

const HEADLINE = 'Harbour reopens after the storm';
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const figure = (src: string, alt: string, caption: string) => schema.node('figure', { src, alt }, [schema.node('figcaption', null, [schema.text(caption)])]);

const faulty = article({
  headline: HEADLINE,
  body: [
    p('The council ', cite('ghost'), ' met on Monday.'),
    p('See the ', marked('port notice', ['link', { href: 'https://exa mple.com' }]), ' for times.'),
    figure('assets/harbour/quay.png', '', 'The quay'),
    figure('assets/harbour/dawn.png', 'Boats at dawn', 'The boats came back'),
    readAlso('', { title: '', url: 'https://example.com/storm' }, { title: 'Latest', url: '' }, { title: 'Tides', url: 'https://' }),
    p('Officials cited ', cite('agency'), ' and ', cite('minutes'), '.'),
  ],
  sources: [source('agency', { outlet: 'Port agency', date: '2024' }), source('minutes', { title: 'Minutes', url: 'http://' }), source('spare', { title: 'Spare report' })],
});

const empty = article({ headline: '', body: [p('Text without a headline.')] });

test.use({ drafts: { 'harbour.copydesk': serializeDraft(draftOf(faulty)), 'untitled.copydesk': serializeDraft(draftOf(empty)) } });

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
] as const;

/** Opens the Problems panel (from the status bar) and waits for `message` in it. */
async function problem(page: Page, message: string | RegExp): Promise<Locator> {
  const panel = page.getByRole('complementary', { name: 'Problems' });
  if (!(await panel.isVisible())) await page.getByRole('button', { name: /problems?: .*Show the list/u }).click();
  const button = panel.getByRole('button', { name: message });
  await expect(button).toBeVisible({ timeout: 15_000 });
  return button;
}

/** The focused element's accessible label (aria-label, or its label element's text) and `data-source-field`. */
async function focused(page: Page): Promise<{ label: string; field: string | null; editor: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const labelled = el && 'labels' in el ? (el as HTMLInputElement).labels?.[0]?.textContent : null;
    return { label: el?.getAttribute('aria-label') ?? labelled ?? '', field: el?.getAttribute('data-source-field') ?? null, editor: el?.classList.contains('ProseMirror') ?? false };
  });
}

/** The text of the node holding the editor's selection (its anchor's element, or the selected node). */
async function selectionAt(page: Page): Promise<string> {
  return page.evaluate(() => {
    const selected = document.querySelector('.ProseMirror .ProseMirror-selectednode');
    if (selected) return `node:${selected.textContent ?? ''}`;
    const anchor = document.getSelection()?.anchorNode;
    const element = anchor instanceof Element ? anchor : anchor?.parentElement;
    return `text:${element?.closest('h1, p, li, a')?.textContent ?? ''}`;
  });
}

async function openDraft(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await expect(editor(page)).toBeFocused();
}

for (const size of SIZES) {
  const at = `${String(size.width)}x${String(size.height)}`;
  test.describe(`at ${at}`, () => {
    test.use({ viewport: size });

    test.beforeEach(async ({ workspace }) => {
      await fs.mkdir(path.join(workspace, 'assets', 'harbour'), { recursive: true });
      await fs.writeFile(path.join(workspace, 'assets', 'harbour', 'quay.png'), PNG);
    });

    test('a figure whose image file is missing is an error that says which file; the canvas says the same', async ({ page, workspace }) => {
      await openDraft(page, HEADLINE);
      const missing = await problem(page, 'The photo “Boats at dawn” in figure 2 of the body (“The boats came back”) is missing: assets/harbour/dawn.png was not found.');
      await expect(missing).toContainText('Error');
      await expect(editor(page).locator('.cd-figure-missing:not([hidden])')).toHaveText('Missing: assets/harbour/dawn.png was not found.');
      await expect(page.getByRole('button', { name: /problems?: 8 errors/u })).toBeVisible();
      await snap(page, `problems-missing-image-${at}`);
      await missing.click();
      await expect.poll(() => selectionAt(page)).toMatch(/^node:.*The boats came back$/u);
      expect((await focused(page)).editor).toBe(true);

      // The file appears: when the window gets the focus back, the error goes.
      await fs.writeFile(path.join(workspace, 'assets', 'harbour', 'dawn.png'), PNG);
      await page.evaluate(() => window.dispatchEvent(new Event('focus')));
      await expect(page.getByRole('complementary', { name: 'Problems' }).getByText(/is missing/u)).toHaveCount(0);
      await expect(page.getByRole('button', { name: /problems?: 7 errors/u })).toBeVisible();
    });

    const canvasCases = [
      { name: 'a “Read also” item without a URL: its URL field', message: '“Read also” item “Latest” in “Read also” block 1 of the body has no URL.', label: 'URL of “Read also” item 2' },
      { name: 'a “Read also” item without a title: its title field', message: '“Read also” item 1 in “Read also” block 1 of the body has no title.', label: 'Title of “Read also” item 1' },
      { name: 'a “Read also” item with a malformed URL: its URL field', message: '“Read also” item “Tides” in “Read also” block 1 of the body has a malformed URL: https://', label: 'URL of “Read also” item 3' },
      { name: 'an image without alt text: its alt field', message: /The image in figure 1 of the body \(“The quay”\) has no alt text/u, label: 'Alt text (describes the image for readers who cannot see it)' },
    ];
    for (const c of canvasCases) {
      test(`clicking ${c.name}`, async ({ page }) => {
        await openDraft(page, HEADLINE);
        await (await problem(page, c.message)).click();
        await expect.poll(async () => (await focused(page)).label).toBe(c.label);
        // The field is in view in the article column.
        await expect(page.locator(':focus')).toBeInViewport();
        await page.keyboard.type('x');
        await expect(page.locator(':focus')).toHaveValue(/x$/u);
      });
    }

    const sourceCases = [
      { name: 'a source without a title: its title field', message: 'The source [2] (id agency) has no title.', field: 'agency:title' },
      { name: 'a source with a malformed URL: its URL field', message: 'The URL in source [3] “Minutes” has a malformed URL: http://', field: 'minutes:url' },
    ];
    for (const c of sourceCases) {
      test(`clicking ${c.name} in the Sources panel`, async ({ page }) => {
        await openDraft(page, HEADLINE);
        await (await problem(page, c.message)).click();
        await expect.poll(async () => (await focused(page)).field).toBe(c.field);
        await expect(page.locator(':focus')).toBeInViewport();
      });
    }

    test('clicking an uncited source: its entry in the Sources panel', async ({ page }) => {
      await openDraft(page, HEADLINE);
      await (await problem(page, 'The uncited source “Spare report” is not cited anywhere; cite it or remove it.')).click();
      await expect(page.locator(':focus')).toHaveText('Uncited Spare report');
    });

    test('clicking a citation of a missing source, or a malformed link: the text itself', async ({ page }) => {
      await openDraft(page, HEADLINE);
      await (await problem(page, 'A citation in paragraph 1 of the body (“The council met on Monday.”) names source “ghost”, which is not in the sources.')).click();
      await expect.poll(() => selectionAt(page)).toMatch(/^node:/u);
      expect((await focused(page)).editor).toBe(true);
      await (await problem(page, /The link “port notice” in paragraph 2/u)).click();
      await expect.poll(() => selectionAt(page)).toBe('text:See the port notice for times.');
      expect((await focused(page)).editor).toBe(true);
    });

    test('clicking an empty headline: the cursor in the headline', async ({ page }) => {
      await openDraft(page, 'Untitled');
      await editor(page).getByText('Text without a headline.').click();
      await (await problem(page, 'The headline is empty.')).click();
      expect((await focused(page)).editor).toBe(true);
      await page.keyboard.type('Now titled');
      await expect(editor(page).locator('h1')).toHaveText('Now titled');
    });

    test('a “Read also” URL of a refused scheme stays in its field, marked, and reaches the draft only once corrected', async ({ page, workspace, sendMenu }) => {
      await openDraft(page, HEADLINE);
      const url = editor(page).getByRole('textbox', { name: 'URL of “Read also” item 2' });
      for (const bad of ['javascript:alert(1)', 'ftp://example.com/latest']) {
        await url.fill(bad);
        await url.press('Enter');
        await expect(url).not.toBeFocused();
        await expect(url).toHaveValue(bad);
        await expect(url).toHaveAttribute('aria-invalid', 'true');
        await expect(url).toHaveAccessibleDescription('Only http(s) addresses are allowed: correct this one to keep it in the article.');
      }
      // Another edit of the item redraws it: the refused URL is still there to correct.
      await editor(page).getByRole('textbox', { name: 'Title of “Read also” item 2' }).fill('Latest news');
      await editor(page).getByRole('textbox', { name: 'Title of “Read also” item 2' }).press('Enter');
      await expect(url).toHaveValue('ftp://example.com/latest');
      await snap(page, `problems-read-also-refused-${at}`);
      await sendMenu('save');
      const saved = async (): Promise<string> => fs.readFile(path.join(workspace, 'harbour.copydesk'), 'utf8');
      await expect.poll(saved).toContain('Latest news');
      expect(await saved()).not.toContain('ftp://example.com/latest');
      await problem(page, '“Read also” item “Latest news” in “Read also” block 1 of the body has no URL.');

      await url.fill('https://example.com/latest');
      await url.press('Enter');
      await expect(url).toHaveAttribute('aria-invalid', 'false');
      await sendMenu('save');
      await expect.poll(saved).toContain('https://example.com/latest');
    });

    test('the date field of a source says its format', async ({ page }) => {
      await openDraft(page, HEADLINE);
      const entry = await editSource(page, '[2] Source agency');
      const date = entry.locator('[data-source-field="agency:date"]');
      await expect(date).toHaveAttribute('placeholder', 'e.g. 12 March 2024');
      await expect(date).toHaveAccessibleDescription('Printed as written. Use a year (2024), 2024-03-12, 12 March 2024 or March 2024.');
      await date.scrollIntoViewIfNeeded();
      await snap(page, `problems-date-hint-${at}`);
    });

    test('the link dialog keeps a refused address, with its message beside the field, which gets the focus', async ({ page }) => {
      await openDraft(page, HEADLINE);
      await editor(page).getByText('met on Monday.').click();
      await expect(editor(page)).toBeFocused();
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('ControlOrMeta+k');
      const dialog = page.getByRole('dialog', { name: 'Add link' });
      const address = dialog.getByLabel('Address');
      await address.fill('ftp://example.com/x');
      await dialog.getByRole('button', { name: 'Apply' }).click();
      await expect(address).toBeFocused();
      await expect(address).toHaveAttribute('aria-invalid', 'true');
      await expect(address).toHaveAccessibleDescription('Links may only be http(s) or mailto: addresses, or an anchor in the page (#…).');
      await expect(address).toHaveValue('ftp://example.com/x');
    });

    test('the citation picker focuses the title when a new source has none, its message beside it', async ({ page }) => {
      await openDraft(page, HEADLINE);
      await editor(page).getByText('met on Monday.').click();
      // The shortcut goes to the focused element: wait until the click has given the text the focus.
      await expect(editor(page)).toBeFocused();
      await page.keyboard.press('ControlOrMeta+Alt+f');
      const picker = page.getByRole('dialog', { name: /Cite a/u });
      await picker.getByRole('combobox').press('ArrowUp');
      await picker.getByRole('combobox').press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Cite a new source' });
      await dialog.getByLabel('Outlet or publisher').fill('Port agency');
      await expect(dialog.getByLabel('Date')).toHaveAccessibleDescription(/^Printed as written/u);
      await dialog.getByRole('button', { name: 'Create and cite' }).click();
      const title = dialog.getByLabel('Title');
      await expect(title).toBeFocused();
      await expect(title).toHaveAttribute('aria-invalid', 'true');
      await expect(title).toHaveAccessibleDescription('Give the source a title (or, for a plain footnote, a note).');
    });

    for (const close of ['Escape', 'Enter'] as const) {
      test(`keys typed right after the link dialog closes (${close}) land in the text`, async ({ page }) => {
        await openDraft(page, HEADLINE);
        await editor(page).getByText('met on Monday.').click();
        await page.keyboard.press('End');
        await page.keyboard.press('ControlOrMeta+k');
        const address = page.getByRole('dialog', { name: 'Add link' }).getByLabel('Address');
        await expect(address).toBeFocused();
        await address.fill('https://example.com/monday');
        // No wait between closing and typing: the keys must reach the text.
        await page.keyboard.press(close);
        await page.keyboard.type(' Then more.');
        await expect(page.getByRole('dialog', { name: 'Add link' })).toBeHidden();
        // Enter inserts the address as a linked text at the cursor (nothing was selected).
        const inserted = close === 'Enter' ? 'https://example.com/monday' : '';
        await expect(editor(page).locator('p', { hasText: 'The council' })).toHaveText(`The council [?] met on Monday.${inserted} Then more.`);
      });
    }

    test('keys typed right after the citation picker closes (Enter on a source, Escape) land in the text', async ({ page }) => {
      await openDraft(page, HEADLINE);
      await editor(page).getByText('met on Monday.').click();
      await page.keyboard.press('End');
      await page.keyboard.press('ControlOrMeta+Alt+f');
      const search = page.getByRole('dialog', { name: 'Cite a source' }).getByRole('combobox');
      await expect(search).toBeFocused();
      await search.fill('Minutes');
      await page.keyboard.press('Enter');
      await page.keyboard.type(' More.');
      await page.keyboard.press('ControlOrMeta+Alt+f');
      await expect(page.getByRole('dialog', { name: 'Cite a source' }).getByRole('combobox')).toBeFocused();
      await page.keyboard.press('Escape');
      await page.keyboard.type(' End.');
      await expect(editor(page).locator('p', { hasText: 'The council' })).toHaveText('The council [?] met on Monday.[2] More. End.');
    });

    test('keys typed right after the figure dialog closes (Escape) land in the text', async ({ page }) => {
      await openDraft(page, HEADLINE);
      await editor(page).getByText('met on Monday.').click();
      await page.keyboard.press('End');
      await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert figure…' }).click();
      await expect(page.getByRole('dialog', { name: 'Insert figure' }).getByLabel('Image address (https) or file')).toBeFocused();
      await page.keyboard.press('Escape');
      await page.keyboard.type(' Done.');
      await expect(editor(page).locator('p', { hasText: 'The council' })).toHaveText('The council [?] met on Monday. Done.');
    });
  });
}
