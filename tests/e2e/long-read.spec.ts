/**
 * A 100,000-word long read (issue 6's XL article, tests/bench/generate.ts) stays correct with the
 * editor's speed tricks: every top-level block is `content-visibility: auto`, so the browser
 * skips the blocks off screen (renderer/editor/editor.css). Find-in-page, selection, going from a
 * citation to its source and back, and accessibility must still reach the skipped blocks.
 *
 * Each test first shows that its target was skipped by the browser (`checkVisibility` with
 * `contentVisibilityAuto`: false inside a skipped block), so that it proves something about
 * skipped content, not about blocks that happen to be on screen.
 */
import type { Locator, Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { chips, copySelection, editor, nextFrame, sourcesPanel } from './editor-steps';
import { expect, snap, test } from './fixtures';
import { SIZES } from '../bench/generate';
import { accessibilityTree, column, FOUND, longRead, openLongRead as open, rendered, shellScroll } from './long-read-steps';

const LONG = longRead();

test.use({ drafts: { 'long-read.copydesk': LONG.text } });
// Opening 100,000 words, and axe over them, take seconds on this 2-core machine.
test.setTimeout(180_000);

/** Opens the long read from the library (long-read-steps.ts). */
async function openLongRead(page: Page): Promise<void> {
  await open(page, LONG.headline);
}

/** The top-level paragraph whose text starts like `text`. */
function paragraph(page: Page, text: string): Locator {
  return editor(page).locator(':scope > p', { hasText: text.slice(0, 60) });
}

test('find-in-page: window.find() reaches a word in skipped content, and the editor scrolls it into view', async ({ page }) => {
  await openLongRead(page);
  const word = editor(page).locator('em', { hasText: FOUND });
  await expect(word).toHaveCount(1);
  expect(await rendered(word), 'the word starts in a skipped block').toBe(false);
  await expect(word).not.toBeInViewport();

  expect(await page.evaluate((w) => (window as unknown as { find(text: string): boolean }).find(w), FOUND), 'window.find() finds the word').toBe(true);
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(FOUND);
  // Chromium reveals a window.find() match only by scrolling the window; the article column is
  // an inner scroller, and the editor (reveal-selection.ts) scrolls to the selection itself.
  await expect(word).toBeInViewport();
  expect(await rendered(word), 'the block holding the match is rendered').toBe(true);
  await expect(word.locator('xpath=ancestor::p[1]')).toHaveClass(/\bcd-live\b/u);
  expect(await column(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(100_000);
  expect(await shellScroll(page), 'only the article column scrolled, not the shell around it').toBe(0);
  await nextFrame(page);
  await snap(page, 'long-read-find');
  // Typing replaces the match: ProseMirror's selection is the found word.
  await page.keyboard.type('cargo');
  await expect(paragraph(page, 'The harbour master said the')).toHaveText('The harbour master said the cargo shipment came late.');
  expect(await page.evaluate(() => (window as unknown as { find(text: string): boolean }).find('zzznotthere'))).toBe(false);
});

test('selection: Ctrl+A then copy takes the whole article; Shift+click selects across far-apart blocks', async ({ page }) => {
  await openLongRead(page);
  const first = LONG.paragraphs[0] ?? '';
  const last = LONG.paragraphs.at(-1) ?? '';
  const lastParagraph = paragraph(page, last);
  await expect(lastParagraph).not.toBeInViewport();

  await page.keyboard.press('Control+a');
  // The DOM selection spans the whole text (Selection.toString() is empty for ProseMirror's
  // select-all with or without containment; the range's own text is not).
  const selected = await page.evaluate(() => document.getSelection()?.getRangeAt(0).toString() ?? '');
  expect(selected, 'the DOM selection holds the first and the last paragraph').toContain(first);
  expect(selected).toContain(last);
  const all = await copySelection(page);
  expect(all['text/plain']).toContain(first);
  expect(all['text/plain']).toContain(last);
  expect(all['text/plain']?.length ?? 0).toBeGreaterThan(500_000);
  expect(all['text/html']).toContain(last);

  // Shift+click: from the start of the first body paragraph to a paragraph about 1,200 blocks down.
  const far = LONG.paragraphs[Math.floor(LONG.paragraphs.length * 0.6)] ?? '';
  const middle = LONG.paragraphs[Math.floor(LONG.paragraphs.length * 0.3)] ?? '';
  await paragraph(page, first).click({ position: { x: 1, y: 8 } });
  const farParagraph = paragraph(page, far);
  await farParagraph.scrollIntoViewIfNeeded();
  await farParagraph.click({ modifiers: ['Shift'], position: { x: 40, y: 8 } });
  const ends = await page.evaluate(() => {
    const s = document.getSelection();
    const top = (n: Node | null | undefined): string => (n instanceof Element ? n : n?.parentElement)?.closest('.cd-editor > *')?.textContent ?? '';
    return { anchor: top(s?.anchorNode), focus: top(s?.focusNode) };
  });
  expect(ends.anchor).toBe(first);
  expect(ends.focus).toBe(far);
  const span = await copySelection(page);
  expect(span['text/plain']?.startsWith(first.slice(0, 20)), 'the copy starts at the first paragraph').toBe(true);
  expect(span['text/plain']).toContain(middle);
  expect(span['text/plain']).not.toContain(last);
});

test('a citation deep in the article: to its source in the Sources panel and back, scrolled into view', async ({ page }) => {
  await openLongRead(page);
  const chip = chips(page).last();
  expect(await rendered(chip), 'the last citation starts in a skipped block').toBe(false);
  await expect(chip).toHaveAccessibleName(LONG.deepCite.name);

  await chip.scrollIntoViewIfNeeded();
  await expect(chip).toBeInViewport();
  await chip.dblclick();
  const heading = sourcesPanel(page).getByRole('heading', { name: `[${String(LONG.deepCite.number)}] ${LONG.deepCite.title}` });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  expect(await shellScroll(page), 'showing the source scrolled the panel only, not the shell').toBe(0);

  // Meanwhile the reporter scrolls the article back to the top; the way back finds the chip.
  await column(page).evaluate((el) => el.scrollTo(0, 0));
  await expect(chip).not.toBeInViewport();
  await sourcesPanel(page).getByRole('button', { name: 'Back to the text' }).click();
  await expect(editor(page)).toBeFocused();
  await expect(chip).toBeInViewport();
  await expect(chip.locator('xpath=..')).toHaveClass(/ProseMirror-selectednode/u);
  // Centred in the article column, and only there: the app bar and toolbar stay where they were.
  expect(await shellScroll(page), 'the way back scrolled the article column only, not the shell around it').toBe(0);
  await expect(page.getByRole('banner')).toBeInViewport({ ratio: 1 });
  const box = await chip.boundingBox();
  const frame = await column(page).boundingBox();
  if (!box || !frame) throw new Error('the chip or the column has no box');
  expect(Math.abs(box.y + box.height / 2 - (frame.y + frame.height / 2)), 'the chip is centred in the column').toBeLessThan(frame.height / 4);
  await nextFrame(page);
  expect(await shellScroll(page), 'still, a frame later').toBe(0);
  await expect(chip).toBeInViewport();
  await snap(page, 'long-read-citation-back');

  // The chip's link target is the source's entry in the canvas's source list, at the very end
  // (skipped too): following it (as a fragment link scrolls) shows it, and clicking it shows
  // that source in the panel.
  const href = (await chip.getAttribute('href')) ?? '';
  const entry = editor(page).locator(`li.cd-source[id="${href.slice(1)}"]`);
  await expect(entry).toHaveCount(1);
  // The cursor back at the top, so that the end of the article is no live block any more.
  await page.keyboard.press('Control+Home');
  await column(page).evaluate((el) => el.scrollTo(0, 0));
  await expect.poll(() => rendered(entry), 'the source list is skipped again once off screen').toBe(false);
  await entry.evaluate((el) => el.scrollIntoView());
  await expect(entry).toBeInViewport();
  await expect(entry).toContainText(LONG.deepCite.title);
  await entry.click();
  await expect(heading).toBeFocused();
});

test('accessibility: axe finds no serious violation on the long read; a citation far down is in the accessibility tree with its name', async ({ page, emit }) => {
  await openLongRead(page);
  const chip = chips(page).last();
  expect(await rendered(chip)).toBe(false);
  await expect(chip).toHaveAccessibleName(LONG.deepCite.name); // the DOM's name (Playwright computes it)

  // axe over the screen as a reporter has it (the editor with the Sources panel open).
  const started = Date.now();
  const { violations, passes } = await new AxeBuilder({ page }).analyze();
  const seconds = (Date.now() - started) / 1000;
  await test.info().attach('axe: the long read', {
    body: JSON.stringify({ seconds, violations: violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, first: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })) }, null, 2),
    contentType: 'application/json',
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.impact ?? ''} ${v.id}: ${v.help} (${String(v.nodes.length)}, e.g. ${v.nodes[0]?.target.join(' ') ?? ''})`)).toEqual([]);
  expect(passes.length).toBeGreaterThan(10);
  test.info().annotations.push({ type: 'axe', description: `${seconds.toFixed(1)} s, ${String(violations.length)} kinds of violation, none serious or critical` });

  // Chromium's own accessibility tree, what a screen reader reads (see screen-reader.spec.ts for
  // the switch between the modes).
  const { rolesNamed } = await accessibilityTree(page);
  // Chromium leaves never-rendered content out of the tree; recorded here (screen-reader.spec.ts asserts it).
  const whileSkipped = await rolesNamed(LONG.deepCite.name);
  test.info().annotations.push({ type: 'Chromium', description: `a citation in a never-rendered block is ${whileSkipped.length > 0 ? '' : 'NOT '}in the accessibility tree` });

  // Assistive technology on, as the main process reports it: the shell puts cd-render-all on the root element.
  await emit('accessibility', { enabled: true });
  await expect(page.locator('html')).toHaveClass(/\bcd-render-all\b/u);
  await expect.poll(() => rendered(chip), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => rolesNamed(LONG.deepCite.name), { timeout: 30_000 }).toEqual(['doc-noteref']);
  await expect(chip).not.toBeInViewport(); // in the tree without being scrolled to
});

test('the Sources panel lists all 500 sources compactly: no field until one is edited, the last reached from the keyboard, “Show in text” to its citation', async ({ page }) => {
  await openLongRead(page);
  const panel = sourcesPanel(page);
  const list = panel.getByRole('list', { name: 'Sources in number order' });
  await expect(panel.getByRole('textbox')).toHaveCount(0);
  // What the list costs grows with a compact entry per source, not with five fields each.
  const nodes = await list.evaluate((el) => {
    const walker = el.ownerDocument.createTreeWalker(el);
    let n = 0;
    while (walker.nextNode()) n += 1;
    return n;
  });
  expect(nodes, 'DOM nodes in the list').toBeLessThan(SIZES.XL.sources * 20);

  // The last source: its heading, then Tab to its Edit button, Enter opens its fields.
  const last = list.getByRole('heading', { level: 3 }).last();
  const lastName = (await last.textContent()) ?? '';
  const entry = list.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: lastName, exact: true }) });
  await last.focus();
  await page.keyboard.press('Tab');
  await expect(entry.getByRole('button', { name: /^Edit “/u })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(entry.getByLabel('Title')).toBeFocused();
  await expect(panel.getByRole('textbox')).toHaveCount(5);
  await page.keyboard.press('Escape');
  await expect(panel.getByRole('textbox')).toHaveCount(0);

  // The deep citation's source, from the panel to its first citation in the text.
  const deep = list.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: `[${String(LONG.deepCite.number)}] ${LONG.deepCite.title}`, exact: true }) });
  await deep.getByRole('button', { name: /^Show in text/u }).click();
  await expect(editor(page)).toBeFocused();
  const selected = editor(page).locator('.ProseMirror-selectednode a[role="doc-noteref"]');
  await expect(selected).toHaveAccessibleName(`Citation ${String(LONG.deepCite.number)}: ${LONG.deepCite.title}`);
  await expect(selected).toBeInViewport();
});
