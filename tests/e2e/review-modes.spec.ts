/**
 * Review modes and who reviews (issue 12 §1–2), in the browser: the mode is always shown (the
 * toolbar's mode menu and the status bar); the first switch to Suggesting asks for the name and
 * initials, prefilled from the operating system's user name, and the settings keep them; the
 * modes switch from the toolbar, the shortcuts and the View menu; Viewing is read-only; a window
 * of a second installation on the same workspace is another reviewer; axe finds nothing serious
 * on the toolbar's row, its open mode menu or the name dialog. Screenshots at 1280×800 and 1024×640.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { initialsOf, nameFromUserName } from '../../shared/review/reviewer-name';
import { editor, editSource, sourcesPanel } from './editor-steps';
import { expectNoSeriousViolations } from './accessibility-check';
import { expect, fixtureText, snap, test } from './fixtures';
import { VIEWPORTS } from './viewports';

const SEED_HEADLINE = 'Upcoming Safety Assurances for the Washington Meeting';

test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') } });

const modeButton = (page: Page) => page.getByRole('button', { name: /^Mode: / });
const statusMode = (page: Page) => page.locator('.cd-statusbar .cd-mode-status');

async function openSeed(page: Page): Promise<void> {
  await page.getByRole('button', { name: SEED_HEADLINE, exact: true }).click();
  await expect(editor(page)).toBeFocused();
}

/** Expects `mode` to show in the toolbar's menu button and in the status bar. */
async function expectMode(page: Page, mode: 'Editing' | 'Suggesting' | 'Viewing'): Promise<void> {
  await expect(modeButton(page)).toHaveAccessibleName(`Mode: ${mode}`);
  await expect(modeButton(page)).toHaveText(new RegExp(mode, 'u'));
  await expect(statusMode(page)).toHaveText(mode);
}

/** Chooses `mode` in the toolbar's mode menu. */
async function chooseMode(page: Page, mode: 'Editing' | 'Suggesting' | 'Viewing'): Promise<void> {
  await modeButton(page).click();
  await page.getByRole('menuitemradio', { name: new RegExp(`^${mode}`, 'u') }).click();
}

/** The reviewer the settings file of `userData` holds. */
async function storedReviewer(userData: string): Promise<{ id: string; name: string; initials: string } | undefined> {
  const text = await fs.readFile(path.join(userData, 'settings.json'), 'utf8').catch(() => '{}');
  return (JSON.parse(text) as { reviewer?: { id: string; name: string; initials: string } }).reviewer;
}

