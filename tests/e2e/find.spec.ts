/**
 * Find and replace (Edit > Find…, Ctrl+F; renderer/app/draft-screen/FindBar.tsx over
 * renderer/editor/find.ts): on the seed article, the count, Enter/Shift+Enter, options, Escape
 * back to the text with the match selected, Replace all as one undo step, the menu commands, axe
 * with the bar open; on the 100,000-word article (tests/bench/generate.ts), a word near the end,
 * in a block the browser has never rendered, is found and scrolled into view inside the article
 * column without moving the shell, and the time from key to paint is recorded.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { Node as PMNode } from 'prosemirror-model';
import { serializeDraft } from '../../shared/draft/format';
import { schema } from '../../shared/schema';
import { generateArticle, SIZES } from '../bench/generate';
import { editor, nextFrame } from './editor-steps';
import { expect, fixtureText, snap, test } from './fixtures';

const SEED_HEADLINE = 'Upcoming Safety Assurances for the Washington Meeting';
const XL_HEADLINE = 'Find in a long read';
/** A word that appears once, in a paragraph at 95% of the XL article. */
const RARE = 'quokkaberry';

function longRead(): string {
  const draft = generateArticle(SIZES.XL);
  const blocks: PMNode[] = [];
  const at = Math.floor(draft.doc.childCount * 0.95);
  draft.doc.forEach((node, _offset, i) => {
    if (i === 0) blocks.push(schema.node('headline', null, [schema.text(XL_HEADLINE)]));
    else {
      if (i === at) blocks.push(schema.node('paragraph', null, [schema.text('The harbour master said the '), schema.text(RARE, [schema.mark('em')]), schema.text(' shipment came late.')]));
      blocks.push(node);
    }
  });
  const doc = schema.node('doc', null, blocks);
  doc.check();
  return serializeDraft({ ...draft, doc });
}

test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk'), 'long-read.copydesk': longRead() } });

const findBar = (page: Page): Locator => page.getByRole('search', { name: 'Find and replace' });
const findField = (page: Page): Locator => page.getByRole('searchbox', { name: 'Find in article' });
const count = (page: Page): Locator => findBar(page).getByRole('status');

async function openDraft(page: Page, headline: string): Promise<void> {
  await page.getByRole('button', { name: headline, exact: true }).click();
  await expect(editor(page)).toBeFocused({ timeout: 30_000 });
}

/** The text the page has selected (the editor's DOM selection). */
const selectedText = (page: Page): Promise<string> => page.evaluate(() => document.getSelection()?.toString() ?? '');

/** How far the shell around the article column is scrolled (every ancestor, and the page). */
function shellScroll(page: Page): Promise<number> {
  return page.evaluate(() => {
    let total = document.scrollingElement?.scrollTop ?? 0;
    for (let el = document.querySelector('.cd-article')?.parentElement; el; el = el.parentElement) total += el.scrollTop;
    return total;
  });
}

