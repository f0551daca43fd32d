/**
 * Typing in the whole-article mode (issue 15). While every block is rendered (a screen reader on,
 * or the preference), the editor takes text through an EditContext (renderer/editor/edit-context.ts)
 * so that Chromium tells the input method the caret's paragraph, not the whole article, after
 * each key. These scenarios type as a reporter does in that mode, in real Chromium: keys,
 * deletions, Enter and typographic quotes; a key typed at once after the caret moved; text after
 * a citation; an input-method composition, also one paused over; a selection across paragraphs and
 * everything selected; undo; Suggesting mode,
 * where typed and composed text are suggestions; Viewing mode,
 * where nothing can be typed; and the mode turned off, which gives the editable its own input back.
 */
import type { Locator, Page } from '@playwright/test';
import { caretAtEnd, editor, giveName, inOneBreath, paragraphWith } from './editor-steps';
import { expect, fixtureText, snap, test } from './fixtures';
import { openSeed, SEED_HEADLINE } from './lock-steps';
import { VIEWPORTS } from './viewports';

/** A paragraph without citations, and one that ends with "the U.S. [2]." (seed-article.copydesk). */
const PLAIN = 'The meeting in Washington is crucial';
const CITED = 'layer offering external security guarantees';

test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') } });

/** Whether the editable has an EditContext attached. */
async function editContextOn(page: Page): Promise<boolean> {
  return editor(page).evaluate((el) => (el as HTMLElement & { editContext?: unknown }).editContext != null);
}

type Emit = (name: 'accessibility', payload: { enabled: boolean }) => Promise<void>;

/** Assistive technology on (the whole article rendered), then the seed draft opened. */
async function openWhole(page: Page, emit: Emit): Promise<void> {
  await emit('accessibility', { enabled: true });
  await expect(page.locator('html')).toHaveClass(/\bcd-render-all\b/u);
  await openSeed(page);
  await expect(editor(page)).toBeFocused();
  await expect.poll(() => editContextOn(page)).toBe(true);
}

/** Opens the seed in the mode and clicks the paragraph holding `text`; its text before any typing. */
async function openAt(page: Page, emit: Emit, text: string): Promise<{ p: Locator; before: string }> {
  await openWhole(page, emit);
  const p = paragraphWith(page, text);
  const before = (await p.textContent()) ?? '';
  await p.click();
  return { p, before };
}


test('keys, deletions, Enter and typographic quotes land where the caret is; undo takes them back', async ({ page, emit }) => {
  const { p, before } = await openAt(page, emit, PLAIN);
  await caretAtEnd(p);
  await page.keyboard.type(' He said "yes" -- twice...');
  await expect(p).toHaveText(`${before} He said “yes” — twice…`);
  // Backspace right after a typographic replacement takes the replacement back, as in the default mode.
  await page.keyboard.press('Backspace');
  await expect(p).toHaveText(`${before} He said “yes” — twice...`);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await expect(p).toHaveText(`${before} He said “yes” — twice`);
  await page.keyboard.press('Control+Backspace');
  await expect(p).toHaveText(`${before} He said “yes” — `);
  await page.keyboard.press('Enter');
  await page.keyboard.type('A new paragraph');
  await expect(editor(page).locator('p', { hasText: /^A new paragraph$/u })).toHaveCount(1);
  await expect(p).toHaveText(`${before} He said “yes” — `);
  // Undo, a step at a time, back to the paragraph as it was.
  await expect(async () => {
    await page.keyboard.press('Control+z');
    await expect(p).toHaveText(before, { timeout: 200 });
  }).toPass({ timeout: 10_000 });
  await expect(editor(page).locator('p', { hasText: /^A new paragraph$/u })).toHaveCount(0);
});

