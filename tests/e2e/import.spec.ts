/**
 * Import in the app (issue 5), through the same code path as `copydesk import`:
 * - File > Import… of the seed text opens a new draft with its citations as chips and its two
 *   sources in the Sources panel, and shows the report (recognised, left out, decided, problems);
 * - Cancel in the file dialog does nothing; the library's "Import…" button does the same as the menu;
 * - every file of the hostile HTML corpus imports with no script, handler or javascript:/data:
 *   URL in the draft (editor and file) or in its HTML export;
 * - pasting text with citations and a reference list offers to turn them into footnotes:
 *   Convert gives chips and sources, one undo gives the plain pasted text back, Keep as text (or
 *   Escape) leaves it; the offer is reached with Tab; an ordinary paste shows no offer; hostile
 *   HTML stays sanitised whether converted or not. axe finds nothing serious in the report or the bar.
 */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { chips, createDraft, draftOnDisk, editor, newBlock, nextFrame, pasteData, saveState, sourceHeadings } from './editor-steps';
import { expect, snap, test } from './fixtures';
import { ROOT } from './harness/sites';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const SEED_FILE = path.join(FIXTURES, 'seed-article.txt');
const SEED_TEXT = readFileSync(SEED_FILE, 'utf8');
const HOSTILE_DIR = path.join(FIXTURES, 'import', 'hostile');
const HEADLINE = 'Upcoming Safety Assurances for the Washington Meeting';
const SEED_NAME = 'upcoming-safety-assurances-for-the-washington-meeting.copydesk';

/** Anything that could run: scripts, handlers, script or data URLs, and the corpus's marker. */
const HOSTILE = /<script|\son[a-z]+\s*=|javascript:|vbscript:|data:text|PWNED/iu;

function report(page: Page) {
  return page.getByRole('dialog', { name: 'Import report' });
}

function offer(page: Page) {
  return page.getByRole('group', { name: 'Citations in the pasted text' });
}

/** Every link, image, source and "Read also" URL of a draft file's JSON. */
function urlsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) urlsOf(item, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'href' || key === 'src' || key === 'url') && typeof item === 'string') out.push(item);
      else urlsOf(item, out);
    }
  }
  return out;
}

/** The editor's HTML (what ProseMirror drew from the document). */
async function editorHtml(page: Page): Promise<string> {
  return editor(page).evaluate((node) => node.innerHTML);
}

/** axe-core finds no serious or critical violation on the page (the report and the offer bar included). */
async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), where).toEqual([]);
}

/** Opens a new draft and puts the cursor in the first body paragraph. */
async function draftWithBody(page: Page, headline: string): Promise<void> {
  await createDraft(page);
  await page.keyboard.type(headline);
  await newBlock(page);
  await page.keyboard.type('A standfirst.');
  await newBlock(page);
}

