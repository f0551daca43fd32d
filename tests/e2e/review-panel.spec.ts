/**
 * The Review panel in real Chromium: a draft that holds suggestions by two authors and threads
 * (one on text, one detached) opens with its cards in document order; a card goes to its place
 * and Escape comes back; accept and reject (each one undoable step); Ctrl/Cmd+Alt+M comments on a
 * selection; reply, resolve; next/previous change and accept from the keyboard; axe finds nothing
 * serious with the panel open; screenshots at 1280×800 and 1024×640.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DRAFT_VERSION } from '../../shared/draft/format';
import { AUTHOR_COLOURS, authorColour } from '../../shared/review/model';
import { editor } from './editor-steps';
import { expect, snap, test } from './fixtures';

const HEADLINE = 'Harbour council review';
const AT = '2026-11-30T10:00:00.000Z';
const ED = 'ed-1';
const RITA = 'rita-2';

const text = (t: string, marks: unknown[] = []): Record<string, unknown> => ({ type: 'text', text: t, ...(marks.length ? { marks } : {}) });
const mark = (type: string, id: string, author: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ type, attrs: { id, author, at: AT, ...extra } });

/** A draft holding three suggestions (two authors), a thread on text and a detached one. */
function reviewDraft(): string {
  return JSON.stringify({
    format: 'copydesk-draft',
    version: DRAFT_VERSION,
    meta: { slug: 'harbour', section: 'City', tags: [], authors: [], status: 'draft', created: AT, updated: AT },
    doc: {
      type: 'doc',
      attrs: {
        review: {
          authors: { [ED]: { name: 'Edna Editor', initials: 'EE' }, [RITA]: { name: 'Rita Reporter', initials: 'RR' } },
          threads: [
            { id: 'th-budget', quote: 'harbour budget', messages: [{ author: RITA, at: AT, text: 'Is this the final figure?' }] },
            { id: 'th-gone', quote: 'an old sentence', messages: [{ author: ED, at: AT, text: 'Source?' }] },
          ],
        },
      },
      content: [
        { type: 'headline', content: [text(HEADLINE)] },
        { type: 'standfirst', content: [text('The council met to vote on the harbour.')] },
        { type: 'paragraph', content: [text('The council met on '), text('Tuesday', [mark('insertion', 's-ins', ED)]), text(' and '), text('quickly ', [mark('deletion', 's-del', RITA)]), text('voted.')] },
        { type: 'paragraph', content: [text('The '), text('harbour budget', [{ type: 'comment', attrs: { thread: 'th-budget' } }]), text(' rose by '), text('two', [mark('deletion', 's-rep', ED)]), text('three', [mark('insertion', 's-rep', ED)]), text(' million.')] },
        { type: 'paragraph', content: [text('A third paragraph, to comment on.')] },
        { type: 'sources', content: [] },
      ],
    },
  });
}

const STYLES_HEADLINE = 'Every kind of suggestion';
const source = (id: string, outlet: string, marks: unknown[] = []): Record<string, unknown> => ({ type: 'source', attrs: { id, title: `${outlet} report`, outlet, date: '2025', url: '', note: '' }, ...(marks.length ? { marks } : {}) });

/** A draft with a suggestion of every kind on blocks and atoms, for the look of each. */
function stylesDraft(): string {
  const para = (content: unknown[], marks: unknown[] = []): Record<string, unknown> => ({ type: 'paragraph', content, ...(marks.length ? { marks } : {}) });
  return JSON.stringify({
    format: 'copydesk-draft',
    version: DRAFT_VERSION,
    meta: { slug: 'kinds', section: 'City', tags: [], authors: [], status: 'draft', created: AT, updated: AT },
    doc: {
      type: 'doc',
      attrs: { review: { authors: { [ED]: { name: 'Edna Editor', initials: 'EE' }, [RITA]: { name: 'Rita Reporter', initials: 'RR' } }, threads: [] } },
      content: [
        { type: 'headline', content: [text(STYLES_HEADLINE)] },
        { type: 'standfirst', content: [text('Blocks, atoms and formatting under review.')] },
        para([text('A whole paragraph suggested for insertion.')], [mark('insertion', 'b-ins', ED)]),
        para([text('Made '), text('bold', [{ type: 'strong' }, mark('format_change', 'f-1', RITA, { before: [] })]), text(', cited '), { type: 'citation', attrs: { source: 'cfr-2025' }, marks: [mark('attr_change', 'c-1', ED, { before: { source: 'reuters-2025' } })] }, text('.')]),
        { type: 'bullet_list', content: [{ type: 'list_item', content: [para([text('A kept item.')])] }, { type: 'list_item', marks: [mark('deletion', 'li-del', RITA)], content: [para([text('An item suggested for deletion.')])] }] },
        para([text('A paragraph split from the one before.')], [mark('split', 'sp-1', ED)]),
        para([text('A paragraph to be joined to the one before.')], [mark('join', 'jn-1', RITA)]),
        { type: 'sources', content: [source('reuters-2025', 'Reuters'), source('cfr-2025', 'CFR', [mark('attr_change', 's-attr', RITA, { before: { outlet: 'CFR.org' } })])] },
      ],
    },
  });
}