test('the first switch to Suggesting asks for the name, prefilled; the modes switch from the toolbar, the shortcuts and the menu', async ({ page, userData, sendMenu }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openSeed(page);
  await expectMode(page, 'Editing');
  expect(await storedReviewer(userData)).toBeUndefined();
  await snap(page, 'review-mode-editing-1280x800');

  // The menu: three modes, the current one checked, and the name in review.
  await modeButton(page).click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitemradio')).toHaveText([/Editing/u, /Suggesting/u, /Viewing/u]);
  await expect(menu.getByRole('menuitemradio', { name: /^Editing/u })).toHaveAttribute('aria-checked', 'true');
  await expect(menu.getByRole('menuitemradio', { name: /^Suggesting/u })).toHaveAttribute('aria-keyshortcuts', 'Control+Alt+Shift+X');
  await snap(page, 'review-mode-menu-1280x800');
  await expectNoSeriousViolations(page, 'the open mode menu', { include: '.cd-tool-menu' });
  await menu.getByRole('menuitemradio', { name: /^Suggesting/u }).click();

  // First use: the name and initials, prefilled from the operating system's user name.
  const dialog = page.getByRole('dialog', { name: 'Your name in review' });
  await expect(dialog).toBeVisible();
  const suggested = nameFromUserName(os.userInfo().username);
  const name = dialog.getByLabel('Your name in review');
  const initials = dialog.getByLabel('Initials');
  await expect(name).toHaveValue(suggested);
  await expect(initials).toHaveValue(initialsOf(suggested).slice(0, 4));
  await expect(name).toBeFocused();
  await snap(page, 'review-name-dialog-1280x800');
  await expectNoSeriousViolations(page, 'the name dialog', { include: 'dialog' });
  // The initials follow the name until edited by hand; an empty name cannot be saved.
  await name.fill('');
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  await name.fill('Ana García');
  await expect(initials).toHaveValue('AG');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expectMode(page, 'Suggesting');
  await expect(editor(page)).toHaveAttribute('contenteditable', 'true');
  const ana = await storedReviewer(userData);
  expect(ana).toMatchObject({ name: 'Ana García', initials: 'AG' });
  expect(ana?.id).toMatch(/^a[0-9a-z]+$/u);
  await snap(page, 'review-mode-suggesting-1280x800');

  // Shortcuts (Google Docs' keys), from the text: Viewing is read-only. The caret in a body
  // paragraph (focusing the editable alone puts it at the headline's start, where Bold never applies).
  await editor(page).locator('p', { hasText: 'The meeting in Washington is crucial' }).click();
  await page.keyboard.press('Control+Alt+Shift+C');
  await expectMode(page, 'Viewing');
  await expect(editor(page)).toHaveAttribute('contenteditable', 'false');
  await expect(editor(page)).toHaveAttribute('aria-readonly', 'true');
  const before = await editor(page).textContent();
  await editor(page).click();
  await page.keyboard.type('xyz');
  await page.keyboard.press('Backspace');
  expect(await editor(page).textContent()).toBe(before);
  await expect(page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Bold' })).toBeDisabled();
  // The figure's fields and the Sources panel's are read-only too.
  const alt = editor(page).getByRole('textbox', { name: /^Alt text/u });
  const sourceTitle = (await editSource(page, /^\[1\] /u)).getByRole('textbox', { name: 'Title' });
  await expect(alt).not.toBeEditable();
  await expect(sourceTitle).not.toBeEditable();
  await expect(sourcesPanel(page).getByRole('button', { name: /^Delete with citations/u }).first()).toBeDisabled();
  await snap(page, 'review-mode-viewing-1280x800');

  await page.keyboard.press('Control+Alt+Shift+Z');
  await expectMode(page, 'Editing');
  await expect(editor(page)).toHaveAttribute('contenteditable', 'true');
  await expect(page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Bold' })).toBeEnabled();
  await expect(alt).toBeEditable();
  await expect(sourceTitle).toBeEditable();

  // The name is known now: Suggesting no longer asks.
  await page.keyboard.press('Control+Alt+Shift+X');
  await expectMode(page, 'Suggesting');
  await expect(dialog).toBeHidden();

  // The View menu's items.
  await sendMenu('mode-viewing');
  await expectMode(page, 'Viewing');
  await sendMenu('mode-editing');
  await expectMode(page, 'Editing');

  // The name changes from the mode menu; the id stays.
  await modeButton(page).click();
  await page.getByRole('menuitem', { name: 'Your name in review: Ana García (AG)…' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Your name in review')).toHaveValue('Ana García');
  await dialog.getByLabel('Your name in review').fill('Ana García Ruiz');
  // Initials derived from the name follow it.
  await expect(dialog.getByLabel('Initials')).toHaveValue('AGR');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  expect(await storedReviewer(userData)).toEqual({ id: ana?.id, name: 'Ana García Ruiz', initials: 'AGR' });

  // Cancelling the first-use dialog leaves the mode as it was (checked in the second window below).
  await expectNoSeriousViolations(page, 'the toolbar row', { include: '.cd-toolrow' });
});

test('a window of another installation is another reviewer; cancelling the first-use dialog keeps Editing', async ({ page, session, userData, openWindow }) => {
  await openSeed(page);
  await chooseMode(page, 'Suggesting');
  const dialog = page.getByRole('dialog', { name: 'Your name in review' });
  await dialog.getByLabel('Your name in review').fill('Ana García');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expectMode(page, 'Suggesting');

  // The same installation's second window knows the name already.
  const same = await openWindow();
  await openSeed(same);
  await chooseMode(same, 'Suggesting');
  await expectMode(same, 'Suggesting');
  await expect(same.getByRole('dialog')).toHaveCount(0);
  await same.close();

  // The first desk closes the draft (its lock goes), so the other one opens it without being asked (locks.spec.ts).
  await page.getByRole('button', { name: '← Library' }).click();
  const other = await openWindow({ installation: 'another' });
  await openSeed(other);
  await expectMode(other, 'Editing');
  await chooseMode(other, 'Suggesting');
  const otherDialog = other.getByRole('dialog', { name: 'Your name in review' });
  await expect(otherDialog).toBeVisible();
  await otherDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(otherDialog).toBeHidden();
  await expectMode(other, 'Editing');

  await chooseMode(other, 'Suggesting');
  await otherDialog.getByLabel('Your name in review').fill('Ben Okafor');
  await otherDialog.getByRole('button', { name: 'Save' }).click();
  await expectMode(other, 'Suggesting');

  const ana = await storedReviewer(userData);
  const ben = await storedReviewer((await session.another()).userData);
  expect(ana?.name).toBe('Ana García');
  expect(ben).toMatchObject({ name: 'Ben Okafor', initials: 'BO' });
  expect(ben?.id).not.toBe(ana?.id);
  // Both installations share the workspace.
  expect((await session.another()).services.settings.workspaceFolder()).toBe(session.workspace);
});

test('in Suggesting, typed text is recorded as a suggestion or refused, never applied unrecorded', async ({ page }) => {
  await openSeed(page);
  await chooseMode(page, 'Suggesting');
  const dialog = page.getByRole('dialog', { name: 'Your name in review' });
  await dialog.getByLabel('Your name in review').fill('Ana García');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expectMode(page, 'Suggesting');
  await editor(page).focus();
  const before = await editor(page).textContent();
  await page.keyboard.type('Zq');
  // Whatever the engine can record: its insertion mark holds the text, or the text is as it was
  // (the page redrawn over what the browser typed) and the user is told.
  await expect
    .poll(async () => {
      const recorded = await editor(page).locator('ins[data-review="insertion"]', { hasText: 'Zq' }).count();
      const refused = (await editor(page).textContent()) === before && (await page.getByText('this change cannot be recorded as a suggestion', { exact: false }).count()) > 0;
      return recorded > 0 || refused ? 'recorded or refused' : 'applied unrecorded';
    })
    .toBe('recorded or refused');
});

for (const size of VIEWPORTS) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport });

    test('the mode stays in view on the toolbar row and in the status bar', async ({ page }) => {
      await openSeed(page);
      for (const mode of ['Viewing', 'Editing'] as const) {
        await chooseMode(page, mode);
        await expectMode(page, mode);
        const box = await modeButton(page).boundingBox();
        expect(box, 'the mode button is laid out').not.toBeNull();
        if (box) expect(box.x + box.width).toBeLessThanOrEqual(size.viewport.width);
        // The toolbar keeps one row beside it.
        const row = await page.locator('.cd-toolrow').boundingBox();
        expect(row?.height ?? 0).toBeLessThan(60);
        await expect(statusMode(page)).toBeInViewport();
      }
      await chooseMode(page, 'Viewing');
      await snap(page, `review-mode-viewing-${size.name}`);
      await expectNoSeriousViolations(page, `the toolbar row at ${size.name}`, { include: '.cd-toolrow' });
      await expectNoSeriousViolations(page, `the status bar at ${size.name}`, { include: '.cd-statusbar' });
    });
  });
}