test('a key typed at once after the caret moved lands where it went, not where it was', async ({ page, emit }) => {
  const { p, before } = await openAt(page, emit, PLAIN);
  await caretAtEnd(p);
  await page.keyboard.type('!');
  await expect(p).toHaveText(`${before}!`);
  // Home, then a key in the same breath (sent together, before the page has had a turn to hear
  // of the caret's move): at the start of the paragraph's last line.
  await inOneBreath(page, ['Home', 'Y']);
  await expect(p).toContainText('Y');
  await expect(p).not.toHaveText(`${before}!Y`);
  expect(((await p.textContent()) ?? '').replace('Y', '')).toBe(`${before}!`);
  // To the article's start: the headline.
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('X');
  await expect(editor(page).locator('h1')).toHaveText(`X${SEED_HEADLINE}`);
  // Text that comes without a key (the emoji picker, dictation), right after the caret moved.
  const text = (await p.textContent()) ?? '';
  await caretAtEnd(p);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.insertText', { text: '✓' });
  await expect(p).toHaveText(`${text}✓`);
});

test('text typed after a citation lands after it, and Backspace takes back what was typed', async ({ page, emit }) => {
  const { p, before } = await openAt(page, emit, CITED);
  expect(before).toMatch(/U\.S\. \[\d+\]\.$/u);
  const chipsBefore = await p.locator('sup.cd-cite').count();
  await caretAtEnd(p);
  await page.keyboard.type(' Later');
  await expect(p).toHaveText(`${before} Later`);
  for (let i = 0; i < ' Later'.length; i++) await page.keyboard.press('Backspace');
  await expect(p).toHaveText(before);
  await expect(p.locator('sup.cd-cite')).toHaveCount(chipsBefore);
});

test('an input-method composition shows as it is composed, commits once, and undoes as one step', async ({ page, emit }) => {
  const { p, before } = await openAt(page, emit, PLAIN);
  await caretAtEnd(p);
  const cdp = await page.context().newCDPSession(page);
  // A Vietnamese input method (Telex): "viee" composes "viê", "vieetj" commits "việt".
  await cdp.send('Input.imeSetComposition', { text: 'viê', selectionStart: 3, selectionEnd: 3 });
  await expect(p).toHaveText(`${before}viê`);
  await expect(editor(page).locator('.cd-composing')).toHaveText('viê');
  // What the reporter sees while composing, at both window sizes.
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size.viewport);
    await expect(editor(page).locator('.cd-composing')).toBeInViewport();
    await snap(page, `whole-article-composing-${size.name}`);
  }
  await cdp.send('Input.imeSetComposition', { text: 'viêt', selectionStart: 4, selectionEnd: 4 });
  await expect(p).toHaveText(`${before}viêt`);
  await cdp.send('Input.insertText', { text: 'việt' });
  await expect(p).toHaveText(`${before}việt`);
  await expect(editor(page).locator('.cd-composing')).toHaveCount(0);
  await page.keyboard.type(' ok');
  await expect(p).toHaveText(`${before}việt ok`);
  await expect(async () => {
    await page.keyboard.press('Control+z');
    await expect(p).toHaveText(before, { timeout: 200 });
  }).toPass({ timeout: 10_000 });
});

test('a composition the input method pauses over is still one undo step', async ({ page, emit }) => {
  const { p, before } = await openAt(page, emit, PLAIN);
  await caretAtEnd(p);
  const cdp = await page.context().newCDPSession(page);
  // The person thinks over the candidates for longer than the history's grouping delay (500 ms
  // by the transactions' `Date.now()` time): the page's clock is moved on, not waited for.
  const start = await page.evaluate(() => Date.now());
  await page.clock.setFixedTime(start);
  await cdp.send('Input.imeSetComposition', { text: 'k', selectionStart: 1, selectionEnd: 1 });
  await expect(p).toHaveText(`${before}k`);
  await page.clock.setFixedTime(start + 700);
  await cdp.send('Input.imeSetComposition', { text: 'ka', selectionStart: 2, selectionEnd: 2 });
  await expect(p).toHaveText(`${before}ka`);
  await page.clock.setFixedTime(start + 1400);
  await cdp.send('Input.insertText', { text: 'か' });
  await expect(p).toHaveText(`${before}か`);
  await page.keyboard.press('Control+z');
  await expect(p).toHaveText(before);
});

