/**
 * Screenshots of the main screens, saved as test artefacts (tests/artifacts/screenshots/, see
 * harness/snap.ts) to be looked at: the library, the editor on the seed article with its Sources
 * panel, the citation picker, the Details panel and the Preview panel. Each picture is taken
 * once the screen has settled (the panel rendered, the preview built), and the test checks
 * that what the picture should show is on the screen.
 */
import { expect, fixtureText, snap, test } from './fixtures';
import { chips, editor, nextFrame, sourceHeadings } from './editor-steps';

const SEED_HEADLINE = 'Upcoming Safety Assurances for the Washington Meeting';

test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') } });

test('screenshots of the library, the editor, the citation picker and the panels', async ({ page }) => {
  await test.step('the library', async () => {
    // A second, new draft, so that the list shows an untitled one beside the seed.
    await page.getByRole('button', { name: 'New draft', exact: true }).click();
    await expect(editor(page)).toBeFocused();
    await page.getByRole('button', { name: '← Library' }).click();
    await expect(page.getByRole('table', { name: 'Drafts' }).getByRole('row')).toHaveCount(3);
    await snap(page, 'library');
  });

  await test.step('the editor on the seed article, with the Sources panel', async () => {
    await page.getByRole('button', { name: SEED_HEADLINE, exact: true }).click();
    await expect(editor(page)).toBeFocused();
    await expect(sourceHeadings(page).first()).toHaveText(/^\[1\] /u);
    await expect(chips(page).first()).toHaveText('[1]');
    await expect(page.getByRole('contentinfo').getByRole('status')).toHaveText('Saved');
    await nextFrame(page);
    await snap(page, 'editor-seed-sources');
  });

  await test.step('a citation selected: its source is shown beside it and highlighted in the panel', async () => {
    await chips(page).nth(1).click();
    await expect(page.locator('.cd-cite-card')).toBeVisible();
    await snap(page, 'editor-citation-selected');
  });

  await test.step('the body of the article: citations, a list, a "Read also" block', async () => {
    const block = editor(page).getByRole('group', { name: '“Read also” block' });
    await block.scrollIntoViewIfNeeded();
    await chips(page).last().click();
    // Blocks above may take their real height only once rendered (content-visibility), which can
    // push the block down after the click: bring it back into view, the card staying open.
    await block.scrollIntoViewIfNeeded();
    await expect(page.locator('.cd-cite-card')).toBeVisible();
    await expect(block).toBeInViewport();
    await snap(page, 'editor-body');
  });

  await test.step('the citation picker at the cursor', async () => {
    await editor(page).locator('p:not(.cd-standfirst)').nth(1).click();
    await nextFrame(page);
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Cite source' }).click();
    const picker = page.getByRole('dialog', { name: 'Cite a source' });
    await expect(picker.getByRole('option').first()).toBeVisible();
    await picker.getByRole('combobox').pressSequentially('reu');
    await snap(page, 'citation-picker');
    await picker.getByRole('combobox').fill('A new report');
    await picker.getByRole('combobox').press('Enter');
    await expect(page.getByRole('dialog', { name: 'Cite a new source' })).toBeVisible();
    await snap(page, 'citation-picker-new');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  await test.step('the Details panel', async () => {
    await page.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Details' }).click();
    await expect(page.getByRole('complementary', { name: 'Details' })).toBeVisible();
    await snap(page, 'details-panel');
  });

  await test.step('the Preview panel, once the preview is built', async () => {
    await page.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Preview' }).click();
    const frame = page.frameLocator('iframe[title="Preview of the HTML export"]');
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
    await nextFrame(page);
    await snap(page, 'preview-panel');
  });
});
