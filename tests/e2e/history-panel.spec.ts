/**
 * The History panel in real Chromium on the real version services: versions listed newest first
 * with author, word count and status, the draft's changes of status in the same timeline; a named
 * checkpoint stands out and is still there after the draft is closed and opened again; a version
 * shown read-only (Escape goes back); Restore keeps the current text as a checkpoint, replaces the
 * article, and one undo brings the text back (refused in Viewing mode); the compare view of a
 * known edit shows each change, steps through them with the review keys, highlights and
 * announces the current one, and compares two versions; axe finds nothing serious; screenshots
 * at 1280×800 and 1024×640.
 *
 * Versions are five minutes apart at most, so the tests make theirs with checkpoints.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DRAFT_VERSION } from '../../shared/draft/format';
import { expectNoSeriousViolations } from './accessibility-check';
import { backToLibrary, editor, nextFrame } from './editor-steps';
import { expect, fixtureText, snap, test } from './fixtures';

const HEADLINE = 'Upcoming Safety Assurances for the Washington Meeting';
const FILED_AT = '2026-12-01T09:30:00.000Z';
const EDITED_AT = '2026-12-01T11:00:00.000Z';
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/**
 * The seed article, filed by Rita and edited by Ben (its status log says so): a status that
 * imposes no mode on whoever opens it here (shared/desk/handover.ts).
 */
function filedSeed(): string {
  const draft = JSON.parse(fixtureText('seed-article.copydesk')) as { version: number; meta: Record<string, unknown> };
  draft.version = DRAFT_VERSION;
  draft.meta = {
    ...draft.meta,
    status: 'edited',
    statusLog: [
      { from: 'draft', to: 'ready-for-edit', by: { id: 'rita-1', name: 'Rita Reporter' }, at: FILED_AT },
      { from: 'ready-for-edit', to: 'edited', by: { id: 'ben-1', name: 'Ben Ortiz' }, at: EDITED_AT },
    ],
  };
  return JSON.stringify(draft);
}

test.use({ drafts: { 'seed.copydesk': filedSeed() } });

