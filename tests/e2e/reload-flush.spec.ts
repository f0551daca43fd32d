/**
 * No keystroke lost on reload (issue 10, item 3): View > Reload within half a second of typing
 * lost the last sentence, and at one second it came back as "Recovered after a crash". Here the
 * sentence is typed and the window reloaded at once, as the shell does it (the `flush` event, the
 * renderer saves and answers `window.flushed`, then the page reloads and reopens the draft:
 * harness `session.reload`, mirroring electron/shell/window.ts `reloadWindow`).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseDraft } from '../../shared/draft/format';
import { createDraft, editor } from './editor-steps';
import { expect, fixtureText, snap, test } from './fixtures';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
] as const;

const SEED_HEADLINE = 'Upcoming Safety Assurances for the Washington Meeting';
const SENTENCE = ' A sentence typed just before the reload.';

/** The journal records left in the userData folder. */
async function journalRecords(userData: string): Promise<string[]> {
  const names = await fs.readdir(path.join(userData, 'recovery')).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith('.journal'));
}

for (const size of SIZES) {
  test.describe(`${String(size.width)}x${String(size.height)}`, () => {
    test.use({ viewport: size, drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') } });

    test('a sentence typed right before View > Reload is saved, shown again after the reload, and nothing is "recovered after a crash"', async ({ page, session, workspace, userData, sendMenu }) => {
      await page.getByRole('button', { name: SEED_HEADLINE, exact: true }).click();
      await expect(editor(page)).toBeFocused();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(SENTENCE);
      // At once: no waiting for the autosave (1.5 s) or the journal (1 s).
      const reply = await session.reload(page);
      expect(reply).toMatchObject({ open: 'seed.copydesk', saved: true });
      const onDisk = parseDraft(await fs.readFile(path.join(workspace, 'seed.copydesk'), 'utf8'));
      expect(onDisk.doc.textContent).toContain(SENTENCE.trim());
      // The new page reopens the draft with the sentence.
      await expect(editor(page)).toBeVisible();
      await expect(editor(page)).toContainText(SENTENCE.trim());
      await snap(page, `reload-flush-${String(size.width)}`);
      expect(await journalRecords(userData)).toEqual([]);
      // Back in the library: nothing offered as recovered after a crash.
      await sendMenu('open');
      await expect(page.getByRole('button', { name: SEED_HEADLINE, exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Recovered after a crash' })).toHaveCount(0);
    });

    test('a new draft: its first words, typed right before the reload, are saved and reopened', async ({ page, session, userData }) => {
      await createDraft(page);
      await page.keyboard.type('Fresh headline');
      const reply = await session.reload(page);
      expect(reply?.saved).toBe(true);
      await expect(editor(page).locator('h1')).toHaveText('Fresh headline');
      expect(await journalRecords(userData)).toEqual([]);
      await expect(page.getByRole('heading', { name: 'Recovered after a crash' })).toHaveCount(0);
    });
  });
}
