/**
 * The draft's identity in view (issue 10, items 4, 6 and 7), at 1280x800 and 1024x640: the app
 * bar shows "Untitled", then the headline as typed; a new draft's file takes the headline's name
 * once saved, with typing going on and nothing lost; the slug follows the headline until edited
 * by hand; the status changed from the app bar is saved; the byline shows under the headline
 * and in the app bar once authors are set; the desktop preview shows byline, date and section.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, fixtureText, snap, test } from './fixtures';
import { backToLibrary, createDraft, editor, newBlock, saveState } from './editor-steps';

const SEED_HEADLINE = 'Upcoming Safety Assurances for the Washington Meeting';
const HEADLINE = 'Harbour vote splits the council';
const STANDFIRST = 'Nine votes to four after a night of argument.';
const BODY = 'The mayor said the port would pay for itself within a decade.';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
] as const;

/** The draft's identity in the app bar. */
function header(page: Page): Locator {
  return page.locator('.cd-appbar');
}

/** What the workspace holds on disk: draft names and each one's parsed JSON. */
async function drafts(workspace: string): Promise<Record<string, { meta: Record<string, unknown>; doc: { content: { content?: { text?: string }[] }[] } }>> {
  const out: Record<string, { meta: Record<string, unknown>; doc: { content: { content?: { text?: string }[] }[] } }> = {};
  for (const name of (await fs.readdir(workspace)).filter((n) => n.endsWith('.copydesk'))) {
    out[name] = JSON.parse(await fs.readFile(path.join(workspace, name), 'utf8')) as (typeof out)[string];
  }
  return out;
}

/** The text of every block of a draft on disk, joined by newlines. */
function textOf(draft: { doc: { content: { content?: { text?: string }[] }[] } }): string {
  return draft.doc.content.map((block) => (block.content ?? []).map((inline) => inline.text ?? '').join('')).join('\n');
}