function panel(page: Page) {
  return page.getByRole('complementary', { name: 'History' });
}
function items(page: Page) {
  return panel(page).getByRole('list', { name: /Versions and changes of status/u }).getByRole('listitem');
}
function checkpoint(page: Page, label: string) {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}$`, 'u');
  return items(page).filter({ has: page.locator('.cd-history-label', { hasText: exact }) });
}

async function openSeed(page: Page): Promise<void> {
  await page.getByRole('button', { name: HEADLINE, exact: true }).click();
  await expect(editor(page)).toBeFocused();
}

async function openHistory(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await expect(panel(page)).toBeVisible();
}

/** "Name a checkpoint…": saves, keeps the draft under `label`; waits until the list shows it. */
async function nameCheckpoint(page: Page, label: string): Promise<void> {
  await panel(page).getByRole('button', { name: 'Name a checkpoint…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Name a checkpoint' });
  await dialog.getByLabel('Checkpoint name').fill(label);
  await dialog.getByRole('button', { name: 'Save checkpoint' }).click();
  await expect(dialog).toBeHidden();
  await expect(checkpoint(page, label)).toHaveCount(1);
}

/** Replaces the headline's first word ("Upcoming") with `word` (from the keyboard: a click's selection reaches ProseMirror a frame later). */
async function replaceFirstWord(page: Page, word: string): Promise<void> {
  await editor(page).focus();
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+ArrowUp' : 'Control+Home');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.type(word);
}

test('versions with author, words and status; the status log; a named checkpoint stands out and stays', async ({ page }) => {
  await openSeed(page);
  await openHistory(page);
  // The status change of the draft's log is in the timeline.
  await expect(items(page).filter({ hasText: 'Rita Reporter: Draft → Ready for edit' })).toHaveCount(1);
  await expect(items(page).filter({ hasText: 'Ben Ortiz: Ready for edit → Edited' })).toHaveCount(1);

  await nameCheckpoint(page, 'Before legal read');
  const named = checkpoint(page, 'Before legal read');
  await expect(named).toHaveClass(/cd-history-checkpoint/u);
  await expect(named.locator('.cd-history-badge')).toHaveText('Checkpoint');
  await expect(named).toContainText(/\d[\d,]* words · Edited/u);
  // It stands out: an accent edge that a plain version does not have.
  await expect(named).not.toHaveCSS('box-shadow', 'none');

  // Another edit, another checkpoint: newest first, above the status change of yesterday.
  await replaceFirstWord(page, 'Coming');
  await nameCheckpoint(page, 'Headline changed');
  const texts = await items(page).allInnerTexts();
  const at = (s: string): number => texts.findIndex((t) => t.includes(s));
  expect(at('Headline changed')).toBeGreaterThanOrEqual(0);
  expect(at('Headline changed')).toBeLessThan(at('Before legal read'));
  expect(at('Before legal read')).toBeLessThan(at('Rita Reporter: Draft → Ready for edit'));

  // Naming an existing version: it becomes "Legal read done".
  await named.getByRole('button', { name: /^Rename “?Before legal read/u }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename checkpoint' });
  await dialog.getByLabel('Checkpoint name').fill('Legal read done');
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(checkpoint(page, 'Legal read done')).toHaveCount(1);
  await expect(checkpoint(page, 'Before legal read')).toHaveCount(0);

  // Closed and opened again: the checkpoints are still there.
  await backToLibrary(page);
  await page.getByRole('button', { name: `Coming Safety Assurances for the Washington Meeting`, exact: true }).click();
  await expect(editor(page)).toBeFocused();
  await openHistory(page);
  await expect(checkpoint(page, 'Legal read done')).toHaveCount(1);
  await expect(checkpoint(page, 'Headline changed')).toHaveCount(1);
});

test('a version read-only; Restore keeps the current text first, and one undo brings it back', async ({ page }) => {
  await openSeed(page);
  await openHistory(page);
  await nameCheckpoint(page, 'Original');
  await replaceFirstWord(page, 'Coming');
  await expect(editor(page).locator('h1')).toHaveText(/^Coming Safety/u);

  // Shown read-only instead of the text: a bar says which and that it is read-only.
  await checkpoint(page, 'Original').locator('.cd-history-open').click();
  const stage = page.getByRole('region', { name: 'Kept version' });
  await expect(stage.getByRole('heading', { name: 'Original' })).toBeFocused();
  await expect(stage).toContainText('Read-only');
  const shown = page.getByRole('textbox', { name: 'Original (read-only)' });
  await expect(shown.locator('h1')).toHaveText(HEADLINE);
  await expect(shown).toHaveAttribute('contenteditable', 'false');
  await expect(editor(page)).toBeHidden();
  await expect(checkpoint(page, 'Original')).toHaveClass(/cd-history-selected/u);
  await page.setViewportSize({ width: 1280, height: 800 });
  await snap(page, 'history-version-1280');
  await page.setViewportSize({ width: 1024, height: 640 });
  await snap(page, 'history-version-1024');
  // F6 leaves the article region and comes back to the version, not to the hidden text.
  await page.keyboard.press('F6');
  await expect(panel(page).locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Shift+F6');
  await expect(stage.getByRole('heading', { name: 'Original' })).toBeFocused();
  // Escape goes back to the text.
  await page.keyboard.press('Escape');
  await expect(stage).toBeHidden();
  await expect(editor(page)).toBeFocused();

  // Restore: the text before it is kept as a checkpoint; the article is the version's.
  await checkpoint(page, 'Original').locator('.cd-history-open').click();
  await stage.getByRole('button', { name: 'Restore' }).click();
  await expect(stage).toBeHidden();
  await expect(editor(page).locator('h1')).toHaveText(HEADLINE);
  await expect(checkpoint(page, 'Before restoring “Original”')).toHaveCount(1);
  // One undo takes the restore back.
  await editor(page).focus();
  await page.keyboard.press(`${mod}+z`);
  await expect(editor(page).locator('h1')).toHaveText(/^Coming Safety/u);

  // In Viewing mode the text is read-only: Restore is disabled.
  await page.keyboard.press(`${mod}+Alt+Shift+c`);
  await checkpoint(page, 'Original').locator('.cd-history-open').click();
  await expect(stage.getByRole('button', { name: 'Restore' })).toBeDisabled();
  await stage.getByRole('button', { name: 'Back to the draft' }).click();
  await expect(editor(page)).toBeVisible();
});

test('compare a version with the current text: each change of a known edit, next and previous with the keys', async ({ page }) => {
  await openSeed(page);
  await openHistory(page);
  await nameCheckpoint(page, 'Original');
  // A known edit: a word replaced in the headline, a word made bold in the standfirst.
  await replaceFirstWord(page, 'Coming');
  await editor(page).locator('p.cd-standfirst').click({ position: { x: 3, y: 8 } });
  await nextFrame(page);
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await nextFrame(page);
  await page.keyboard.press(`${mod}+b`);
  await expect(editor(page).locator('p.cd-standfirst strong')).toHaveText('Trump');

  await checkpoint(page, 'Original').getByRole('button', { name: 'Compare “Original” with the current text' }).click();
  const stage = page.getByRole('region', { name: 'Comparison' });
  await expect(stage.getByRole('heading', { name: 'Comparing “Original” with the current text' })).toBeFocused();
  await expect(stage.locator('.cd-compare-summary')).toContainText('2 changes');
  const view = page.getByRole('textbox', { name: /^Comparing “Original” with the current text/u });
  // The changes in the text, with the review marks' styles.
  await expect(view.locator('del.cd-del', { hasText: 'Upcoming' })).toHaveCSS('text-decoration-line', 'line-through');
  await expect(view.locator('ins.cd-ins', { hasText: 'Coming' })).toHaveCSS('text-decoration-line', 'underline');
  await expect(view.locator('.cd-format-change')).toContainText('Trump');

  // Next and previous change with the review keys: highlighted and announced.
  const status = stage.locator('.cd-compare-current[role="status"]');
  await page.keyboard.press(`${mod}+Alt+ArrowDown`);
  await expect(status).toContainText('Change 1 of 2');
  await expect(status).toContainText('Upcoming');
  await expect(view.locator('.cd-change-active').first()).toContainText(/Upcoming|Coming/u);
  await page.keyboard.press(`${mod}+Alt+ArrowDown`);
  await expect(status).toContainText('Change 2 of 2');
  await expect(view.locator('.cd-change-active').first()).toContainText('Trump');
  await page.keyboard.press(`${mod}+Alt+ArrowUp`);
  await expect(status).toContainText('Change 1 of 2');
  // The buttons do the same.
  await stage.getByRole('button', { name: 'Next change' }).click();
  await expect(status).toContainText('Change 2 of 2');

  // Escape closes it.
  await page.keyboard.press('Escape');
  await expect(stage).toBeHidden();
  await expect(editor(page)).toBeFocused();

  // Two versions: the original shown, compared with a later checkpoint.
  await nameCheckpoint(page, 'Edited');
  await checkpoint(page, 'Original').locator('.cd-history-open').click();
  await checkpoint(page, 'Edited').getByRole('button', { name: 'Compare “Edited” with “Original”' }).click();
  await expect(stage.getByRole('heading', { name: 'Comparing “Original” with “Edited”' })).toBeVisible();
  await expect(stage.locator('.cd-compare-summary')).toContainText('2 changes');
  await expect(checkpoint(page, 'Original')).toHaveClass(/cd-history-compared/u);
  await expect(checkpoint(page, 'Edited')).toHaveClass(/cd-history-compared/u);
});

test('axe finds nothing serious in the History panel and the compare view; screenshots', async ({ page }) => {
  await openSeed(page);
  await openHistory(page);
  await nameCheckpoint(page, 'Filed');
  await replaceFirstWord(page, 'Coming');
  await nameCheckpoint(page, 'Before legal read');
  await expectNoSeriousViolations(page, 'the History panel');
  await page.setViewportSize({ width: 1280, height: 800 });
  await snap(page, 'history-panel-1280');
  await page.setViewportSize({ width: 1024, height: 640 });
  await snap(page, 'history-panel-1024');

  await checkpoint(page, 'Filed').getByRole('button', { name: 'Compare “Filed” with the current text' }).click();
  const stage = page.getByRole('region', { name: 'Comparison' });
  await expect(stage).toBeVisible();
  await page.keyboard.press(`${mod}+Alt+ArrowDown`);
  await expect(stage.locator('.cd-compare-current[role="status"]')).toContainText('Change 1 of');
  await expectNoSeriousViolations(page, 'the compare view');
  await page.setViewportSize({ width: 1280, height: 800 });
  await snap(page, 'history-compare-1280');
  await page.setViewportSize({ width: 1024, height: 640 });
  await snap(page, 'history-compare-1024');
});

test.describe('the engine\'s fixture pair', () => {
  test.use({ drafts: { 'story.copydesk': fixtureText('seed-article.copydesk') } });

  test('the seed filed, then edited in 20 places (the engine\'s fixture pair): each change in turn', async ({ page, services, workspace }) => {
    // "Filed" is the seed as it was; then the file becomes the copy an editor changed in 20 places.
    await services.versions.checkpoint('story.copydesk', 'Filed');
    await fs.writeFile(path.join(workspace, 'story.copydesk'), fixtureText('seed-article-edited.copydesk'));
    await page.getByRole('button', { name: 'Upcoming Security Assurances for the Washington Meeting', exact: true }).click();
    await expect(editor(page).locator('h1')).toHaveText('Upcoming Security Assurances for the Washington Meeting');
    await openHistory(page);
    await checkpoint(page, 'Filed').getByRole('button', { name: 'Compare “Filed” with the current text' }).click();
    const stage = page.getByRole('region', { name: 'Comparison' });
    await expect(stage.locator('.cd-compare-summary')).toContainText(/^20 changes: /u);
    const status = stage.locator('.cd-compare-current[role="status"]');
    const said: string[] = [];
    for (let i = 1; i <= 20; i++) {
      await page.keyboard.press(`${mod}+Alt+ArrowDown`);
      await expect(status).toContainText(`Change ${String(i)} of 20`);
      await expect(stage.locator('.cd-change-active').first()).toBeAttached();
      said.push((await status.textContent()) ?? '');
    }
    // Each change once, in document order (their places never go back, but for a moved block's old place).
    expect(new Set(said).size).toBe(20);
    expect(said[0]).toContain('Safety');
    for (const what of ['Formatted: bold', '[1] → [2]: Reuters → Council on Foreign Relations', '¶13 → ¶14: Moved paragraph', 'Split paragraph', 'Joined paragraphs', '“Read also” item: url', 'Changed source fields: note']) {
      expect(said.filter((s) => s.includes(what)), what).toHaveLength(1);
    }
    // Past the last, the first again.
    await page.keyboard.press(`${mod}+Alt+ArrowDown`);
    await expect(status).toContainText('Change 1 of 20');
    await page.keyboard.press(`${mod}+Alt+ArrowUp`);
    await expect(status).toContainText('Change 20 of 20');
    for (let i = 0; i < 8; i++) await page.keyboard.press(`${mod}+Alt+ArrowDown`);
    await expect(status).toContainText('Change 8 of 20');
    await page.setViewportSize({ width: 1280, height: 800 });
    await snap(page, 'history-compare-seed-1280');
    await page.setViewportSize({ width: 1024, height: 640 });
    await snap(page, 'history-compare-seed-1024');
    // The moved paragraph, and a citation pointed at another source.
    await page.setViewportSize({ width: 1280, height: 800 });
    for (let i = 8; i < 14; i++) await page.keyboard.press(`${mod}+Alt+ArrowDown`);
    await expect(status).toContainText('Moved paragraph');
    await snap(page, 'history-compare-moved-1280');
    for (let i = 14; i > 11; i--) await page.keyboard.press(`${mod}+Alt+ArrowUp`);
    await expect(status).toContainText('[1] → [2]');
    await snap(page, 'history-compare-citation-1280');
  });
});
