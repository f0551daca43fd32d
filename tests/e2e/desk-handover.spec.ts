/**
 * Issue 13's hand-over by status, through the UI, with two installations on one workspace: the
 * reporter files the seed article (checkpoint "Filed", the reporter's window in Viewing), the
 * editor opens it in Suggesting, edits and sends it back (Revise); the reporter opens it in
 * Editing with the suggestion pending; approval is refused while it is pending unless confirmed.
 * The library shows each draft's status, who set it and since when, who has it open, and filters
 * by status. Screenshots of the library and of the status control at both window sizes.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { parseDraft } from '../../shared/draft/format';
import type { DraftMeta, StatusChange } from '../../shared/draft/meta';
import { indexReview } from '../../shared/review/index';
import { expectNoSeriousViolations } from './accessibility-check';
import { backToLibrary, caretAtEnd, editor, giveName } from './editor-steps';
import { expect, fixtureText, snap, test } from './fixtures';
import { VIEWPORTS } from './viewports';

const HEADLINE = 'Upcoming Safety Assurances for the Washington Meeting';
const SEED = fixtureText('seed-article.copydesk');

/** The seed article under another headline, with `meta` changed. */
function seedWith(headline: string, meta: Partial<DraftMeta>): string {
  const json = JSON.parse(SEED) as { meta: DraftMeta; doc: { content: { type: string; content?: { text: string }[] }[] } };
  json.meta = { ...json.meta, ...meta };
  const h = json.doc.content.find((block) => block.type === 'headline');
  if (h?.content?.[0]) h.content[0].text = headline;
  return JSON.stringify(json, null, 2);
}

async function onDisk(workspace: string, name = 'seed.copydesk'): Promise<ReturnType<typeof parseDraft>> {
  return parseDraft(await fs.readFile(path.join(workspace, name), 'utf8'));
}


function statusSelect(page: Page): Locator {
  return page.locator('.cd-appbar').getByRole('combobox', { name: 'Status' });
}
function modeButton(page: Page): Locator {
  return page.getByRole('button', { name: /^Mode: / });
}
function row(page: Page, headline: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('button', { name: headline, exact: true }) });
}
async function openDraft(page: Page, headline: string): Promise<void> {
  await page.getByRole('button', { name: headline, exact: true }).click();
  await expect(editor(page)).toBeVisible();
}