const COLOURS_HEADLINE = 'Eight reviewers';

/** An author id for each colour slot. */
function authorPerColour(): string[] {
  const ids: string[] = [];
  for (let i = 0; ids.filter(Boolean).length < AUTHOR_COLOURS; i++) {
    const id = `author-${String(i)}`;
    ids[authorColour(id)] ??= id;
  }
  return ids;
}

/** A draft where each of the eight colours inserts and deletes text, inside comments too (overlapping ones, the darkest highlight). */
function coloursDraft(): string {
  const ids = authorPerColour();
  const comment = (thread: string): Record<string, unknown> => ({ type: 'comment', attrs: { thread } });
  return JSON.stringify({
    format: 'copydesk-draft',
    version: DRAFT_VERSION,
    meta: { slug: 'colours', section: 'City', tags: [], authors: [], status: 'draft', created: AT, updated: AT },
    doc: {
      type: 'doc',
      attrs: {
        review: {
          authors: Object.fromEntries(ids.map((id, n) => [id, { name: `Reviewer ${String(n)}`, initials: `R${String(n)}` }])),
          threads: ['c-a', 'c-b'].map((id) => ({ id, quote: 'text', messages: [{ author: ids[0], at: AT, text: 'Note' }] })),
        },
      },
      content: [
        { type: 'headline', content: [text(COLOURS_HEADLINE)] },
        { type: 'standfirst', content: [text('Every author colour, as text.')] },
        ...ids.map((id, n) => ({
          type: 'paragraph',
          content: [text(`Colour ${String(n)}: `), text('added', [mark('insertion', `i-${String(n)}`, id)]), text(' '), text('removed', [mark('deletion', `d-${String(n)}`, id)]), text(' '), text('added', [mark('insertion', `ic-${String(n)}`, id), comment('c-a'), comment('c-b')]), text(' '), text('removed', [mark('deletion', `dc-${String(n)}`, id), comment('c-a'), comment('c-b')])],
        })),
        { type: 'sources', content: [] },
      ],
    },
  });
}

test.use({ drafts: { 'review.copydesk': reviewDraft(), 'kinds.copydesk': stylesDraft(), 'colours.copydesk': coloursDraft() } });

/** The first comment asks who is reviewing (the name dialog of the first use): answer it. */
async function giveName(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Your name in review' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Your name in review').fill('Pat Panel');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

function panel(page: Page) {
  return page.getByRole('complementary', { name: 'Review' });
}
function cards(page: Page) {
  return panel(page).locator('.cd-review-card');
}
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

async function openReview(page: Page): Promise<void> {
  await page.getByRole('button', { name: HEADLINE, exact: true }).click();
  await expect(editor(page)).toBeFocused();
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await expect(cards(page)).toHaveCount(5);
}

