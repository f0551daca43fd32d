/**
 * Issue 13's browser scenario, with both windows open all along, as two people on one shared
 * workspace folder (two installations): the reporter files the seed article (Ready for edit) and
 * her window turns read-only, handing the draft over; the editor opens it without being asked who
 * has it, in Suggesting, edits, and sends it back with Revise; the reporter's open window follows
 * the file, takes the draft back and edits again with the suggestions pending; she compares the
 * "Filed" checkpoint with the current text and steps through each change. (A simultaneous save
 * from two desks is merge-conflict.spec.ts.)
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { lockPathOf } from '../../electron/services/lock-file';
import { parseDraft } from '../../shared/draft/format';
import { indexReview } from '../../shared/review/index';
import { editor, giveName, nextFrame } from './editor-steps';
import { expect, fixtureText, snap, test } from './fixtures';
import { nameIs, openSeed } from './lock-steps';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') }, viewport: { width: 1280, height: 800 } });

const statusSelect = (page: Page) => page.locator('.cd-appbar').getByRole('combobox', { name: 'Status' });
const modeButton = (page: Page) => page.getByRole('button', { name: /^Mode: / });


test('filed, edited by the desk, sent back, compared with what was filed', async ({ page, workspace, services, openWindow }) => {
  const seedFile = path.join(workspace, 'seed.copydesk');
  const onDisk = async () => parseDraft(await fs.readFile(seedFile, 'utf8'));
  const lockOnDisk = async () => fs.readFile(lockPathOf(seedFile), 'utf8').then((text) => (JSON.parse(text) as { name: string }).name, () => null);
  await nameIs(page, 'Rita Reporter', 'RR');
  const ben = await openWindow({ installation: 'another' });
  await nameIs(ben, 'Ben Ortiz', 'BO');

  await test.step('the reporter files the seed: checkpoint "Filed", her window hands the draft over', async () => {
    await openSeed(page);
    await expect(editor(page)).toHaveAttribute('contenteditable', 'true');
    await expect.poll(lockOnDisk).toBe('Rita Reporter');
    await statusSelect(page).selectOption({ label: 'Ready for edit' });
    await giveName(page, 'Rita Reporter');
    await expect(page.getByText('Handed over: this window follows the draft read-only')).toBeVisible();
    await expect(editor(page)).toHaveAttribute('contenteditable', 'false');
    await expect(statusSelect(page)).toBeDisabled();
    await expect.poll(async () => (await onDisk()).meta.status).toBe('ready-for-edit');
    await expect.poll(async () => (await services.versions.list('seed.copydesk')).map((v) => v.label).filter(Boolean)).toEqual(['Filed']);
    // Her lock is gone: the desk is not asked who has it.
    await expect.poll(lockOnDisk).toBeNull();
  });

  await test.step('the editor opens it in Suggesting, without a prompt, and edits', async () => {
    await openSeed(ben);
    // Suggesting needs his name; nobody is said to have the draft open.
    await giveName(ben, 'Ben Ortiz');
    await expect(ben.getByRole('dialog')).toHaveCount(0);
    await expect(modeButton(ben)).toHaveAccessibleName('Mode: Suggesting, ready for edit');
    await expect(editor(ben)).toHaveAttribute('contenteditable', 'true');
    await expect.poll(lockOnDisk).toBe('Ben Ortiz');
    // The reporter's window stays read-only.
    await expect(editor(page)).toHaveAttribute('contenteditable', 'false');
    await editor(ben).focus();
    await ben.keyboard.press(process.platform === 'darwin' ? 'Meta+ArrowUp' : 'Control+Home');
    await ben.keyboard.press('Control+Shift+ArrowRight');
    await nextFrame(ben);
    await ben.keyboard.type('Coming');
    await expect(editor(ben).locator('ins.cd-ins')).toHaveText('Coming');
    await expect(editor(ben).locator('del.cd-del')).toHaveText('Upcoming');
  });

  await test.step('the editor sends it back with Revise: his window hands it over in turn', async () => {
    await statusSelect(ben).selectOption({ label: 'Revise' });
    await expect(editor(ben)).toHaveAttribute('contenteditable', 'false');
    await expect.poll(async () => (await onDisk()).meta.status).toBe('revise');
    expect(indexReview((await onDisk()).doc).suggestions.length).toBeGreaterThan(0);
    await expect.poll(lockOnDisk).toBeNull();
  });

  await test.step("the reporter's open window takes it back: Editing, the suggestions pending", async () => {
    await expect(modeButton(page)).toHaveAccessibleName('Mode: Editing, sent back');
    await expect(editor(page)).toHaveAttribute('contenteditable', 'true');
    await expect(statusSelect(page)).toBeEnabled();
    await expect(editor(page).locator('ins.cd-ins')).toHaveText('Coming');
    await expect(page.getByText('Handed over:')).toHaveCount(0);
    await expect.poll(lockOnDisk).toBe('Rita Reporter');
  });

  await test.step('she compares "Filed" with the current text and steps through each change', async () => {
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const history = page.getByRole('complementary', { name: 'History' });
    const filed = history.getByRole('listitem').filter({ has: page.locator('.cd-history-label', { hasText: /^Filed$/u }) });
    await filed.getByRole('button', { name: 'Compare “Filed” with the current text' }).click();
    const stage = page.getByRole('region', { name: 'Comparison' });
    await expect(stage.locator('.cd-compare-summary')).toContainText('1 change');
    const view = page.getByRole('textbox', { name: /^Comparing “Filed” with the current text/u });
    await expect(view.locator('del.cd-del')).toHaveText('Upcoming');
    await expect(view.locator('ins.cd-ins')).toHaveText('Coming');
    await page.keyboard.press(`${mod}+Alt+ArrowDown`);
    const status = stage.locator('.cd-compare-current[role="status"]');
    await expect(status).toContainText('Change 1 of 1');
    await expect(status).toContainText('Upcoming');
    await snap(page, 'desk-session-compare-filed-1280x800');
  });
});