test.describe('File > Import…', () => {
  test('the seed text becomes a draft with [1] and [2] chips, two sources and a report', async ({ page, dialogs, sendMenu, workspace }) => {
    await expect(page.getByRole('button', { name: 'Import…' })).toBeVisible();
    dialogs.answerNextImport(SEED_FILE);
    await sendMenu('import');
    const dialog = report(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`“seed-article.txt” (plain text) is now the draft “${SEED_NAME.replace('.copydesk', '')}”.`);
    const recognised = dialog.getByRole('region', { name: 'Recognised' }).getByRole('listitem');
    await expect(recognised).toHaveText(['2 sources', '11 citations', '1 “Read also” item']);
    await expect(dialog.getByRole('region', { name: 'Left out' })).toContainText('Page chrome: “Skip to content”.');
    await expect(dialog.getByRole('region', { name: 'Decisions' })).toContainText('appears twice');
    await expect(dialog.getByRole('region', { name: 'Problems' })).toContainText('has no URL');
    await expect(dialog.getByRole('button', { name: 'Start editing' })).toBeFocused();
    await snap(page, 'import-report');
    await expectAccessible(page, 'the import report');
    await dialog.getByRole('button', { name: 'Start editing' }).click();
    await expect(dialog).toBeHidden();
    await expect(editor(page)).toBeFocused();

    await expect(editor(page).locator('h1.cd-headline')).toHaveText(HEADLINE);
    await expect(chips(page)).toHaveCount(11);
    await expect(chips(page).filter({ hasText: '[1]' })).toHaveCount(6);
    await expect(chips(page).filter({ hasText: '[2]' })).toHaveCount(5);
    await expect(chips(page).first()).toHaveText('[1]');
    await expect(sourceHeadings(page)).toHaveCount(2);
    await expect(sourceHeadings(page).first()).toContainText('[1] U.S. and allies');
    expect(dialogs.asked).toEqual(['import']);
    expect((await fs.readdir(workspace)).filter((n) => n.endsWith('.copydesk'))).toEqual([SEED_NAME]);
  });

  test('Cancel does nothing; the library button asks the same dialog', async ({ page, dialogs, sendMenu, workspace }) => {
    const before = await fs.readdir(workspace);
    await page.getByRole('button', { name: 'Import…' }).click();
    await expect.poll(() => dialogs.asked).toEqual(['import']);
    await sendMenu('import');
    await expect.poll(() => dialogs.asked).toEqual(['import', 'import']);
    await nextFrame(page);
    await expect(report(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'New draft', exact: true })).toBeVisible();
    await expect(page.getByRole('alert')).toBeEmpty();
    expect(await fs.readdir(workspace)).toEqual(before);

    // The button imports, too: a second import of the same file gets a name of its own.
    dialogs.answerNextImport(SEED_FILE);
    await page.getByRole('button', { name: 'Import…' }).click();
    await report(page).getByRole('button', { name: 'Start editing' }).click();
    await expect(chips(page)).toHaveCount(11);
    dialogs.answerNextImport(SEED_FILE);
    await sendMenu('import');
    await expect(report(page)).toContainText(`is now the draft “${SEED_NAME.replace('.copydesk', '-2')}”`);
    await page.keyboard.press('Escape');
    await expect(report(page)).toBeHidden();
    expect((await fs.readdir(workspace)).filter((n) => n.endsWith('.copydesk')).sort()).toEqual([SEED_NAME.replace('.copydesk', '-2.copydesk'), SEED_NAME]);
  });

  test('a file that cannot be imported is refused with a message, nothing written', async ({ page, dialogs, sendMenu, workspace, session }) => {
    const latin1 = path.join(session.root, 'latin1.txt');
    await fs.writeFile(latin1, Buffer.from('Caf\xe9 [1]\n', 'latin1'));
    dialogs.answerNextImport(latin1);
    await sendMenu('import');
    await expect(page.getByRole('alert')).toContainText('“latin1.txt”: not UTF-8 text.');
    expect((await fs.readdir(workspace)).filter((n) => n.endsWith('.copydesk'))).toEqual([]);
  });

  test('the hostile HTML corpus imports with nothing hostile in the drafts or the export', async ({ page, dialogs, sendMenu, workspace }) => {
    page.on('dialog', (d) => {
      throw new Error(`a page dialog opened: ${d.message()}`);
    });
    const files = (await fs.readdir(HOSTILE_DIR)).filter((f) => f.endsWith('.html')).sort();
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      dialogs.answerNextImport(path.join(HOSTILE_DIR, file));
      await sendMenu('import');
      await expect(report(page)).toContainText(`“${file}” (HTML)`);
      await report(page).getByRole('button', { name: 'Start editing' }).click();
      await expect(report(page)).toBeHidden();
      expect(await editorHtml(page), file).not.toMatch(HOSTILE);
    }
    const drafts = (await fs.readdir(workspace)).filter((n) => n.endsWith('.copydesk'));
    expect(drafts).toHaveLength(files.length);
    for (const name of drafts) {
      const text = await fs.readFile(path.join(workspace, name), 'utf8');
      expect(text, name).not.toContain('PWNED');
      for (const url of urlsOf(JSON.parse(text))) expect(url, name).toMatch(/^(?:$|https?:\/\/|mailto:|#|assets\/)/u);
    }

    // The last one (urls.html) cites a source: its chip and source survive, its export is clean.
    expect(files.at(-1)).toBe('urls.html');
    await expect(chips(page).first()).toHaveText('[1]');
    await expect(editor(page).locator('a[href^="https://example.com/ok"]')).toHaveCount(1);
    await sendMenu('export-html');
    const exported = dialogs.exportPath('hidden-schemes.html');
    await expect.poll(() => fs.readFile(exported, 'utf8').catch(() => '')).toContain('<sup');
    const html = await fs.readFile(exported, 'utf8');
    expect(html).not.toMatch(HOSTILE);
    expect(html).toContain('https://example.com/ok');
  });
});