test('cards in document order; go and back; accept, reject, undo', async ({ page }) => {
  await openReview(page);
  // Document order: the insertion, the deletion, the thread, the replacement; the detached thread last.
  await expect(cards(page).locator('.cd-review-what')).toHaveText([/Tuesday/u, /quickly/u, /harbour budget/u, /two|three/u, 'Detached: was about “an old sentence”']);
  await expect(panel(page)).toContainText('Edna Editor');
  await expect(panel(page)).toContainText('Is this the final figure?');
  // Styles: inserted text underlined, deleted struck through, in the author's colour.
  const ins = editor(page).locator('ins.cd-ins', { hasText: 'Tuesday' });
  await expect(ins).toHaveCSS('text-decoration-line', 'underline');
  await expect(editor(page).locator('del.cd-del', { hasText: 'quickly' })).toHaveCSS('text-decoration-line', 'line-through');
  await expect(editor(page).locator('span.cd-comment')).toHaveCount(1);
  // The thread the cursor is in is stronger, and its card marked; so is the thread of a focused card.
  await editor(page).locator('span.cd-comment').click();
  await expect(editor(page).locator('.cd-comment-active')).toHaveText('harbour budget');
  await expect(cards(page).filter({ hasText: 'harbour budget' })).toHaveClass(/cd-review-current/u);
  await editor(page).locator('p', { hasText: 'A third paragraph' }).click();
  await expect(editor(page).locator('.cd-comment-active')).toHaveCount(0);
  await cards(page).filter({ hasText: 'harbour budget' }).getByRole('button', { name: 'Reply' }).focus();
  await expect(editor(page).locator('.cd-comment-active')).toHaveText('harbour budget');

  // A card goes to its place; Escape returns to the card.
  await cards(page).nth(1).locator('.cd-review-go').click();
  await expect(editor(page)).toBeFocused();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('quickly ');
  await page.keyboard.press('Escape');
  await expect(cards(page).nth(1).locator('.cd-review-go')).toBeFocused();

  // Accept the insertion, reject the deletion: the text reads as decided.
  await cards(page).nth(0).getByRole('button', { name: 'Accept' }).click();
  await expect(editor(page).locator('ins.cd-ins', { hasText: 'Tuesday' })).toHaveCount(0);
  await expect(editor(page)).toContainText('met on Tuesday and quickly voted.');
  await cards(page).nth(0).getByRole('button', { name: 'Reject' }).click();
  await expect(editor(page).locator('del.cd-del')).toHaveCount(1); // the replacement's
  await expect(editor(page)).toContainText('met on Tuesday and quickly voted.');
  await expect(cards(page)).toHaveCount(3);
  // One undo takes one decision back.
  await editor(page).focus();
  await page.keyboard.press(`${mod}+z`);
  await expect(editor(page).locator('del.cd-del', { hasText: 'quickly' })).toHaveCount(1);
  await expect(cards(page)).toHaveCount(4);
  await page.keyboard.press(`${mod}+z`);
  await expect(editor(page).locator('ins.cd-ins', { hasText: 'Tuesday' })).toHaveCount(1);
  await expect(cards(page)).toHaveCount(5);

  // A reason on a suggestion: its card shows the thread.
  const deletion = cards(page).filter({ hasText: 'quickly' });
  await deletion.getByRole('button', { name: 'Comment' }).click();
  await deletion.getByRole('textbox', { name: 'Comment on this change' }).fill('Too emphatic.');
  await page.keyboard.press(`${mod}+Enter`);
  await giveName(page);
  await expect(deletion.locator('.cd-review-messages')).toContainText('Too emphatic.');
  await expect(cards(page)).toHaveCount(5);

  // All of one author: Edna's two suggestions go, Rita's stays.
  await panel(page).getByRole('button', { name: 'All changes…' }).click();
  await panel(page).getByRole('button', { name: 'Accept all by Edna Editor' }).click();
  await expect(editor(page)).toContainText('rose by three million.');
  await expect(editor(page).locator('ins.cd-ins')).toHaveCount(0);
  await expect(editor(page).locator('del.cd-del')).toHaveText(['quickly ']);
  await expect(cards(page).filter({ has: page.locator('.cd-review-accept') })).toHaveCount(1);
});