test.describe('hand-over between reporter and editor', () => {
  test.use({ drafts: { 'seed.copydesk': SEED }, viewport: { width: 1280, height: 800 } });

  test('filed, edited in Suggesting, sent back, approved only when confirmed', async ({ page, workspace, services, session, openWindow }) => {
    await test.step('the reporter files the seed: checkpoint "Filed", the window turns to Viewing', async () => {
      await openDraft(page, HEADLINE);
      await expect(modeButton(page)).toHaveAccessibleName('Mode: Editing');
      await expect(statusSelect(page).locator('option')).toHaveText(['Draft', 'Ready for edit', 'Revise', 'Edited', 'Approved']);
      await statusSelect(page).selectOption({ label: 'Ready for edit' });
      await giveName(page, 'Ana Garcia');
      await expect(page.getByText('Filed: the draft is with the desk.')).toBeVisible();
      await expect(modeButton(page)).toHaveAccessibleName('Mode: Viewing, with the desk');
      await expect(editor(page)).toHaveAttribute('contenteditable', 'false');
      await expect.poll(async () => (await onDisk(workspace)).meta.status).toBe('ready-for-edit');
      const log = (await onDisk(workspace)).meta.statusLog ?? [];
      expect(log.map((c: StatusChange) => [c.from, c.to, c.by.name])).toEqual([['draft', 'ready-for-edit', 'Ana Garcia']]);
      await expect.poll(async () => (await services.versions.list('seed.copydesk')).map((v) => v.label).filter(Boolean)).toEqual(['Filed']);
      const filed = (await services.versions.list('seed.copydesk')).find((v) => v.label === 'Filed');
      expect(filed?.status).toBe('ready-for-edit');
      await snap(page, 'desk-status-filed-1280x800');
      await backToLibrary(page);
    });

    const desk = await openWindow({ installation: 'another' });

    await test.step('the editor sees it waiting in the library and opens it in Suggesting', async () => {
      await expect(row(desk, HEADLINE)).toContainText('Ready for edit');
      await expect(row(desk, HEADLINE)).toContainText(/since .+, Ana Garcia/u);
      await openDraft(desk, HEADLINE);
      await giveName(desk, 'Ben Ortiz');
      await expect(modeButton(desk)).toHaveAccessibleName('Mode: Suggesting, ready for edit');
    });

    await test.step('edits: the change is a suggestion', async () => {
      const standfirst = editor(desk).locator('p.cd-standfirst');
      // The cursor at the end of the standfirst, as a click after its last word puts it.
      await standfirst.click();
      await caretAtEnd(standfirst);
      await desk.keyboard.type(' Talks resume.');
      await expect(standfirst.locator('ins.cd-ins')).toHaveText(' Talks resume.');
    });

    await test.step('sends it back with Revise: the editor is in Viewing, the file says revise with the suggestion pending', async () => {
      await statusSelect(desk).selectOption({ label: 'Revise' });
      await expect(desk.getByText('Sent back for revision:')).toBeVisible();
      await expect(modeButton(desk)).toHaveAccessibleName('Mode: Viewing, with the reporter');
      await expect.poll(async () => (await onDisk(workspace)).meta.status).toBe('revise');
      const draft = await onDisk(workspace);
      expect(indexReview(draft.doc).suggestions.map((s) => s.description)).toEqual([expect.stringMatching(/^Inserted: “ ?Talks resume\.”$/u)]);
      expect(draft.meta.statusLog?.at(-1)).toMatchObject({ from: 'ready-for-edit', to: 'revise', by: { name: 'Ben Ortiz' } });
      // Versions are kept per installation: the editor's checkpoint is in the editor's.
      const editorServices = (await session.another()).services;
      await expect.poll(async () => (await editorServices.versions.list('seed.copydesk')).map((v) => v.label).filter(Boolean)).toEqual(['Sent back for revision']);
      await backToLibrary(desk);
    });

    await test.step('the reporter opens it again: Editing, the suggestion pending', async () => {
      await expect(row(page, HEADLINE)).toContainText('Revise');
      await expect(row(page, HEADLINE)).toContainText(/since .+, Ben Ortiz/u);
      await openDraft(page, HEADLINE);
      await expect(modeButton(page)).toHaveAccessibleName('Mode: Editing, sent back');
      await expect(editor(page).locator('ins.cd-ins')).toHaveText(' Talks resume.');
      await expect(editor(page)).toHaveAttribute('contenteditable', 'true');
    });

    await test.step('approval is refused while the suggestion is pending, unless confirmed', async () => {
      await statusSelect(page).selectOption({ label: 'Approved' });
      const dialog = page.getByRole('alertdialog', { name: 'Approve with the review unfinished?' });
      await expect(dialog).toContainText('1 suggestion is pending');
      await snap(page, 'desk-approve-refused-1280x800');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
      await expect(statusSelect(page)).toHaveValue('revise');
      expect((await onDisk(workspace)).meta.status).toBe('revise');

      await statusSelect(page).selectOption({ label: 'Approved' });
      await dialog.getByRole('button', { name: 'Approve anyway' }).click();
      await expect(statusSelect(page)).toHaveValue('approved');
      await expect.poll(async () => (await onDisk(workspace)).meta.status).toBe('approved');
      await expect.poll(async () => (await services.versions.list('seed.copydesk')).map((v) => v.label).filter(Boolean)).toEqual(expect.arrayContaining(['Filed', 'Approved']));
      // No mode is imposed once approved: the window's own mode (Editing) again.
      await expect(modeButton(page)).toHaveAccessibleName('Mode: Editing');
    });
  });
});

