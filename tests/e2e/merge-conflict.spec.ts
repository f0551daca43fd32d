/**
 * A simultaneous save from two desks ends with both people's work in the file (issue 13 §4,
 * "Merge their version"), through the UI, on the real services. Rita and Ben (a second
 * installation) open the seed in a folder where no lock file can be written (a folder stands in
 * its place, as on a share that refuses them): both edit, warned that nobody else is, and both
 * type and save at the same moment. One save wins; the other
 * window meets the conflict and merges their version: the other person's changes appear as
 * suggestions by them (the Review panel lists them as cards), and once saved the file holds both
 * people's text, theirs as suggestions with their author. Once with different paragraphs, once
 * with the same paragraph.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { lockFileName } from '../../electron/services/lock-file';
import { parseDraft } from '../../shared/draft/format';
import { reviewDataOf } from '../../shared/review/authors';
import { indexReview } from '../../shared/review/index';
import { decideAll } from '../../shared/review/resolve';
import { editor, paragraphWith, saveState } from './editor-steps';
import { expect, fixtureText, snap, test } from './fixtures';
import { nameIs, openSeed, typeAtEnd } from './lock-steps';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const FIRST = 'The meeting in Washington is crucial';
const SECOND = 'The German government has announced';

test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') }, viewport: { width: 1280, height: 800 } });

interface Desk {
  readonly page: Page;
  readonly name: string;
}

/** Rita and Ben both have the seed open to edit: its lock file cannot be written, so neither is stopped. */
async function twoDesks(page: Page, workspace: string, openWindow: (options?: { readonly installation?: 'same' | 'another' }) => Promise<Page>): Promise<[Desk, Desk]> {
  await fs.mkdir(path.join(workspace, lockFileName('seed.copydesk')));
  await nameIs(page, 'Rita Reporter', 'RR');
  await openSeed(page);
  await expect(editor(page)).toBeFocused();
  const ben = await openWindow({ installation: 'another' });
  await nameIs(ben, 'Ben Ortiz', 'BO');
  await openSeed(ben);
  for (const desk of [page, ben]) {
    await expect(editor(desk)).toHaveAttribute('contenteditable', 'true');
    await expect(desk.getByText('Editing without a lock.')).toBeVisible();
  }
  return [
    { page, name: 'Rita Reporter' },
    { page: ben, name: 'Ben Ortiz' },
  ];
}

/** Both save at once; returns [the desk whose save met the conflict, the other one]. */
async function saveAtOnce(desks: readonly [Desk, Desk]): Promise<[Desk, Desk]> {
  await Promise.all(desks.map((desk) => desk.page.keyboard.press(`${mod}+s`)));
  const meets = (desk: Desk): Promise<boolean> => desk.page.getByRole('button', { name: 'Merge their version' }).first().isVisible();
  const [a, b] = desks;
  // The windows are two pages: each is asked in turn until one shows the conflict.
  await expect.poll(async () => (await meets(a)) || (await meets(b))).toBe(true);
  return (await meets(a)) ? [a, b] : [b, a];
}

/** The loser merges; the merged draft is saved; returns the file as it is on disk then. */
async function mergeTheirs(loser: Desk, workspace: string): Promise<ReturnType<typeof parseDraft>> {
  await snap(loser.page, `conflict-${test.info().title.startsWith('different') ? 'paragraphs' : 'paragraph'}-1280x800`).catch(() => undefined);
  // Whether the loser also gets the dialog is a race the app allows: the dialog opens when its own
  // save was refused, the banner alone when the watcher told it first (and a save already on its
  // way is refused a moment later, opening the dialog then). Merge from whichever is on top.
  const dialog = loser.page.getByRole('alertdialog', { name: 'The draft changed on disk' });
  const banner = loser.page.locator('.cd-conflict');
  await expect(async () => {
    const from = (await dialog.isVisible()) ? dialog : banner;
    await from.getByRole('button', { name: 'Merge their version' }).click({ timeout: 2000 });
  }).toPass();
  await expect(loser.page.getByRole('button', { name: 'Merge their version' })).toHaveCount(0);
  await expect(saveState(loser.page)).toHaveText(/Saved/u);
  return parseDraft(await fs.readFile(path.join(workspace, 'seed.copydesk'), 'utf8'));
}

test('different paragraphs saved at once: merging keeps both, theirs as suggestions by them', async ({ page, workspace, openWindow }) => {
  const desks = await twoDesks(page, workspace, openWindow);
  await typeAtEnd(desks[0].page, paragraphWith(desks[0].page, FIRST), ' Rita adds this.');
  await typeAtEnd(desks[1].page, paragraphWith(desks[1].page, SECOND), ' Ben adds that.');
  const [loser, winner] = await saveAtOnce(desks);

  const onDisk = await mergeTheirs(loser, workspace);
  const [mine, theirs] = loser.name === 'Rita Reporter' ? ['Rita adds this.', 'Ben adds that.'] : ['Ben adds that.', 'Rita adds this.'];
  // Accepting their suggestions gives both people's words; rejecting them gives the loser's text as it was.
  expect(decideAll(onDisk.doc, 'accept').textContent).toContain(mine);
  expect(decideAll(onDisk.doc, 'accept').textContent).toContain(theirs);
  expect(decideAll(onDisk.doc, 'reject').textContent).toContain(mine);
  expect(decideAll(onDisk.doc, 'reject').textContent).not.toContain(theirs);
  const suggestions = indexReview(onDisk.doc).suggestions;
  expect(suggestions.length).toBeGreaterThan(0);
  const authors = reviewDataOf(onDisk.doc).authors;
  expect(new Set(suggestions.map((s) => authors[s.author]?.name))).toEqual(new Set([winner.name]));
  // The winner's words are the suggestions; the loser's own are plain text.
  expect(suggestions.map((s) => s.description).join('\n')).toContain(theirs);

  // The Review panel lists their changes as cards, by them.
  const review = loser.page.getByRole('complementary', { name: 'Review' });
  await expect(review).toBeVisible();
  await expect(review.locator('.cd-review-card').filter({ hasText: winner.name }).first()).toBeVisible();
  await snap(loser.page, 'merge-their-version-1280x800');
  // The winner's window (nothing unsaved) follows the merged file.
  await expect(editor(winner.page)).toContainText(mine);
});

test('the same paragraph saved at once: merging keeps both people’s words', async ({ page, workspace, openWindow }) => {
  const desks = await twoDesks(page, workspace, openWindow);
  await typeAtEnd(desks[0].page, paragraphWith(desks[0].page, FIRST), ' Rita’s ending.');
  await typeAtEnd(desks[1].page, paragraphWith(desks[1].page, FIRST), ' Ben’s ending.');
  const [loser, winner] = await saveAtOnce(desks);

  const onDisk = await mergeTheirs(loser, workspace);
  const [mine, theirs] = loser.name === 'Rita Reporter' ? ['Rita’s ending.', 'Ben’s ending.'] : ['Ben’s ending.', 'Rita’s ending.'];
  // Both endings are in the file: theirs as suggestions over mine (accept: theirs; reject: mine).
  expect(decideAll(onDisk.doc, 'accept').textContent).toContain(theirs);
  expect(decideAll(onDisk.doc, 'reject').textContent).toContain(mine);
  const authors = reviewDataOf(onDisk.doc).authors;
  const suggestions = indexReview(onDisk.doc).suggestions;
  expect(suggestions.length).toBeGreaterThan(0);
  expect(suggestions.every((s) => authors[s.author]?.name === winner.name)).toBe(true);
});
