/**
 * A draft open in two places (issue 13 §4), through the UI, on the real services: two
 * installations share the workspace (a reporter and an editor). The second one to open the seed
 * is told who has it (the prompt names the first person) and opens it read-only: nothing can be
 * changed, a banner says who has it, and the text follows the first window's saves. It takes the
 * draft over: the first window hears (`lockLost`) and turns read-only, with the banner "… took
 * over this draft on …". Closing the draft releases its lock (the lock file is gone from the
 * workspace folder). A stale lock (not refreshed for longer than LOCK_STALE_MS) prompts nobody.
 * Screenshots of the prompt and of the read-only banner at 1280×800 and 1024×640.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { lockPathOf } from '../../electron/services/lock-file';
import { LOCK_STALE_MS, type LockHolder } from '../../shared/ipc/channels';
import { expectNoSeriousViolations } from './accessibility-check';
import { backToLibrary, editor, paragraphWith, saveState } from './editor-steps';
import { expect, fixtureText, snap, test } from './fixtures';
import { nameIs, openSeed, typeAtEnd } from './lock-steps';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') }, viewport: { width: 1280, height: 800 } });

/** Both sizes of the window, for the screenshots. */
async function snapBoth(page: Page, name: string): Promise<void> {
  await snap(page, `${name}-1280x800`);
  await page.setViewportSize({ width: 1024, height: 640 });
  await snap(page, `${name}-1024x640`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('the second person is told who has the draft, reads it, takes it over; closing releases the lock', async ({ page, workspace, services, openWindow }) => {
  const lockFile = lockPathOf(path.join(workspace, 'seed.copydesk'));
  await nameIs(page, 'Rita Reporter', 'RR');
  await openSeed(page);
  await expect(editor(page)).toBeFocused();
  await expect.poll(() => fs.access(lockFile).then(() => true, () => false)).toBe(true);

  const ben = await openWindow({ installation: 'another' });
  await nameIs(ben, 'Ben Ortiz', 'BO');
  const prompt = ben.getByRole('alertdialog', { name: 'Rita Reporter has this draft open' }).or(ben.getByRole('dialog', { name: 'Rita Reporter has this draft open' }));

  await test.step('the prompt names who has it, where and since when', async () => {
    await openSeed(ben);
    await expect(prompt).toBeVisible();
    await expect(prompt).toContainText(/Rita Reporter has it open on \S+: opened just now/u);
    await expect(prompt.getByRole('button', { name: 'Open read-only' })).toBeFocused();
    await expect(prompt.getByRole('button', { name: 'Take over' })).toBeVisible();
    await expect(prompt.getByRole('button', { name: 'Cancel' })).toBeVisible();
    await expectNoSeriousViolations(ben, 'the lock prompt');
    await snapBoth(ben, 'lock-prompt');
    // Cancel opens nothing and leaves the lock as it was.
    await prompt.getByRole('button', { name: 'Cancel' }).click();
    await expect(prompt).toBeHidden();
    await expect(ben.getByRole('button', { name: 'New draft', exact: true })).toBeVisible();
    expect((JSON.parse(await fs.readFile(lockFile, 'utf8')) as Partial<LockHolder>).name).toBe('Rita Reporter');
    await openSeed(ben);
    await expect(prompt).toBeVisible();
  });

  const banner = ben.locator('.cd-lock-banner');
  await test.step('Open read-only: nothing can be changed, a banner says who has it', async () => {
    await prompt.getByRole('button', { name: 'Open read-only' }).click();
    await expect(banner).toContainText('Read-only: Rita Reporter has this draft open');
    await expect(editor(ben)).toHaveAttribute('contenteditable', 'false');
    await expect(ben.getByRole('button', { name: /^Mode: Viewing/u })).toBeVisible();
    const paragraph = paragraphWith(ben, 'The meeting in Washington is crucial');
    const before = await paragraph.textContent();
    await paragraph.click();
    await ben.keyboard.type('xyz');
    await ben.keyboard.press('Backspace');
    await expect(paragraph).toHaveText(before ?? '');
    // Not even a comment: the window cannot save anything.
    await ben.keyboard.press(`${mod}+Alt+m`);
    await expect(ben.getByRole('status').getByText(/Read-only: someone else has this draft open/u).or(ben.getByText(/comments neither/u).first())).toBeVisible();
    await expectNoSeriousViolations(ben, 'a read-only window with its banner');
    await snapBoth(ben, 'lock-read-only-banner');
  });

  await test.step('the read-only window follows the first window’s saves', async () => {
    await typeAtEnd(page, paragraphWith(page, 'The meeting in Washington is crucial'), ' Filed at noon.');
    await page.keyboard.press(`${mod}+s`);
    await expect(saveState(page)).toHaveText(/Saved/u);
    await expect(editor(ben)).toContainText('Filed at noon.');
    await expect(editor(ben)).toHaveAttribute('contenteditable', 'false');
  });

  await test.step('Take over: the first window hears and turns read-only', async () => {
    await banner.getByRole('button', { name: 'Take over' }).click();
    await expect(banner).toBeHidden();
    await expect(editor(ben)).toHaveAttribute('contenteditable', 'true');
    // The first installation's lock timer (every LOCK_REFRESH_MS) notices at its next round: run it now.
    await services.locks.refresh();
    await expect(page.locator('.cd-lock-banner')).toContainText('Ben Ortiz took over this draft on');
    await expect(editor(page)).toHaveAttribute('contenteditable', 'false');
    const holder = JSON.parse(await fs.readFile(lockFile, 'utf8')) as Partial<LockHolder>;
    expect(holder.name).toBe('Ben Ortiz');
    await snap(page, 'lock-taken-over-1280x800');
  });

  await test.step('the editor types and saves; closing the draft removes the lock file', async () => {
    await typeAtEnd(ben, paragraphWith(ben, 'The meeting in Washington is crucial'), ' Edited by Ben.');
    await expect(editor(page)).toContainText('Edited by Ben.');
    await backToLibrary(ben);
    await expect.poll(() => fs.access(lockFile).then(() => true, () => false)).toBe(false);
    const onDisk = await fs.readFile(path.join(workspace, 'seed.copydesk'), 'utf8');
    expect(onDisk).toContain('aggression. Filed at noon. Edited by Ben.');
  });
});

test('a stale lock left by a crash prompts nobody', async ({ page, workspace }) => {
  const lockFile = lockPathOf(path.join(workspace, 'seed.copydesk'));
  const old = new Date(Date.now() - LOCK_STALE_MS - 60_000).toISOString();
  // A lock file as locks.ts writes it, last refreshed longer ago than the limit.
  const crashed = { format: 'copydesk-lock', version: 1, id: 'crashed-desk', name: 'Carl Crashed', machine: 'old-pc', instance: 'deadbeefdeadbeef', since: old, refreshed: old };
  await fs.writeFile(lockFile, JSON.stringify(crashed));
  await openSeed(page);
  await expect(editor(page)).toBeFocused();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('.cd-lock-banner')).toHaveCount(0);
  await expect(editor(page)).toHaveAttribute('contenteditable', 'true');
  // The lock is this installation's now.
  await expect.poll(async () => (JSON.parse(await fs.readFile(lockFile, 'utf8')) as Partial<LockHolder>).id).not.toBe('crashed-desk');
});
