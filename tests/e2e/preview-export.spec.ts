/**
 * The Preview panel's export buttons (one per format of shared/export/formats.ts, and the HTML
 * fragment): each asks the save dialog with the format's suggested name and writes that export
 * of the open draft through the real writers.
 */
import { promises as fs } from 'node:fs';
import { expect, fixtureText, test } from './fixtures';
import { editor } from './editor-steps';

const SEED_HEADLINE = 'Upcoming Safety Assurances for the Washington Meeting';

test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') } });

test('the Preview panel exports the page, the fragment and the Markdown', async ({ page, dialogs }) => {
  await page.getByRole('button', { name: SEED_HEADLINE, exact: true }).click();
  await expect(editor(page)).toBeFocused();
  await page.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Preview' }).click();
  const actions = page.locator('.cd-preview-actions');
  await expect(actions.getByRole('button')).toHaveText(['Desktop preview', 'Export HTML…', 'Export HTML fragment…', 'Export Markdown…', 'Export Word…']);

  await actions.getByRole('button', { name: 'Export HTML…' }).click();
  await expect(page.getByText('Exported to seed.html.')).toBeVisible();
  await actions.getByRole('button', { name: 'Export HTML fragment…' }).click();
  await expect(page.getByText('Exported to seed.fragment.html.')).toBeVisible();
  await actions.getByRole('button', { name: 'Export Markdown…' }).click();
  await expect(page.getByText('Exported to seed.md.')).toBeVisible();
  expect(dialogs.asked.filter((ask) => ask.startsWith('export:'))).toEqual(['export:seed.html:html', 'export:seed.fragment.html:html', 'export:seed.md:md']);

  const html = await fs.readFile(dialogs.exportPath('seed.html'), 'utf8');
  expect(html).toMatch(/^<!DOCTYPE html>/iu);
  expect(html).toContain(`${SEED_HEADLINE}</h1>`);
  const fragment = await fs.readFile(dialogs.exportPath('seed.fragment.html'), 'utf8');
  expect(fragment).toMatch(/^<article>/u);
  expect(fragment).toContain(`${SEED_HEADLINE}</h1>`);
  expect(await fs.readFile(dialogs.exportPath('seed.md'), 'utf8')).toMatch(new RegExp(`^# ${SEED_HEADLINE}$`, 'mu'));
});