test('Ctrl+F on the seed: count, Enter and Shift+Enter, options, Escape back to the text on the match', async ({ page }) => {
  await openDraft(page, SEED_HEADLINE);
  await page.keyboard.press('Control+f');
  await expect(findField(page)).toBeFocused();
  await findField(page).pressSequentially('ukraine');
  // The cursor was in the headline: the first match after it is selected.
  await expect(count(page)).toHaveText('1 of 17');
  await expect(count(page)).toHaveAttribute('aria-live', 'polite');
  // Highlighted: the matches around the viewport (find-view.ts), here most of them.
  const highlights = editor(page).locator('.ProseMirror-search-match');
  expect(await highlights.count()).toBeGreaterThanOrEqual(10);
  expect(await highlights.count()).toBeLessThanOrEqual(17);
  await expect(editor(page).locator('.ProseMirror-active-search-match')).toHaveCount(1);
  // Scrolled to the end, the matches there are highlighted (the window follows the scrolling).
  await page.locator('.cd-article').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(editor(page).locator('ol .ProseMirror-search-match')).not.toHaveCount(0);
  await page.locator('.cd-article').evaluate((el) => el.scrollTo(0, 0));
  await page.keyboard.press('Enter');
  await expect(count(page)).toHaveText('2 of 17');
  await page.keyboard.press('Enter');
  await expect(count(page)).toHaveText('3 of 17');
  await page.keyboard.press('Shift+Enter');
  await expect(count(page)).toHaveText('2 of 17');
  await page.keyboard.press('F3');
  await expect(count(page)).toHaveText('3 of 17');
  await snap(page, 'find-bar');

  // Escape: the bar goes, the focus is in the text, and the page's selection is the match.
  await page.keyboard.press('Escape');
  await expect(findBar(page)).toHaveCount(0);
  await expect(editor(page)).toBeFocused();
  await nextFrame(page);
  expect(await selectedText(page)).toBe('Ukraine');
  await expect(editor(page).locator('.ProseMirror-search-match')).toHaveCount(0);
  // F3 in the text goes on with the same query (the bar comes back, the focus stays).
  await page.keyboard.press('F3');
  await expect(count(page)).toHaveText('4 of 17');
  await expect(editor(page)).toBeFocused();

  // Options: "nato" 9 times: 8 times "NATO", once inside "signatories"; "guarantee" 10 times,
  // always inside "guarantees".
  await page.keyboard.press('Control+f');
  await expect(findField(page)).toBeFocused();
  await findField(page).fill('nato');
  await expect(count(page)).toHaveText(/ of 9$|^9 matches$/u);
  const matchCase = findBar(page).getByRole('checkbox', { name: 'Match case' });
  const wholeWord = findBar(page).getByRole('checkbox', { name: 'Whole word' });
  await matchCase.check();
  await expect(count(page)).toHaveText(/ of 1$|^1 match$/u);
  await wholeWord.check();
  await expect(count(page)).toHaveText('No matches');
  await matchCase.uncheck();
  await expect(count(page)).toHaveText(/ of 8$|^8 matches$/u);
  await findField(page).fill('guarantee');
  await expect(count(page)).toHaveText('No matches');
  await wholeWord.uncheck();
  await expect(count(page)).toHaveText(/ of 10$|^10 matches$/u);
  await findBar(page).getByRole('button', { name: 'Close find bar' }).click();
  await expect(findBar(page)).toHaveCount(0);
  await expect(editor(page)).toBeFocused();
});

test('selected text opens the bar as its query; Edit > Find… and Find Next from the menu', async ({ page, sendMenu }) => {
  await openDraft(page, SEED_HEADLINE);
  // Select "Washington" in the headline.
  await page.keyboard.press('Home');
  for (let i = 0; i < 'Upcoming Safety Assurances for the '.length; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 'Washington'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await nextFrame(page); // ProseMirror reads the DOM selection on the next frame
  await sendMenu('find');
  await expect(findField(page)).toBeFocused();
  await expect(findField(page)).toHaveValue('Washington');
  await expect(count(page)).toHaveText('1 of 4');
  await sendMenu('find-next');
  await expect(count(page)).toHaveText('2 of 4');
  await sendMenu('find-previous');
  await sendMenu('find-previous');
  await expect(count(page)).toHaveText('4 of 4');
});

test('Replace and Replace all; Ctrl+Z undoes Replace all in one step', async ({ page }) => {
  await openDraft(page, SEED_HEADLINE);
  const text = (): Promise<string> => editor(page).evaluate((el) => el.textContent ?? '');
  const ukraine = async (): Promise<number> => (await text()).split('Ukraine').length - 1;
  // 17 in the text, and 2 in the fields of atoms (sources' titles), which find does not search.
  const atoms = (await ukraine()) - 17;
  expect(atoms).toBeGreaterThan(0);

  await page.keyboard.press('Control+h');
  const replaceField = findBar(page).getByRole('textbox', { name: 'Replace with' });
  await expect(findField(page)).toBeFocused();
  await findField(page).fill('Ukraine');
  await expect(count(page)).toHaveText('1 of 17');
  await replaceField.fill('Kyiv');
  await findBar(page).getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(count(page)).toHaveText('1 of 16');
  expect(await ukraine()).toBe(atoms + 16);

  await replaceField.press('Enter'); // Enter in the replace field replaces
  await expect(count(page)).toHaveText('1 of 15');
  await findBar(page).getByRole('button', { name: 'Replace all' }).click();
  await expect(count(page)).toHaveText('Replaced 15 matches');
  expect(await ukraine()).toBe(atoms);
  expect((await text()).split('Kyiv').length - 1).toBe(17);

  await page.keyboard.press('Escape');
  await expect(editor(page)).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect.poll(ukraine).toBe(atoms + 15);
  await page.keyboard.press('Control+z');
  await expect.poll(ukraine).toBe(atoms + 16);
});

test('axe: no serious violation with the find bar and its replace row open', async ({ page }) => {
  await openDraft(page, SEED_HEADLINE);
  await page.keyboard.press('Control+h');
  await findField(page).fill('Ukraine');
  await expect(count(page)).toHaveText('1 of 17');
  const { violations, passes } = await new AxeBuilder({ page }).exclude('iframe').analyze();
  await test.info().attach('axe: find bar', { body: JSON.stringify(violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) })), null, 2), contentType: 'application/json' });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.impact ?? ''} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  expect(passes.length).toBeGreaterThan(10);
});