test('comment with the shortcut, reply, resolve; keyboard next, previous, accept', async ({ page }) => {
  await openReview(page);
  // Select "third paragraph" and comment with Ctrl/Cmd+Alt+M.
  await editor(page).locator('p', { hasText: 'A third paragraph' }).click();
  await page.keyboard.press('Home');
  for (let i = 0; i < 2; i++) await page.keyboard.press('Control+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press(`${mod}+Alt+m`);
  const box = panel(page).getByRole('textbox', { name: 'New comment' });
  await expect(box).toBeFocused();
  await box.fill('Say which paragraph.');
  await page.keyboard.press(`${mod}+Enter`);
  await giveName(page);
  await expect(editor(page)).toBeFocused();
  await expect(editor(page).locator('span.cd-comment')).toHaveCount(2);
  const mine = cards(page).filter({ hasText: 'Say which paragraph.' });
  await expect(mine).toHaveCount(1);

  // Reply, then resolve: the card leaves the list (the filter hides resolved threads).
  await mine.getByRole('button', { name: 'Reply' }).click();
  await panel(page).getByRole('textbox', { name: 'Reply' }).fill('Done.');
  await mine.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(mine.locator('.cd-review-messages li')).toHaveCount(2);
  await mine.getByRole('button', { name: 'Resolve' }).click();
  await expect(cards(page).filter({ hasText: 'Say which paragraph.' })).toHaveCount(0);
  await panel(page).getByRole('checkbox', { name: 'Resolved' }).check();
  const resolved = cards(page).filter({ hasText: 'Say which paragraph.' });
  await expect(resolved).toContainText('Resolved by');
  await resolved.getByRole('button', { name: 'Reopen' }).click();
  await expect(resolved.getByRole('button', { name: 'Resolve' })).toBeVisible();

  // In the text: next change from the headline selects the insertion, then the deletion; previous goes back.
  await editor(page).locator('h1').click();
  await page.keyboard.press(`${mod}+Alt+ArrowDown`);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Tuesday');
  await page.keyboard.press(`${mod}+Alt+ArrowDown`);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('quickly ');
  await page.keyboard.press(`${mod}+Alt+ArrowUp`);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Tuesday');
  // Accept from the keyboard: the cursor lands on the next change.
  await page.keyboard.press(`${mod}+Alt+Enter`);
  await expect(editor(page).locator('ins.cd-ins', { hasText: 'Tuesday' })).toHaveCount(0);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('quickly ');
  await page.keyboard.press(`${mod}+Alt+Backspace`);
  await expect(editor(page)).toContainText('met on Tuesday and quickly voted.');
  await expect(editor(page).locator('del.cd-del', { hasText: 'quickly' })).toHaveCount(0);

  // In the panel: next moves between cards, accept decides the focused one.
  await cards(page).first().locator('.cd-review-go').focus();
  await page.keyboard.press(`${mod}+Alt+ArrowDown`);
  const replacement = cards(page).filter({ hasText: /Replaced|two|three/u });
  await expect(replacement.locator('.cd-review-go')).toBeFocused();
  await page.keyboard.press(`${mod}+Alt+Enter`);
  await expect(editor(page)).toContainText('rose by three million.');
  await expect(editor(page).locator('del.cd-del, ins.cd-ins')).toHaveCount(0);
});

test('axe finds nothing serious with the Review panel open; screenshots', async ({ page }) => {
  await openReview(page);
  await panel(page).getByRole('checkbox', { name: 'Resolved' }).check();
  await cards(page).nth(2).locator('.cd-review-go').focus();
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await snap(page, 'review-panel-1280');
  await page.setViewportSize({ width: 1024, height: 640 });
  await snap(page, 'review-panel-1024');
});

test('every kind of suggestion is shown: blocks as their own layout, atoms outlined, splits and joins marked', async ({ page }) => {
  await page.getByRole('button', { name: STYLES_HEADLINE, exact: true }).click();
  await expect(editor(page)).toBeFocused();
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await expect(cards(page)).toHaveCount(7);
  // Block wrappers take no box: the list keeps its items, the paragraph its margins.
  for (const cls of ['cd-ins-block', 'cd-del-block', 'cd-split-block', 'cd-join-block', 'cd-attr-change-block']) {
    await expect(editor(page).locator(`div.${cls}`).first()).toHaveCSS('display', 'contents');
  }
  await expect(editor(page).locator('ul > li')).toHaveCount(1);
  await expect(editor(page).locator('div.cd-del-block > li')).toHaveCSS('text-decoration-line', 'line-through');
  await expect(editor(page).locator('div.cd-ins-block > p')).toHaveCSS('text-decoration-line', 'underline');
  await expect(editor(page).locator('span.cd-attr-change')).toHaveCSS('outline-style', 'dotted');
  await expect(editor(page).locator('span.cd-format-change')).toHaveCSS('text-decoration-style', 'dotted');
  expect(await editor(page).locator('div.cd-split-block > p').evaluate((p) => getComputedStyle(p, '::before').content)).toBe('"¶"');
  await page.setViewportSize({ width: 1280, height: 800 });
  await snap(page, 'review-kinds-1280');
});

test('the eight author colours keep enough contrast as text, on white and under overlapping comments', async ({ page }) => {
  await page.getByRole('button', { name: COLOURS_HEADLINE, exact: true }).click();
  await expect(editor(page)).toBeFocused();
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  for (let n = 0; n < AUTHOR_COLOURS; n++) await expect(editor(page).locator(`.cd-author-${String(n)}`)).toHaveCount(4);
  // The thread under the cursor is drawn stronger: put the cursor in one, so axe sees that highlight too.
  await editor(page).locator('ins span.cd-comment').first().click();
  await expect(editor(page).locator('.cd-comment-active').first()).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).include('.cd-editor').withRules(['color-contrast']).analyze();
  expect(violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`))).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await snap(page, 'review-colours-1280');
});
