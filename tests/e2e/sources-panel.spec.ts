/**
 * The Sources panel lists each source compactly and mounts a source's fields only while it is
 * edited (issue 16): the list's cost no longer grows with every source's five fields, and editing
 * still commits each field as one undo step, from the button or from a problem.
 */
import { expect, fixtureText, snap, test } from './fixtures';
import { editor, sourceHeadings, sourcesPanel } from './editor-steps';
import { VIEWPORTS } from './viewports';

test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') } });

for (const size of VIEWPORTS) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport });

    test('entries are compact; Edit opens one source’s fields, Escape keeps the edit and closes them, undo takes it back', async ({ page }) => {
      await page.getByRole('button', { name: 'Upcoming Safety Assurances for the Washington Meeting', exact: true }).click();
      const panel = sourcesPanel(page);
      await expect(sourceHeadings(page).first()).toBeVisible();
      const count = await sourceHeadings(page).count();
      expect(count).toBeGreaterThan(1);
      // No field is mounted until a source is edited.
      await expect(panel.getByRole('textbox')).toHaveCount(0);
      const first = panel.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: /^\[1\] /u }) });
      const title = (await sourceHeadings(page).first().textContent())?.replace(/^\[1\] /u, '') ?? '';
      await expect(first.locator('.cd-source-summary')).toContainText(/cited \d+ times?/u);
      await snap(page, `sources-panel-compact-${size.name}`);

      const edit = first.getByRole('button', { name: `Edit “${title}”` });
      await expect(edit).toHaveAttribute('aria-expanded', 'false');
      await edit.click();
      const fields = first.getByRole('group', { name: `Fields of “${title}”` });
      await expect(fields.getByRole('textbox')).toHaveCount(5);
      await expect(fields.getByLabel('Title')).toBeFocused();
      await expect(panel.getByRole('textbox')).toHaveCount(5); // only this source's
      await expect(first.getByRole('button', { name: `Done with “${title}”` })).toHaveAttribute('aria-expanded', 'true');
      await snap(page, `sources-panel-editing-${size.name}`);

      await fields.getByLabel('Outlet').fill('The Harbour Gazette');
      await page.keyboard.press('Escape');
      await expect(panel.getByRole('textbox')).toHaveCount(0);
      await expect(edit).toBeFocused();
      await expect(first.locator('.cd-source-summary')).toContainText('The Harbour Gazette');
      await expect(editor(page).locator('.cd-sources')).toContainText('The Harbour Gazette');

      // One undo step takes the outlet back.
      await editor(page).locator('p:not(.cd-standfirst)').first().click();
      await page.keyboard.press('ControlOrMeta+z');
      await expect(first.locator('.cd-source-summary')).not.toContainText('The Harbour Gazette');

      // Done closes too, and a typed title is kept on the way out.
      await edit.click();
      await fields.getByLabel('Title').fill(`${title} (updated)`);
      await first.getByRole('button', { name: /^Done with “/u }).click();
      await expect(panel.getByRole('textbox')).toHaveCount(0);
      await expect(sourceHeadings(page).first()).toHaveText(`[1] ${title} (updated)`);
    });
  });
}
