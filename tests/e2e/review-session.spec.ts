/**
 * Issue 12's review session, through the UI only, on the real services: an editor opens the seed
 * article in Suggesting mode, fixes the headline, deletes a sentence, changes a citation's
 * source, adds a word and comments on a paragraph; the reporter (a second installation on the
 * same workspace, so another author) sees the cards, replies, accepts two and rejects one; the
 * draft is saved, reloaded, and exported clean and with review. Axe finds nothing serious with the
 * Review panel open; the screenshots of the panel are the README's.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { parseDraft } from '../../shared/draft/format';
import { indexReview } from '../../shared/review/index';
import { expectNoSeriousViolations } from './accessibility-check';
import { editor, giveName, pickSource, saveState } from './editor-steps';
import { expect, fixtureText, snap, test } from './fixtures';

const HEADLINE = 'Upcoming Safety Assurances for the Washington Meeting';
const SENTENCE = ' Other European heads of state and government have also announced their attendance for the upcoming discussions.';
const COMMENT = 'Is the Alaska summit the right reference here?';
const REPLY = 'Yes: it is the summit of August, see the Reuters piece.';
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') }, viewport: { width: 1280, height: 800 } });

function panel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Review' });
}
function cards(page: Page): Locator {
  return panel(page).locator('.cd-review-card');
}


/** Selects `text` inside `block` as a person dragging over it would (the DOM selection, read by the editor). */
async function selectText(page: Page, block: Locator, text: string): Promise<void> {
  await block.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf(wanted);
      if (at >= 0) {
        window.getSelection()?.setBaseAndExtent(node, at, node, at + wanted.length);
        return;
      }
    }
    throw new Error(`no text ${JSON.stringify(wanted)} in the block`);
  }, text);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(text);
}

async function openDraft(page: Page, headline: string): Promise<void> {
  await page.getByRole('button', { name: headline, exact: true }).click();
  await expect(editor(page)).toBeFocused();
}

async function savedToDisk(page: Page): Promise<void> {
  await page.keyboard.press(`${mod}+s`);
  await expect(saveState(page)).toHaveText(/Saved/u);
}