test.describe('a filed draft sent back while the reporter has it open', () => {
  test.use({ drafts: { 'seed.copydesk': SEED }, viewport: { width: 1280, height: 800 } });

  test("the reporter's window follows the file: Viewing while filed, Editing once sent back", async ({ page, workspace }) => {
    await openDraft(page, HEADLINE);
    await statusSelect(page).selectOption({ label: 'Ready for edit' });
    await giveName(page, 'Ana Garcia');
    await expect(modeButton(page)).toHaveAccessibleName('Mode: Viewing, with the desk');
    await expect.poll(async () => (await onDisk(workspace)).meta.status).toBe('ready-for-edit');

    // The editor's save, as another desk writes the shared file: sent back, by Ben Ortiz.
    const file = path.join(workspace, 'seed.copydesk');
    const json = JSON.parse(await fs.readFile(file, 'utf8')) as { meta: DraftMeta };
    const log = json.meta.statusLog ?? [];
    json.meta = { ...json.meta, status: 'revise', statusLog: [...log, { from: 'ready-for-edit', to: 'revise', by: { id: 'ben-ortiz', name: 'Ben Ortiz' }, at: new Date().toISOString() }] };
    await fs.writeFile(file, JSON.stringify(json, null, 2));

    await expect(statusSelect(page)).toHaveValue('revise');
    await expect(modeButton(page)).toHaveAccessibleName('Mode: Editing, sent back');
    await expect(page.getByText('Sent back for revision by Ben Ortiz: decide on the suggestions and file it again.')).toBeVisible();
    await expect(editor(page)).toHaveAttribute('contenteditable', 'true');
  });
});

const AN_HOUR_AGO = new Date(Date.now() - 60 * 60_000).toISOString();
const change = (from: StatusChange['from'], to: StatusChange['to'], name: string, at = AN_HOUR_AGO): StatusChange => ({ from, to, by: { id: name.toLowerCase().replace(/\W+/gu, '-'), name }, at });

const LIBRARY = {
  'wildfire.copydesk': seedWith('Wildfire season starts early', { status: 'draft' }),
  'budget.copydesk': seedWith('Council approves new budget', { status: 'ready-for-edit', statusLog: [change('draft', 'ready-for-edit', 'Ana Garcia')] }),
  'heat.copydesk': seedWith('Heatwave warning for the south', { status: 'ready-for-edit', statusLog: [change('draft', 'ready-for-edit', 'Cat Lee')] }),
  'port.copydesk': seedWith('Port strike enters second week', {
    status: 'revise',
    statusLog: [change('draft', 'ready-for-edit', 'Ana Garcia'), change('ready-for-edit', 'revise', 'Ben Ortiz')],
  }),
  'rail.copydesk': seedWith('Rail line reopens after floods', { status: 'edited', statusLog: [change('ready-for-edit', 'edited', 'Ben Ortiz')] }),
  'seed.copydesk': seedWith(HEADLINE, { status: 'approved' }),
};