test.describe('the 100,000-word article', () => {
  test.setTimeout(180_000);

  test('a word near the end, in a block never rendered, is found and scrolled into view in the article column only', async ({ page }) => {
    await openDraft(page, XL_HEADLINE);
    const banner = page.getByRole('banner');
    const bannerBefore = await banner.boundingBox();
    const target = editor(page).locator('p', { hasText: RARE }).locator('em');
    expect(await target.evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true })), 'the word starts in a skipped block').toBe(false);

    await page.keyboard.press('Control+f');
    await expect(findField(page)).toBeFocused();
    await findField(page).fill(RARE);
    await expect(count(page)).toHaveText('1 of 1', { timeout: 10_000 });
    const active = editor(page).locator('.ProseMirror-active-search-match');
    await expect(active).toHaveText(RARE);
    await expect(active).toBeInViewport();
    // Inside the column's visible box, and a frame later still (the blocks around have rendered).
    for (let i = 0; i < 2; i++) {
      const box = await active.boundingBox();
      const column = await page.locator('.cd-article').boundingBox();
      if (!box || !column) throw new Error('no box for the match or the column');
      expect(box.y).toBeGreaterThanOrEqual(column.y);
      expect(box.y + box.height).toBeLessThanOrEqual(column.y + column.height);
      await nextFrame(page);
    }
    expect(await shellScroll(page), 'only the article column scrolled').toBe(0);
    const bannerAfter = await banner.boundingBox();
    expect(bannerAfter?.y).toBe(bannerBefore?.y);
    await snap(page, 'find-bar-long-read');

    await page.keyboard.press('Escape');
    await expect(editor(page)).toBeFocused();
    await nextFrame(page);
    expect(await selectedText(page)).toBe(RARE);
    await expect(target).toBeInViewport();

    // Key to paint for a common word (after the bar's pause in typing) and for Enter (next match).
    await page.keyboard.press('Control+f');
    await expect(count(page)).toHaveText('1 of 1'); // the selected match is the query again
    // Milliseconds from a key (the field's new value, or Enter) to the count's update, and to the next paint.
    const measure = (key: string): Promise<{ update: number; paint: number }> =>
      page.evaluate(
        (k) =>
          new Promise<{ update: number; paint: number }>((resolve) => {
            const status = document.querySelector('.cd-findbar-count');
            const start = performance.now();
            const observer = new MutationObserver(() => {
              observer.disconnect();
              const update = performance.now() - start;
              requestAnimationFrame(() => setTimeout(() => resolve({ update, paint: performance.now() - start }), 0));
            });
            if (status) observer.observe(status, { childList: true, characterData: true, subtree: true });
            const field = document.activeElement as HTMLInputElement;
            if (k === 'Enter') field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
            else {
              // Through the prototype's setter, as typing does (React ignores the instance's).
              Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, k);
              field.dispatchEvent(new Event('input', { bubbles: true }));
            }
          }),
        key,
      );
    // "th" then "the", three times ("the": the last key of a common word).
    const typed: { update: number; paint: number }[] = [];
    for (let i = 0; i < 3; i++) {
      await measure('th');
      typed.push(await measure('the'));
    }
    typed.sort((a, b) => a.paint - b.paint);
    const the = typed[1] ?? { update: NaN, paint: NaN };
    await expect(count(page)).toHaveText(/ of \d+$/u);
    const matches = Number((await count(page).textContent())?.split(' of ')[1]);
    const steps: number[] = [];
    for (let i = 0; i < 9; i++) steps.push((await measure('Enter')).paint);
    steps.sort((a, b) => a - b);
    const summary = `"the" (${String(matches)} matches): key to count ${the.update.toFixed(0)} ms, to paint ${the.paint.toFixed(0)} ms (median of 3, both including the bar's 150 ms pause); Enter (next match) to paint: median ${steps[4]?.toFixed(0) ?? '?'} ms, max ${steps.at(-1)?.toFixed(0) ?? '?'} ms`;
    test.info().annotations.push({ type: 'find at XL', description: summary });
    console.log(`find at XL: ${summary}`);
    expect(matches).toBeGreaterThan(100);
  });
});
