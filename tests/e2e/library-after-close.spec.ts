/**
 * Back in the library after closing a draft, its row no longer says it is open here: the library
 * is read again only once the draft's lock is released (shell/use-draft-session.ts). Before, the
 * listing raced the release and, more often than not, kept "Open by you" until the next refresh
 * (found by the app bench's open/close cycles, tests/bench/app-bench.ts).
 */
import { backToLibrary, editor } from './editor-steps';
import { expect, fixtureText, test } from './fixtures';

test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') } });

test('a draft closed is not listed as open by you', async ({ page, services }) => {
  const headline = 'Upcoming Safety Assurances for the Washington Meeting';
  const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: headline, exact: true }) });
  for (let round = 0; round < 3; round++) {
    await page.getByRole('button', { name: headline, exact: true }).click();
    await expect(editor(page)).toBeFocused();
    await backToLibrary(page);
    // The main process has let go of it…
    await expect.poll(async () => (await services.workspace.list()).find((d) => d.name === 'seed.copydesk')?.holder ?? null).toBeNull();
    // …and the library says so, without another refresh.
    await expect(row).toContainText('Draft');
    await expect(row).not.toContainText('Open by');
  }
});
