/**
 * What the library loads (vite.config.mts's chunks, README "What loads when"): once it is listed,
 * the draft screen's chunk arrives while the page is idle, before any click, so that opening a
 * draft waits for no download; the paste cleaner's chunk (parse5) comes only with the editor.
 */
import type { Page } from '@playwright/test';
import { expect, fixtureText, test } from './fixtures';
import { editor } from './editor-steps';

test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') } });

/** The script files the page fetched so far. */
function scripts(page: Page): Promise<string[]> {
  return page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('.js')));
}

test('the library fetches the draft screen at idle, and the editor the paste cleaner', async ({ page }) => {
  await expect(page.getByRole('button', { name: 'Upcoming Safety Assurances for the Washington Meeting', exact: true })).toBeVisible();
  await expect.poll(async () => (await scripts(page)).some((name) => /\/assets\/draft-chunk-[\w-]+\.js$/u.test(name))).toBe(true);
  expect((await scripts(page)).filter((name) => /\/assets\/html-preclean-[\w-]+\.js$/u.test(name))).toEqual([]);
  await page.getByRole('button', { name: 'Upcoming Safety Assurances for the Washington Meeting', exact: true }).click();
  await expect(editor(page)).toBeFocused();
  await expect.poll(async () => (await scripts(page)).some((name) => /\/assets\/html-preclean-[\w-]+\.js$/u.test(name))).toBe(true);
});