test('text typed with everything selected replaces it as one block of text, not a paragraph a character', async ({ page, emit }) => {
  await openWhole(page, emit);
  await paragraphWith(page, PLAIN).click();
  await page.keyboard.press('Control+a');
  const cdp = await page.context().newCDPSession(page);
  // Without a key (as the emoji picker or dictation sends text), so the EditContext takes it.
  await cdp.send('Input.insertText', { text: 'a' });
  await cdp.send('Input.insertText', { text: 'b' });
  await expect(editor(page)).toContainText('ab');
  expect(await editor(page).innerText()).toMatch(/(^|\n)ab(\n|$)/u);
  await expect(editor(page).locator('p', { hasText: PLAIN })).toHaveCount(0);
});

test('a key typed over a selection across two paragraphs replaces the selection', async ({ page, emit }) => {
  await openWhole(page, emit);
  const first = paragraphWith(page, PLAIN);
  await first.click();
  // From the 4th character of the paragraph to the 4th of the next one.
  const expected = await first.evaluate((el) => {
    const next = el.nextElementSibling as HTMLElement;
    const a = el.firstChild as Text;
    const b = next.firstChild as Text;
    const selection = getSelection();
    selection?.setBaseAndExtent(a, 4, b, 4);
    return `${(a.data).slice(0, 4)}Q${(next.textContent ?? '').slice(4)}`;
  });
  await page.keyboard.type('Q');
  await expect(editor(page).locator('p', { hasText: expected.slice(0, 30) })).toHaveText(expected);
});

test('in Suggesting mode, typed and composed text are suggested insertions, and nothing is marked deleted', async ({ page, emit }) => {
  const { p, before } = await openAt(page, emit, PLAIN);
  await page.keyboard.press('Control+Alt+Shift+X');
  await giveName(page, 'Ana García');
  await expect(page.getByRole('button', { name: /^Mode: / })).toHaveAccessibleName('Mode: Suggesting');
  await expect.poll(() => editContextOn(page)).toBe(true);
  await caretAtEnd(p);
  await page.keyboard.type(' More');
  await page.keyboard.press('Backspace');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'にほ', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.imeSetComposition', { text: 'にほん', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.insertText', { text: '日本' });
  await expect(p).toHaveText(`${before} Mor日本`);
  // All of it suggested (one insertion or several side by side), and only it.
  await expect.poll(async () => (await p.locator('ins.cd-ins').allTextContents()).join('')).toBe(' Mor日本');
  await expect(p.locator('.cd-del')).toHaveCount(0);
});

test('Viewing mode takes no text and detaches the input; Editing brings it back; the mode off gives the editable its own input', async ({ page, emit }) => {
  const { p, before } = await openAt(page, emit, PLAIN);
  await page.keyboard.press('Control+Alt+Shift+C');
  await expect(editor(page)).toHaveAttribute('contenteditable', 'false');
  await expect.poll(() => editContextOn(page)).toBe(false);
  await p.click();
  await page.keyboard.type('xyz');
  await expect(p).toHaveText(before);
  await page.keyboard.press('Control+Alt+Shift+Z');
  await expect(editor(page)).toHaveAttribute('contenteditable', 'true');
  await expect.poll(() => editContextOn(page)).toBe(true);

  await emit('accessibility', { enabled: false });
  await expect(page.locator('html')).not.toHaveClass(/\bcd-render-all\b/u);
  await expect.poll(() => editContextOn(page)).toBe(false);
  await p.click();
  await caretAtEnd(p);
  await page.keyboard.type(' Still typed.');
  await expect(p).toHaveText(`${before} Still typed.`);
});
