/**
 * A reporter's whole session, through the UI only (keyboard, mouse, real clipboard events), on
 * the real main-process services: write a draft, cite sources (the numbers follow the text),
 * undo and redo, a "Read also" block, a hostile web paste, a cited paragraph copied into a second
 * draft, save, reload, and both exports — each checked in the page and in the files on disk.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { VIEWPORTS } from './viewports';
import {
  backToLibrary,
  chips,
  copySelection,
  createDraft,
  draftOnDisk,
  editor,
  editSource,
  fillNewSource,
  newBlock,
  nextFrame,
  pasteData,
  pickSource,
  saveState,
  sourceHeadings,
  sourcesPanel,
} from './editor-steps';

const HEADLINE = 'Council passes the harbour budget after a long night';
const STANDFIRST = 'The vote ends a year of argument over the dredging contract.';
const P1 = 'The council approved the budget on Monday by nine votes to four.';
const P2 = 'Critics called the dredging plan reckless.';
const P3 = 'The mayor said the port would pay for itself within a decade.';

const AUDIT = { title: 'Harbour audit 2024', outlet: 'City Auditor', date: '2024-11-02', url: 'https://audit.example.org/harbour-2024', note: 'Section 4, dredging costs.' };
const MINUTES = { title: 'Council minutes, 14 April', outlet: 'Town Hall Records', date: '2025-04-14', url: 'https://records.example.org/minutes/2025-04-14' };

const READ_ALSO = [
  { title: 'How the port lost its dredger', url: 'https://news.example.org/port-dredger' },
  { title: 'Five numbers in the harbour budget', url: 'https://news.example.org/harbour-numbers' },
];

// A snippet as a web page puts it on the clipboard: a script, an event handler, a javascript:
// link, next to what must survive (a heading, a list, a safe link, bold and italic).
const WEB_HTML = [
  '<meta charset="utf-8"><h2>From the wire</h2>',
  '<p>Port officials <b>confirmed</b> the <i>figures</i>: <a href="javascript:window.__pwned=1">read the memo</a> and <a href="https://wire.example.org/harbour">the wire story</a>.</p>',
  '<script>window.__pwned = 2</script>',
  '<ul><li onclick="window.__pwned=3">Dredging resumes in May</li></ul>',
].join('');

const SECOND_HEADLINE = 'What the harbour critics want';

for (const size of VIEWPORTS) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport });

    test('a reporter writes, cites, pastes, copies between drafts, saves, reloads and exports', async ({ page, workspace, dialogs, sendMenu }) => {
      const text = editor(page);
      const panel = sourcesPanel(page);

      await test.step('create a draft and write headline, standfirst and paragraphs', async () => {
        await createDraft(page);
        await page.keyboard.type(HEADLINE);
        await newBlock(page);
        await page.keyboard.type(STANDFIRST);
        await newBlock(page);
        await page.keyboard.type(P1);
        await newBlock(page);
        await page.keyboard.type(P2);
        await expect(text.locator('h1.cd-headline')).toHaveText(HEADLINE);
        await expect(text.locator('p.cd-standfirst')).toHaveText(STANDFIRST);
        await expect(page.getByText(`Headline ${String(HEADLINE.length)} / `)).toBeVisible();
        await expect(panel).toBeVisible(); // the Sources panel is open by default
      });

      await test.step('cite a new source with Ctrl+Alt+F, then cite it again from the toolbar', async () => {
        await page.keyboard.press('Control+Alt+f'); // cursor at the end of P2
        await fillNewSource(page, AUDIT);
        await expect(chips(page)).toHaveText(['[1]']);
        await expect(text).toBeFocused();
        // Again, at the end of P1.
        await text.locator('p', { hasText: P1 }).click();
        await page.keyboard.press('End');
        await nextFrame(page);
        await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Cite source' }).click();
        await pickSource(page, 'auditor', AUDIT.title);
        await expect(chips(page)).toHaveText(['[1]', '[1]']);
        await expect(sourceHeadings(page)).toHaveText([`[1] ${AUDIT.title}`]);
        await expect(panel.getByText('cited 2 times')).toBeVisible();
      });

      await test.step('cite a second source before the first citation: the numbers swap', async () => {
        // On its first line: Home goes to the start of the line, and where P1 wraps depends on the fonts.
        await text.locator('p', { hasText: P1 }).click({ position: { x: 20, y: 10 } });
        await page.keyboard.press('Home');
        for (let i = 0; i < 'The council'.length; i++) await page.keyboard.press('ArrowRight');
        await nextFrame(page); // ProseMirror reads the caret the keys moved on selectionchange
        await page.keyboard.press('Control+Alt+f');
        const picker = page.getByRole('dialog', { name: 'Cite a source' });
        await expect(picker).toBeVisible();
        await picker.getByRole('option', { name: 'New source…' }).click();
        await fillNewSource(page, MINUTES);
        await expect(text.locator('p', { hasText: 'approved the budget' })).toContainText('The council[1] approved');
        await expect(chips(page)).toHaveText(['[1]', '[2]', '[2]']);
        await expect(chips(page).first()).toHaveAttribute('aria-label', `Citation 1: ${MINUTES.title}`);
        await expect(chips(page).nth(1)).toHaveAttribute('aria-label', `Citation 2: ${AUDIT.title}`);
        await expect(sourceHeadings(page)).toHaveText([`[1] ${MINUTES.title}`, `[2] ${AUDIT.title}`]);
      });

      await test.step('undo takes the citation and its source back in one step; redo brings both back', async () => {
        await expect(text).toBeFocused();
        await page.keyboard.press('Control+z');
        await expect(chips(page)).toHaveText(['[1]', '[1]']);
        await expect(sourceHeadings(page)).toHaveText([`[1] ${AUDIT.title}`]);
        await expect(text).not.toContainText(MINUTES.title);
        await page.keyboard.press('Control+Shift+z');
        await expect(chips(page)).toHaveText(['[1]', '[2]', '[2]']);
        await expect(sourceHeadings(page)).toHaveText([`[1] ${MINUTES.title}`, `[2] ${AUDIT.title}`]);
        // The toolbar's buttons do the same.
        const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
        await toolbar.getByRole('button', { name: 'Undo' }).click();
        await expect(sourceHeadings(page)).toHaveText([`[1] ${AUDIT.title}`]);
        await toolbar.getByRole('button', { name: 'Redo' }).click();
        await expect(sourceHeadings(page)).toHaveText([`[1] ${MINUTES.title}`, `[2] ${AUDIT.title}`]);
        await expect(chips(page)).toHaveText(['[1]', '[2]', '[2]']);
      });

      await test.step('add a "Read also" block with two items', async () => {
        await text.locator('p', { hasText: P2 }).click();
        await page.keyboard.press('End');
        await nextFrame(page);
        await newBlock(page);
        await page.keyboard.type(P3);
        await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert “Read also” block' }).click();
        const block = text.getByRole('group', { name: '“Read also” block' });
        await expect(block).toBeVisible();
        await block.getByRole('button', { name: 'Add item' }).click();
        for (const [i, item] of READ_ALSO.entries()) {
          const n = String(i + 1);
          await block.getByRole('textbox', { name: `Title of “Read also” item ${n}` }).fill(item.title);
          await block.getByRole('textbox', { name: `Title of “Read also” item ${n}` }).press('Enter');
          await block.getByRole('textbox', { name: `URL of “Read also” item ${n}` }).fill(item.url);
          await block.getByRole('textbox', { name: `URL of “Read also” item ${n}` }).press('Enter');
        }
        await expect(block.getByRole('button', { name: `Remove “${READ_ALSO[1]!.title}”` })).toBeVisible();
        await expect(block.getByRole('textbox', { name: 'URL of “Read also” item 2' })).toHaveValue(READ_ALSO[1]!.url);
        await expect(block.getByRole('textbox', { name: 'URL of “Read also” item 1' })).not.toHaveAttribute('aria-invalid', 'true');
      });

      await test.step('paste a web snippet: script, handler and javascript: link are gone, the rest stays', async () => {
        await text.locator('p', { hasText: P3 }).click();
        await page.keyboard.press('End');
        await nextFrame(page);
        await newBlock(page);
        await pasteData(page, { 'text/html': WEB_HTML, 'text/plain': 'From the wire' });
        await expect(text.getByRole('heading', { name: 'From the wire', level: 2 })).toBeVisible();
        await expect(text.locator('strong', { hasText: 'confirmed' })).toBeVisible();
        await expect(text.locator('em', { hasText: 'figures' })).toBeVisible();
        await expect(text.getByRole('link', { name: 'the wire story' })).toHaveAttribute('href', 'https://wire.example.org/harbour');
        await expect(text.getByRole('listitem').filter({ hasText: 'Dredging resumes in May' })).toHaveText('Dredging resumes in May');
        await expect(text.locator('p', { hasText: P3 })).toHaveText(P3); // the paste went after it, not into it
        await expect(text).toContainText('read the memo'); // its text stays, without the link
        await expect(text.getByRole('link', { name: 'read the memo' })).toHaveCount(0);
        expect(await page.locator('script:not([src]), [onclick], a[href^="javascript:" i]').count()).toBe(0);
        expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
      });

      await test.step('save, and the file holds all of it (and nothing of the hostile paste)', async () => {
        await sendMenu('save');
        await expect(saveState(page)).toHaveText('Saved');
        const saved = await draftOnDisk(workspace, HEADLINE);
        expect(saved.text).toContain(STANDFIRST);
        expect(saved.text).toContain(MINUTES.url);
        expect(saved.text).toContain(AUDIT.note);
        expect(saved.text).toContain(READ_ALSO[1]!.url);
        expect(saved.text).toContain('https://wire.example.org/harbour');
        expect(saved.text).not.toMatch(/<script|javascript:|onclick|__pwned/iu);
        const types = saved.json.doc.content.map((n) => n.type);
        expect(types.slice(0, 2)).toEqual(['headline', 'standfirst']);
        expect(types).toContain('read_also');
        expect(types.at(-1)).toBe('sources');
        expect(saved.json.doc.content.at(-1)?.content).toHaveLength(2);
      });

      let copied: Record<string, string> = {};
      await test.step('copy the paragraph citing the audit', async () => {
        // A triple click on the paragraph's first word selects the paragraph.
        await text.locator('p', { hasText: P2 }).click({ clickCount: 3, position: { x: 20, y: 10 } });
        copied = await copySelection(page);
        expect(Object.keys(copied)).toEqual(expect.arrayContaining(['text/html', 'text/plain', 'application/x-copydesk-slice+json']));
        expect(copied['text/plain']).toContain(P2);
        expect(copied['application/x-copydesk-slice+json']).toContain(AUDIT.title);
      });

      await test.step('paste it into a second draft: its source comes along', async () => {
        await backToLibrary(page);
        await createDraft(page);
        await page.keyboard.type(SECOND_HEADLINE);
        await newBlock(page);
        await newBlock(page); // an empty standfirst; the cursor in the first paragraph
        await pasteData(page, copied);
        await expect(text).toContainText(P2);
        await expect(chips(page)).toHaveText(['[1]']);
        await expect(chips(page).first()).toHaveAttribute('aria-label', `Citation 1: ${AUDIT.title}`);
        await expect(sourceHeadings(page)).toHaveText([`[1] ${AUDIT.title}`]);
        // Pasted again, it cites the same source: merged, not duplicated.
        await newBlock(page);
        await pasteData(page, copied);
        await expect(chips(page)).toHaveText(['[1]', '[1]']);
        await expect(sourceHeadings(page)).toHaveText([`[1] ${AUDIT.title}`]);
        const entry = await editSource(page, `[1] ${AUDIT.title}`);
        await expect(entry.getByText(/cited 2 times/u)).toBeVisible();
        await expect(entry.getByLabel('Outlet')).toHaveValue(AUDIT.outlet);
        await expect(entry.getByLabel('URL')).toHaveValue(AUDIT.url);
        await expect(entry.getByLabel('Note')).toHaveValue(AUDIT.note);
        await sendMenu('save');
        await expect(saveState(page)).toHaveText('Saved');
        const second = await draftOnDisk(workspace, SECOND_HEADLINE);
        const sources = second.json.doc.content.at(-1);
        expect(sources?.type).toBe('sources');
        expect(JSON.stringify(sources)).toContain(AUDIT.url);
        expect(sources?.content).toHaveLength(1);
        expect(second.text).not.toContain(MINUTES.title);
      });

      await test.step('reload the page: both drafts are listed, and the first one is all there', async () => {
        await page.reload();
        await expect(page.getByRole('button', { name: HEADLINE, exact: true })).toBeVisible();
        await expect(page.getByRole('button', { name: SECOND_HEADLINE, exact: true })).toBeVisible();
        await page.getByRole('button', { name: HEADLINE, exact: true }).click();
        await expect(text.locator('h1.cd-headline')).toHaveText(HEADLINE);
        await expect(text.locator('p.cd-standfirst')).toHaveText(STANDFIRST);
        await expect(chips(page)).toHaveText(['[1]', '[2]', '[2]']);
        await expect(chips(page).first()).toHaveAttribute('aria-label', `Citation 1: ${MINUTES.title}`);
        await expect(sourceHeadings(page)).toHaveText([`[1] ${MINUTES.title}`, `[2] ${AUDIT.title}`]);
        const block = text.getByRole('group', { name: '“Read also” block' });
        for (const [i, item] of READ_ALSO.entries()) {
          await expect(block.getByRole('textbox', { name: `Title of “Read also” item ${String(i + 1)}` })).toHaveValue(item.title);
          await expect(block.getByRole('textbox', { name: `URL of “Read also” item ${String(i + 1)}` })).toHaveValue(item.url);
        }
        await expect(text.getByRole('heading', { name: 'From the wire' })).toBeVisible();
        await expect(saveState(page)).toHaveText('Saved');
      });

      await test.step('export HTML and Markdown and read the files', async () => {
        const html = path.join(dialogs.exportsDir, 'session.html');
        const md = path.join(dialogs.exportsDir, 'session.md');
        dialogs.answerNextExport(html);
        await sendMenu('export-html');
        await expect(page.getByRole('status').getByText('Exported to session.html.')).toBeVisible();
        dialogs.answerNextExport(md);
        await sendMenu('export-markdown');
        await expect(page.getByRole('status').getByText('Exported to session.md.')).toBeVisible();
        expect(dialogs.asked.filter((a) => a.startsWith('export:'))).toHaveLength(2);

        const page1 = await fs.readFile(html, 'utf8');
        expect(page1).toContain(HEADLINE);
        expect(page1).toContain(STANDFIRST);
        expect(page1).toMatch(/<aside\b/u);
        for (const item of READ_ALSO) expect(page1).toContain(item.url);
        expect(page1).toMatch(/<li id="cd-fn-1">[^\n]*Council minutes, 14 April/u); // footnotes in number order
        expect(page1).toMatch(/<li id="cd-fn-2">[^\n]*Harbour audit 2024[^\n]*Section 4, dredging costs\./u);
        expect(page1.match(/href="#cd-fn-2"/gu)).toHaveLength(2);
        expect(page1).toContain('https://wire.example.org/harbour');
        expect(page1).not.toMatch(/<script|javascript:|onclick|__pwned/iu);

        const text1 = await fs.readFile(md, 'utf8');
        expect(text1).toMatch(new RegExp(`^# ${HEADLINE}$`, 'mu'));
        expect(text1).toContain('The council[^1] approved');
        expect(text1.match(/\[\^2\]/gu)).toHaveLength(3); // two citations and the definition
        expect(text1).toMatch(/^\[\^1\]: .*Council minutes, 14 April/mu);
        expect(text1).toMatch(/^\[\^2\]: .*Harbour audit 2024/mu);
        for (const item of READ_ALSO) expect(text1).toContain(item.url);
        expect(text1).not.toMatch(/<script|javascript:|onclick|__pwned/iu);
      });
    });
  });
}