for (const viewport of VIEWPORTS) {
  const size = `${String(viewport.width)}x${String(viewport.height)}`;

  test.describe(`at ${size}`, () => {
    test.use({ viewport, drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') } });

    test('a new draft: "Untitled", then the headline; the file takes its name; the slug follows until set by hand', async ({ page, workspace, services }) => {
      await createDraft(page);
      const title = header(page).getByRole('heading', { level: 1 });
      await expect(title).toHaveText('Untitled');
      await expect(header(page).getByRole('button', { name: 'Add authors' })).toBeVisible();

      await page.keyboard.type(HEADLINE);
      await expect(title).toHaveText(HEADLINE);
      await expect(title).toHaveAttribute('title', HEADLINE);

      // Renamed from the headline once saved; typing goes on meanwhile.
      await newBlock(page);
      await page.keyboard.type(STANDFIRST);
      await expect.poll(async () => Object.keys(await drafts(workspace)).sort(), { timeout: 20_000 }).toEqual(['harbour-vote-splits-the-council.copydesk', 'seed.copydesk']);
      await newBlock(page);
      await page.keyboard.type(BODY);
      await expect(header(page).locator('.cd-header-file')).toHaveAttribute('title', 'File: harbour-vote-splits-the-council.copydesk');
      await expect(saveState(page)).toHaveText('Saved', { timeout: 20_000 });
      const saved = (await drafts(workspace))['harbour-vote-splits-the-council.copydesk'];
      expect(saved && textOf(saved)).toContain(`${HEADLINE}\n${STANDFIRST}\n${BODY}`);
      expect(saved?.meta).toMatchObject({ slug: 'harbour-vote-splits-the-council', autoName: true });

      // The slug follows the headline…
      await page.getByRole('button', { name: 'Details', exact: true }).click();
      const slug = page.getByRole('textbox', { name: 'Slug' });
      await expect(slug).toHaveValue('harbour-vote-splits-the-council');
      await editor(page).locator('h1.cd-headline').click();
      await page.keyboard.press('End');
      await page.keyboard.type(' again');
      await expect(slug).toHaveValue('harbour-vote-splits-the-council-again');
      await expect(title).toHaveText(`${HEADLINE} again`);
      await expect.poll(async () => Object.keys(await drafts(workspace)).sort(), { timeout: 20_000 }).toEqual(['harbour-vote-splits-the-council-again.copydesk', 'seed.copydesk']);
      await snap(page, `identity-header-${size}`);

      // …until the reporter sets it by hand.
      await slug.fill('harbour-vote');
      await slug.press('Enter');
      await editor(page).locator('h1.cd-headline').click();
      await page.keyboard.press('End');
      await page.keyboard.type(' twice');
      await expect(title).toHaveText(`${HEADLINE} again twice`);
      await expect(slug).toHaveValue('harbour-vote');
      await expect.poll(async () => (await drafts(workspace))['harbour-vote-splits-the-council-again-twice.copydesk']?.meta, { timeout: 20_000 }).toMatchObject({ slug: 'harbour-vote', slugLocked: true });

      // The library lists the draft under its new name, and nothing was lost.
      await backToLibrary(page);
      expect((await services.workspace.list()).map((d) => d.name).sort()).toEqual(['harbour-vote-splits-the-council-again-twice.copydesk', 'seed.copydesk']);
      await expect(page.getByRole('button', { name: `${HEADLINE} again twice`, exact: true })).toBeVisible();
      const last = (await drafts(workspace))['harbour-vote-splits-the-council-again-twice.copydesk'];
      expect(last && textOf(last)).toContain(`${HEADLINE} again twice\n${STANDFIRST}\n${BODY}`);
    });

    test('a file named by hand keeps its name when the headline changes', async ({ page, workspace }) => {
      await createDraft(page);
      await page.keyboard.type('First words');
      await expect.poll(async () => Object.keys(await drafts(workspace)).sort(), { timeout: 20_000 }).toEqual(['first-words.copydesk', 'seed.copydesk']);
      await page.getByRole('button', { name: '← Library' }).click();
      await page.getByRole('button', { name: 'Rename “First words”' }).click();
      const dialog = page.getByRole('dialog', { name: 'Rename “First words”' });
      await dialog.getByRole('textbox').fill('my story');
      await dialog.getByRole('button', { name: 'Rename' }).click();
      await expect(dialog).toBeHidden();
      await page.getByRole('button', { name: 'First words', exact: true }).click();
      await expect(editor(page)).toBeFocused();
      await page.keyboard.press('End');
      await page.keyboard.type(' and more');
      await expect(saveState(page)).toHaveText('Saved', { timeout: 20_000 });
      await expect.poll(async () => (await drafts(workspace))['my story.copydesk'] && textOf((await drafts(workspace))['my story.copydesk'] as never), { timeout: 20_000 }).toContain('First words and more');
      expect(Object.keys(await drafts(workspace)).sort()).toEqual(['my story.copydesk', 'seed.copydesk']);
    });

    test('status from the app bar, byline under the headline and in the app bar, desktop preview', async ({ page, workspace, sendMenu }) => {
      await page.getByRole('button', { name: SEED_HEADLINE, exact: true }).click();
      await expect(editor(page)).toBeFocused();
      await expect(header(page).getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);

      // Status, changed where it is shown.
      const status = header(page).getByRole('combobox', { name: 'Status' });
      await expect(status).toHaveValue('draft');
      // Edited: a status that hands the draft to nobody (filing it would turn this window
      // read-only; desk-handover.spec.ts and desk-session.spec.ts test what each status does).
      await status.selectOption({ label: 'Edited' });
      // A change of status is recorded as someone's.
      const who = page.getByRole('dialog', { name: 'Your name in review' });
      await who.getByLabel('Your name in review').fill('Ana Ruiz');
      await who.getByRole('button', { name: 'Save' }).click();
      await expect.poll(async () => (await drafts(workspace))['seed.copydesk']?.meta.status, { timeout: 20_000 }).toBe('edited');

      // Authors from the app bar's byline button; then shown under the headline (a widget, not
      // document text), which edits them too.
      const byline = editor(page).locator('.cd-byline');
      await expect(byline).toHaveCount(0);
      await header(page).getByRole('button', { name: 'Add authors' }).click();
      const ask = page.getByRole('dialog', { name: 'Authors' });
      await ask.getByRole('textbox').fill('Ana Ruiz, Bo Li');
      await ask.getByRole('button', { name: 'Save' }).click();
      await expect(ask).toBeHidden();
      await expect(byline).toHaveText('By Ana Ruiz and Bo Li');
      await expect(header(page).getByRole('button', { name: 'By Ana Ruiz and Bo Li' })).toBeVisible();
      const headlineBox = await editor(page).locator('h1.cd-headline').boundingBox();
      const bylineBox = await byline.boundingBox();
      const standfirstBox = await editor(page).locator('.cd-standfirst').boundingBox();
      expect(headlineBox && bylineBox && standfirstBox && bylineBox.y >= headlineBox.y + headlineBox.height && bylineBox.y + bylineBox.height <= standfirstBox.y).toBe(true);
      await expect.poll(async () => (await drafts(workspace))['seed.copydesk']?.meta.authors, { timeout: 20_000 }).toEqual(['Ana Ruiz', 'Bo Li']);
      // Not document text: the saved headline and standfirst are as they were.
      const seed = (await drafts(workspace))['seed.copydesk'];
      expect(seed && textOf(seed)).not.toContain('By Ana Ruiz');
      // The byline under the headline edits them too.
      await byline.getByRole('button').click();
      await expect(ask).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(ask).toBeHidden();

      // From the app bar: the same question, the authors changed.
      await header(page).getByRole('button', { name: 'By Ana Ruiz and Bo Li' }).click();
      await expect(ask.getByRole('textbox')).toHaveValue('Ana Ruiz, Bo Li');
      await ask.getByRole('textbox').fill('Ana Ruiz, Bo Li, Cy Tan');
      await ask.getByRole('button', { name: 'Save' }).click();
      await expect(byline).toHaveText('By Ana Ruiz, Bo Li and Cy Tan');
      await expect(header(page).getByRole('button', { name: 'By Ana Ruiz, Bo Li and Cy Tan' })).toBeVisible();
      await snap(page, `identity-byline-${size}`);

      // The desktop preview: the window's width, with section, byline and date.
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      const opener = page.getByRole('button', { name: 'Desktop preview' });
      await opener.click();
      const preview = page.getByRole('dialog', { name: 'Desktop preview' });
      await expect(preview).toBeVisible();
      const frame = preview.frameLocator('iframe');
      await expect(frame.locator('h1')).toHaveText(SEED_HEADLINE);
      await expect(frame.locator('header .kicker')).toHaveText('World');
      await expect(frame.locator('header')).toContainText('By Ana Ruiz, Bo Li and Cy Tan');
      await expect(frame.locator('header time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/u);
      const width = await preview.locator('iframe').evaluate((el) => el.getBoundingClientRect().width);
      expect(width).toBeGreaterThanOrEqual(viewport.width - 1);
      // The frame is sandboxed without scripts: axe cannot enter it (the export itself passes the Nu checker).
      const { violations } = await new AxeBuilder({ page }).include('.cd-desktop-preview').exclude('iframe').analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      await snap(page, `identity-preview-${size}`);
      await page.keyboard.press('Escape');
      await expect(preview).toBeHidden();
      await expect(opener).toBeFocused();

      // View > Desktop Preview opens it too.
      await sendMenu('desktop-preview');
      await expect(preview).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(preview).toBeHidden();
    });
  });
}