test.describe('the paste offer', () => {
  test('pasting the seed text offers footnotes; Convert makes them; one undo gives the text back', async ({ page, workspace, sendMenu }) => {
    await draftWithBody(page, 'Paste target');
    await pasteData(page, { 'text/plain': SEED_TEXT });
    const bar = offer(page);
    await expect(bar).toBeVisible();
    await expect(bar).toContainText('This text has 11 citations and 2 sources. Turn them into footnotes?');
    await expect(page.getByRole('status').filter({ hasText: 'Turn them into footnotes?' })).toHaveCount(1);
    await expect(chips(page)).toHaveCount(0);
    await expect(editor(page)).toContainText(`[1] "U.S. and allies`);
    const plain = await editor(page).innerText();
    await snap(page, 'paste-offer');
    await expectAccessible(page, 'the paste offer');

    await bar.getByRole('button', { name: 'Convert to footnotes' }).click();
    await expect(bar).toBeHidden();
    await expect(editor(page)).toBeFocused();
    await expect(chips(page)).toHaveCount(11);
    await expect(chips(page).first()).toHaveText('[1]');
    await expect(sourceHeadings(page)).toHaveCount(2);
    await expect(sourceHeadings(page).first()).toContainText('[1] U.S. and allies');
    await expect(editor(page).locator('h2', { hasText: HEADLINE })).toHaveCount(1);
    await expect(editor(page)).not.toContainText(`[1] "U.S. and allies`);

    await page.keyboard.press('Control+z');
    await expect(chips(page)).toHaveCount(0);
    await expect(sourceHeadings(page)).toHaveCount(0);
    expect(await editor(page).innerText()).toBe(plain);
    await expect(bar).toBeHidden();

    // Redo converts again; the saved draft holds the sources.
    await page.keyboard.press('Control+Shift+z');
    await expect(chips(page)).toHaveCount(11);
    await sendMenu('save');
    await expect(saveState(page)).toHaveText('Saved');
    const saved = await draftOnDisk(workspace, 'Paste target');
    expect(saved.json.doc.content.at(-1)?.content).toHaveLength(2);
    expect(saved.text).toContain('"outlet": "Reuters"');
  });

  test('Keep as text leaves the paste; the offer is reached with Tab and dismissed with Escape', async ({ page }) => {
    await draftWithBody(page, 'Keep target');
    await pasteData(page, { 'text/plain': SEED_TEXT });
    const bar = offer(page);
    await expect(bar).toBeVisible();
    await bar.getByRole('button', { name: 'Keep as text' }).click();
    await expect(bar).toBeHidden();
    await expect(editor(page)).toBeFocused();
    await expect(chips(page)).toHaveCount(0);
    await expect(editor(page)).toContainText(`[2] "Security Guarantees`);

    // The keyboard: Tab reaches Convert, Enter converts.
    await page.keyboard.press('End');
    await newBlock(page);
    await pasteData(page, { 'text/plain': 'A claim [1].\n\n[1] “A report,” The Outlet, 2024.' });
    await expect(bar).toContainText('This text has 1 citation and 1 source.');
    await page.keyboard.press('Tab');
    await expect(bar.getByRole('button', { name: 'Convert to footnotes' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(bar).toBeHidden();
    await expect(editor(page)).toBeFocused();
    await expect(chips(page)).toHaveText(['[1]']);
    await expect(sourceHeadings(page)).toHaveCount(1);
    await expect(sourceHeadings(page).first()).toContainText('[1] A report');

    // Escape in the text keeps it as pasted.
    await pasteData(page, { 'text/plain': 'Another claim [1].\n\n[1] “Second report,” The Outlet, 2025.' });
    await expect(bar).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(bar).toBeHidden();
    await expect(editor(page)).toContainText('Another claim [1].');
    await expect(chips(page)).toHaveCount(1);
  });

  test('an ordinary paste, or citations without references, make no offer', async ({ page }) => {
    await draftWithBody(page, 'Ordinary');
    await pasteData(page, { 'text/plain': 'Just a sentence.\nAnother one.', 'text/html': '<p>Just a <b>sentence</b>.</p><p>Another one.</p>' });
    await expect(editor(page)).toContainText('Another one.');
    await pasteData(page, { 'text/plain': 'A claim [1] with no reference list.' });
    await expect(editor(page)).toContainText('with no reference list.');
    // The analysis runs after the paste: once the offer bar says it is done, no offer is showing.
    // (The bar is hidden then, so it is found by its class: roles skip hidden elements.)
    await expect(page.locator('.cd-paste-offer')).toHaveAttribute('data-paste-analysis', 'done');
    await expect(offer(page)).toBeHidden();
  });

  test('hostile HTML stays sanitised, pasted as it is and converted', async ({ page, workspace, sendMenu }) => {
    page.on('dialog', (d) => {
      throw new Error(`a page dialog opened: ${d.message()}`);
    });
    const hostile = readFileSync(path.join(HOSTILE_DIR, 'urls.html'), 'utf8');
    await draftWithBody(page, 'Hostile paste');
    await pasteData(page, { 'text/html': hostile, 'text/plain': 'Cited claim. [1]' });
    const bar = offer(page);
    await expect(bar).toBeVisible();
    await expect(chips(page)).toHaveCount(0);
    expect(await editorHtml(page)).not.toMatch(/<script|\son[a-z]+\s*=|javascript:|vbscript:|data:text/iu);
    await bar.getByRole('button', { name: 'Convert to footnotes' }).click();
    await expect(chips(page).first()).toHaveText('[1]');
    expect(await editorHtml(page)).not.toMatch(HOSTILE);
    await sendMenu('save');
    await expect(saveState(page)).toHaveText('Saved');
    const saved = (await draftOnDisk(workspace, 'Hostile paste')).text;
    expect(saved).not.toContain('PWNED');
    for (const url of urlsOf(JSON.parse(saved))) expect(url).toMatch(/^(?:$|https?:\/\/|mailto:|#|assets\/)/u);
  });
});