for (const size of VIEWPORTS) {
  test.describe(`the library at ${size.name}`, () => {
    test.use({ drafts: LIBRARY, viewport: size.viewport });

    test('the filter counts each status and shows only the drafts with it; the search narrows the counts; keyboard only', async ({ page }) => {
      const filter = page.getByRole('group', { name: 'Show drafts by status' });
      await expect(filter.getByRole('button')).toHaveText(['All 6', 'Draft 1', 'Ready for edit 2', 'Revise 1', 'Edited 1', 'Approved 1']);
      await expect(filter.getByRole('button', { name: 'All: 6' })).toHaveAttribute('aria-pressed', 'true');
      await filter.getByRole('button', { name: 'Ready for edit: 2' }).click();
      await expect(filter.getByRole('button', { name: 'Ready for edit: 2' })).toHaveAttribute('aria-pressed', 'true');
      await expect(filter.getByRole('button', { name: 'All: 6' })).toHaveAttribute('aria-pressed', 'false');
      await expect(page.getByRole('table').getByRole('row')).toHaveCount(3); // the header and two drafts
      await expect(row(page, 'Council approves new budget')).toBeVisible();
      await expect(row(page, 'Heatwave warning for the south')).toBeVisible();
      await snap(page, `desk-library-filtered-${size.name}`);
      await expectNoSeriousViolations(page, `the library filtered at ${size.name}`);

      await page.getByRole('searchbox', { name: 'Search drafts by headline' }).fill('port');
      await expect(filter.getByRole('button')).toHaveText(['All 1', 'Draft 0', 'Ready for edit 0', 'Revise 1', 'Edited 0', 'Approved 0']);
      await expect(page.getByRole('status').filter({ hasText: 'No draft matching “port” has the status “Ready for edit”.' })).toBeVisible();
      await filter.getByRole('button', { name: 'Revise: 1' }).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
      await expect(row(page, 'Port strike enters second week')).toBeVisible();
      await filter.getByRole('button', { name: 'All: 1' }).focus();
      await page.keyboard.press('Space');
      await expect(filter.getByRole('button', { name: 'All: 1' })).toHaveAttribute('aria-pressed', 'true');
      // The row's own actions still work on a filtered list: open the draft from it.
      await openDraft(page, 'Port strike enters second week');
    });

    test('each draft says who set its status and when, and who has it open', async ({ page, openWindow }) => {
      await test.step('status, by whom, since when', async () => {
        await expect(row(page, 'Council approves new budget')).toContainText(/Ready for edit\s*since .+, Ana Garcia/u);
        await expect(row(page, 'Port strike enters second week')).toContainText(/Revise\s*since .+, Ben Ortiz/u);
        await expect(row(page, 'Wildfire season starts early')).toContainText('Draft');
        await expect(row(page, 'Wildfire season starts early')).not.toContainText('since');
      });

      await test.step('someone else has a draft open; this installation has another open', async () => {
        const colleague = await openWindow({ installation: 'another' });
        await openDraft(colleague, 'Port strike enters second week');
        const mine = await openWindow();
        await openDraft(mine, 'Rail line reopens after floods');
        await page.reload();
        await expect(row(page, 'Port strike enters second week')).toContainText(/Open by .+ on .+/u);
        await expect(row(page, 'Rail line reopens after floods')).toContainText('Open by you');
        await expect(row(page, 'Wildfire season starts early')).not.toContainText('Open by');
        await snap(page, `desk-library-${size.name}`);
        await expectNoSeriousViolations(page, `the library at ${size.name}`);
      });

      await test.step('trashing or renaming a draft someone else has open asks first', async () => {
        await row(page, 'Port strike enters second week').getByRole('button', { name: /^Move .* to the trash$/u }).click();
        const warning = page.getByRole('alertdialog', { name: /has this draft open$/u });
        await expect(warning).toContainText(/Open by .+ on .+\. If you move it to the trash now, their window will find its file gone/u);
        await warning.getByRole('button', { name: 'Cancel' }).click();
        await expect(warning).toBeHidden();
        await expect(row(page, 'Port strike enters second week')).toBeVisible();
        await row(page, 'Port strike enters second week').getByRole('button', { name: /^Rename / }).click();
        await expect(warning).toContainText('If you rename it now');
        await warning.getByRole('button', { name: 'Cancel' }).click();
        await expect(page.getByRole('dialog', { name: /^Rename / })).toHaveCount(0);
        // A draft open here only: the usual question, no warning.
        await row(page, 'Rail line reopens after floods').getByRole('button', { name: /^Move .* to the trash$/u }).click();
        await expect(page.getByRole('alertdialog', { name: 'Move to trash?' })).toBeVisible();
        await page.getByRole('alertdialog', { name: 'Move to trash?' }).getByRole('button', { name: 'Cancel' }).click();
      });
    });

    test('the status control lists every status and explains an imposed mode', async ({ page }) => {
      await openDraft(page, 'Council approves new budget');
      // Ana Garcia filed it, so this person is an editor: Suggesting, once named.
      await giveName(page, 'Ben Ortiz');
      await expect(modeButton(page)).toHaveAccessibleName('Mode: Suggesting, ready for edit');
      await expect(statusSelect(page)).toHaveValue('ready-for-edit');
      await expect(statusSelect(page)).toHaveAttribute('title', /^Ready for edit since .+, Ana Garcia$/u);
      await snap(page, `desk-status-control-${size.name}`);
      await modeButton(page).click();
      await expect(page.getByRole('menuitem', { name: /Ready for edit \(filed by Ana Garcia\)/u })).toBeVisible();
      await snap(page, `desk-mode-menu-${size.name}`);
      await page.getByRole('menuitemradio', { name: /^Editing/u }).click();
      const ask = page.getByRole('alertdialog', { name: 'Edit the draft anyway?' });
      await expect(ask).toBeVisible();
      await ask.getByRole('button', { name: 'Stay in Suggesting' }).click();
      await expect(modeButton(page)).toHaveAccessibleName('Mode: Suggesting, ready for edit');
    });
  });
}
