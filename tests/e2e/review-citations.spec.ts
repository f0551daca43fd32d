/**
 * Citations under review in the editor (issue 12 §5): a citation suggested for deletion takes no
 * number; it shows its source's number struck through when another citation keeps the source
 * numbered, or `[–]` when the source would have none; the others number as if accepted.
 */
import { expect, fixtureText, test } from './fixtures';
import { editor } from './editor-steps';

const AT = '2026-12-02T10:00:00Z';
const text = (value: string): Record<string, unknown> => ({ type: 'text', text: value });
const cite = (source: string, deleted = false): Record<string, unknown> => ({ type: 'citation', attrs: { source }, ...(deleted ? { marks: [{ type: 'deletion', attrs: { id: 's1', author: 'ana', at: AT } }] } : {}) });
const source = (id: string, title: string): Record<string, unknown> => ({ type: 'source', attrs: { id, title, outlet: '', date: '', url: '', note: '' } });

const draft = {
  format: 'copydesk-draft',
  version: 1,
  meta: (JSON.parse(fixtureText('seed-article.copydesk')) as { meta: unknown }).meta,
  doc: {
    type: 'doc',
    attrs: { review: { authors: { ana: { name: 'Ana Ruiz', initials: 'AR' } }, threads: [] } },
    content: [
      { type: 'headline', content: [text('Citations under review')] },
      { type: 'standfirst', content: [] },
      { type: 'paragraph', content: [text('Alpha cited, then deleted'), cite('a', true), text(' and Beta'), cite('b'), text(' and Alpha again'), cite('a'), text(' and Gamma deleted'), cite('c', true), text('.')] },
      { type: 'sources', content: [source('a', 'Alpha'), source('b', 'Beta'), source('c', 'Gamma')] },
    ],
  },
};

test.use({ drafts: { 'cites.copydesk': JSON.stringify(draft) } });

test('deleted citations show their number struck, or [–]; the others number as if accepted', async ({ page }) => {
  await page.getByRole('button', { name: 'Citations under review', exact: true }).click();
  await expect(editor(page)).toBeFocused();
  const chips = editor(page).locator('sup.cd-cite');
  await expect(chips).toHaveText(['[2]', '[1]', '[2]', '[–]']);
  await expect(chips.nth(0)).toHaveClass(/cd-cite-deleted/u);
  await expect(chips.nth(0).locator('a')).toHaveAttribute('aria-label', 'Deleted citation 2 (suggested)');
  await expect(chips.nth(0).locator('a')).toHaveCSS('text-decoration-line', 'line-through');
  await expect(chips.nth(1)).not.toHaveClass(/cd-cite-deleted/u);
  await expect(chips.nth(3)).toHaveClass(/cd-cite-deleted/u);
});

test('deleting a citation in Suggesting mode strikes it and renumbers at once', async ({ page }) => {
  await page.getByRole('button', { name: 'Citations under review', exact: true }).click();
  await expect(editor(page)).toBeFocused();
  await page.keyboard.press('Control+Alt+Shift+X');
  const dialog = page.getByRole('dialog', { name: 'Your name in review' });
  await dialog.getByLabel('Your name in review').fill('Ben Ode');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const chips = editor(page).locator('sup.cd-cite');
  await chips.nth(1).click();
  await page.keyboard.press('Delete');
  // Beta's one citation is struck and Beta has no number left; Alpha is now source 1.
  await expect(chips).toHaveText(['[1]', '[–]', '[1]', '[–]']);
  await expect(chips.nth(1)).toHaveClass(/cd-cite-deleted/u);
  await expect(chips.nth(2)).not.toHaveClass(/cd-cite-deleted/u);
  // Undo takes the suggestion back, and the numbers with it.
  await page.keyboard.press('Control+z');
  await expect(chips).toHaveText(['[2]', '[1]', '[2]', '[–]']);
  await expect(chips.nth(1)).not.toHaveClass(/cd-cite-deleted/u);
});