test('an editor suggests and comments; the reporter replies, accepts two, rejects one; saved, reloaded, exported clean and with review', async ({ page, workspace, openWindow, dialogs, sendMenu }) => {
  const text = editor(page);

  await test.step('the editor opens the seed in Suggesting mode', async () => {
    await openDraft(page, HEADLINE);
    await page.keyboard.press(`${mod}+Alt+Shift+x`);
    await giveName(page, 'Edna Editor');
    await expect(page.getByRole('button', { name: /Suggesting/u }).first()).toBeVisible();
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await expect(panel(page)).toBeVisible();
  });

  await test.step('fixes the headline: "Safety" becomes "Security"', async () => {
    await selectText(page, text.locator('h1'), 'Safety');
    await page.keyboard.type('Security');
    await expect(text.locator('h1 del.cd-del')).toHaveText('Safety');
    await expect(text.locator('h1 ins.cd-ins')).toHaveText('Security');
  });

  await test.step('deletes a sentence', async () => {
    const paragraph = text.locator('p', { hasText: 'According to an unconfirmed report by' });
    await selectText(page, paragraph, SENTENCE);
    await page.keyboard.press('Backspace');
    await expect(paragraph.locator('del.cd-del')).toHaveText(SENTENCE);
  });

  await test.step('adds a word to the standfirst', async () => {
    const standfirst = text.locator('p.cd-standfirst');
    await selectText(page, standfirst, 'objective');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('diplomatic ');
    await expect(standfirst.locator('ins.cd-ins')).toHaveText('diplomatic ');
  });

  await test.step("changes a citation's source: Reuters → Council on Foreign Relations", async () => {
    const paragraph = text.locator('p', { hasText: 'Russia, according to Witkoff' });
    await paragraph.locator('sup.cd-cite').first().click();
    await page.keyboard.press('Control+Alt+f');
    await pickSource(page, 'Council', 'Security Guarantees for Ukraine');
    await expect(cards(page).filter({ hasText: 'Changed source: Reuters → Council on Foreign Relations' })).toHaveCount(1);
  });

  await test.step('comments on a paragraph', async () => {
    await text.locator('p', { hasText: 'The meeting in Washington is crucial' }).click();
    await page.keyboard.press(`${mod}+Alt+m`);
    const box = panel(page).getByRole('textbox', { name: 'New comment' });
    await expect(box).toBeFocused();
    await box.fill(COMMENT);
    await page.keyboard.press(`${mod}+Enter`);
    await expect(cards(page).filter({ hasText: COMMENT })).toHaveCount(1);
    await expect(cards(page)).toHaveCount(5);
    await expect(panel(page)).toContainText('Edna Editor');
    // Edit > Next Change, from the commented paragraph: the deleted sentence further down.
    await text.locator('p', { hasText: 'The meeting in Washington is crucial' }).click();
    await sendMenu('review-next');
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toContain('Other European heads of state');
  });

  await test.step('axe finds nothing serious with the Review panel open; the README screenshot', async () => {
    await expectNoSeriousViolations(page, 'the editor with the Review panel open');
    await snap(page, 'review-editor-1280x800');
    await savedToDisk(page);
    const onDisk = parseDraft(await fs.readFile(path.join(workspace, 'seed.copydesk'), 'utf8'));
    const index = indexReview(onDisk.doc);
    expect(index.suggestions.map((s) => s.description)).toEqual([
      'Replaced: “Safety” → “Security”',
      expect.stringMatching(/^Inserted: “diplomatic/u),
      'Changed source: Reuters → Council on Foreign Relations',
      expect.stringMatching(/^Deleted: “Other European heads/u),
    ]);
    expect(index.threads.map((t) => t.thread.messages[0]?.text)).toEqual([COMMENT]);
    // The editor leaves the draft for the reporter.
    await page.getByRole('button', { name: 'Library' }).first().click();
  });

  const reporter = await openWindow({ installation: 'another' });
  const rText = editor(reporter);

  await test.step("the reporter's window sees the cards and replies", async () => {
    await reporter.getByRole('button', { name: 'Upcoming Security Assurances for the Washington Meeting', exact: true }).click();
    await expect(rText).toBeFocused();
    await reporter.getByRole('button', { name: 'Review', exact: true }).click();
    await expect(cards(reporter)).toHaveCount(5);
    const thread = cards(reporter).filter({ hasText: COMMENT });
    await thread.getByRole('button', { name: 'Reply' }).click();
    await thread.getByRole('textbox', { name: 'Reply' }).fill(REPLY);
    await reporter.keyboard.press(`${mod}+Enter`);
    await giveName(reporter, 'Rita Reporter');
    await expect(thread).toContainText(REPLY);
    await expect(thread).toContainText('Rita Reporter');
  });

  await test.step('accepts two, rejects one', async () => {
    await cards(reporter).filter({ hasText: 'Safety' }).getByRole('button', { name: 'Accept' }).click();
    await cards(reporter).filter({ hasText: 'Changed source' }).getByRole('button', { name: 'Accept' }).click();
    await cards(reporter).filter({ hasText: 'Other European heads' }).getByRole('button', { name: 'Reject' }).click();
    await expect(rText.locator('h1')).toHaveText('Upcoming Security Assurances for the Washington Meeting');
    await expect(rText.locator('del.cd-del')).toHaveCount(0);
    await expect(rText).toContainText(SENTENCE.trim());
    await expect(cards(reporter)).toHaveCount(2); // the pending word, the thread
    await snap(reporter, 'review-reporter-1280x800');
    await savedToDisk(reporter);
  });

  await test.step('reloaded, the review is as it was left', async () => {
    await reporter.reload();
    await reporter.getByRole('button', { name: 'Upcoming Security Assurances for the Washington Meeting', exact: true }).click();
    await expect(rText).toBeFocused();
    await reporter.getByRole('button', { name: 'Review', exact: true }).click();
    await expect(cards(reporter)).toHaveCount(2);
    await expect(rText.locator('p.cd-standfirst ins.cd-ins')).toHaveText('diplomatic ');
    await expect(cards(reporter).filter({ hasText: REPLY })).toHaveCount(1);
  });

  await test.step('exported clean and with review', async () => {
    await reporter.close();
    await openDraft(page, 'Upcoming Security Assurances for the Washington Meeting');
    const ask = page.getByRole('dialog', { name: 'Export as HTML' });
    const option = ask.getByRole('checkbox', { name: 'Include suggestions and comments' });

    const clean = path.join(dialogs.exportsDir, 'clean.html');
    dialogs.answerNextExport(clean);
    await sendMenu('export-html');
    await expect(option).not.toBeChecked();
    await ask.getByRole('button', { name: 'Export…' }).click();
    await expect(page.getByRole('status').getByText('Exported to clean.html.')).toBeVisible();
    const cleanHtml = await fs.readFile(clean, 'utf8');
    expect(cleanHtml).toContain('Upcoming Security Assurances for the Washington Meeting');
    expect(cleanHtml).toContain('a significant diplomatic objective');
    expect(cleanHtml).toContain(SENTENCE.trim());
    expect(cleanHtml).not.toMatch(/Safety|<ins|<del|<mark|Alaska summit the right|Rita Reporter|Edna Editor/u);
    expect(cleanHtml).not.toMatch(/[\u200B-\u200D\u2060\uFEFF]/u);

    const reviewed = path.join(dialogs.exportsDir, 'review.html');
    dialogs.answerNextExport(reviewed);
    await sendMenu('export-html');
    await option.check();
    await ask.getByRole('button', { name: 'Export…' }).click();
    await expect(page.getByRole('status').getByText('Exported to review.html.')).toBeVisible();
    const reviewHtml = await fs.readFile(reviewed, 'utf8');
    expect(reviewHtml).toMatch(/<ins[^>]*>diplomatic <\/ins>/u);
    expect(reviewHtml).toContain('<mark');
    for (const words of [COMMENT, 'Edna Editor', 'Rita Reporter']) expect(reviewHtml).toContain(words);
    expect(reviewHtml).toContain('the Reuters piece');

    const markdown = path.join(dialogs.exportsDir, 'review.md');
    dialogs.answerNextExport(markdown);
    await sendMenu('export-markdown');
    await page.getByRole('dialog', { name: 'Export as Markdown' }).getByRole('checkbox', { name: 'Include suggestions and comments' }).check();
    await page.getByRole('dialog', { name: 'Export as Markdown' }).getByRole('button', { name: 'Export…' }).click();
    await expect(page.getByRole('status').getByText('Exported to review.md.')).toBeVisible();
    const reviewMd = await fs.readFile(markdown, 'utf8');
    expect(reviewMd).toContain('{++diplomatic ++}');
    expect(reviewMd).toContain(COMMENT);
  });
});
