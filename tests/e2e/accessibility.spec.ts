/**
 * Accessibility of the renderer in real Chromium: axe-core finds no serious or critical
 * violation on the library, the editor with each side panel open, and the citation picker (both
 * of its forms); every button has an accessible name; a citation is announced with its number
 * and its source's title; F6 / Shift+F6 reach the editor and each panel from the keyboard.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './accessibility-check';
import { expect, fixtureText, test } from './fixtures';
import { chips, editor, nextFrame, sourceHeadings, sourcesPanel } from './editor-steps';

const SEED_HEADLINE = 'Upcoming Safety Assurances for the Washington Meeting';
const OTHER_HEADLINE = 'Harbour budget: what the council decided';

/** The seed article with another headline and status: a second row in the library. */
function otherDraft(): string {
  const draft = JSON.parse(fixtureText('seed-article.copydesk')) as { meta: Record<string, unknown>; doc: { content: unknown[] } };
  draft.meta.status = 'ready-for-edit';
  draft.meta.slug = 'harbour-budget';
  draft.doc.content[0] = { type: 'headline', content: [{ type: 'text', text: OTHER_HEADLINE }] };
  return JSON.stringify(draft, null, 2);
}

test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk'), 'harbour.copydesk': otherDraft() } });

/** Every visible button of the page has a non-empty accessible name. */
async function expectNamedButtons(page: Page, where: string): Promise<number> {
  const buttons = await page.getByRole('button').all();
  for (const button of buttons) await expect(button, `a button on ${where}`).toHaveAccessibleName(/\S/u);
  return buttons.length;
}

/** Where the keyboard focus is, named by the landmark (or toolbar) holding it. */
async function focusPlace(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'nowhere';
    if (active.closest('[role="toolbar"]')) return `toolbar ${active.closest('[role="toolbar"]')?.getAttribute('aria-label') ?? ''}`;
    const aside = active.closest('aside');
    if (aside) return `panel ${document.getElementById(aside.getAttribute('aria-labelledby') ?? '')?.textContent ?? '?'}`;
    const main = active.closest('main');
    if (main) return active.getAttribute('aria-label') === 'Article text' ? 'article text' : `main ${main.getAttribute('aria-label') ?? ''} (${active.tagName.toLowerCase()})`;
    if (active.closest('footer')) return 'status bar';
    if (active.closest('header')) return 'header';
    return `elsewhere (${active.tagName.toLowerCase()})`;
  });
}

/** Presses `key` `times` times and returns where the focus went after each press. */
async function cycle(page: Page, key: 'F6' | 'Shift+F6', times: number): Promise<string[]> {
  const places: string[] = [];
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    places.push(await focusPlace(page));
  }
  return places;
}

async function openSeed(page: Page): Promise<void> {
  await page.getByRole('button', { name: SEED_HEADLINE, exact: true }).click();
  await expect(editor(page)).toBeFocused();
  await expect(sourceHeadings(page).first()).toBeVisible(); // the Sources panel has rendered
}

test('the library: no serious violation, named buttons, F6 between header and list', async ({ page }) => {
  await expect(page.getByRole('button', { name: SEED_HEADLINE, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: OTHER_HEADLINE, exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Drafts' }).getByRole('row')).toHaveCount(3);
  await expectNoSeriousViolations(page, 'the library');
  expect(await expectNamedButtons(page, 'the library')).toBeGreaterThanOrEqual(10);
  await expect(page.getByRole('searchbox', { name: 'Search drafts by headline' })).toBeVisible();
  // F6 goes from region to region: the header, the list (its search field first), and around.
  expect(await cycle(page, 'F6', 3)).toEqual(['header', 'main Library (input)', 'header']);
  expect(await cycle(page, 'Shift+F6', 1)).toEqual(['main Library (input)']);
  await expect(page.getByRole('searchbox', { name: 'Search drafts by headline' })).toBeFocused();

  // The check itself can fail: an unnamed button put on the page is a critical violation.
  await page.evaluate(() => document.querySelector('main')?.append(Object.assign(document.createElement('button'), { type: 'button', className: 'axe-self-test' })));
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.find((v) => v.id === 'button-name')?.nodes.map((n) => n.target.join(' '))).toEqual(['.axe-self-test']);
});

test('the editor with the Sources, Details, Problems and Preview panels: no serious violation, named buttons', async ({ page }) => {
  await openSeed(page);
  await expectNoSeriousViolations(page, 'the editor with the Sources panel');
  expect(await expectNamedButtons(page, 'the editor with the Sources panel')).toBeGreaterThan(20);

  for (const name of ['Details', 'Problems'] as const) {
    await page.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name }).click();
    const panel = page.getByRole('complementary', { name });
    await expect(panel).toBeVisible();
    if (name === 'Details') await expect(panel.getByRole('textbox', { name: 'Slug' })).toBeVisible();
    else await expect(panel.getByText(/problems found|errors?,|warnings?\./u)).toBeVisible();
    await expectNoSeriousViolations(page, `the editor with the ${name} panel`);
    await expectNamedButtons(page, `the editor with the ${name} panel`);
  }

  // The preview's frame is sandboxed without scripts: axe cannot enter it (its page is the HTML
  // export, checked by the export's own tests); the rest of the screen is checked.
  await page.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTitle('Preview of the HTML export')).toBeVisible();
  await expectNoSeriousViolations(page, 'the editor with the Preview panel', { exclude: ['iframe'] });
  await expectNamedButtons(page, 'the editor with the Preview panel');
});

test('the citation picker, searching and creating: no serious violation, named buttons', async ({ page }) => {
  await openSeed(page);
  await editor(page).locator('p:not(.cd-standfirst)').first().click();
  await page.keyboard.press('End');
  await nextFrame(page);
  await page.keyboard.press('Control+Alt+f');
  const picker = page.getByRole('dialog', { name: 'Cite a source' });
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('combobox', { name: 'Search sources by title or outlet' })).toBeFocused();
  await expect(picker.getByRole('listbox', { name: 'Sources' }).getByRole('option').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'the citation picker (search)');
  await expectNamedButtons(page, 'the citation picker (search)');

  await picker.getByRole('combobox').fill('no such source at all');
  await picker.getByRole('combobox').press('Enter');
  const form = page.getByRole('dialog', { name: 'Cite a new source' });
  await expect(form.getByLabel('Title')).toBeFocused();
  await expect(form.getByLabel('Title')).toHaveValue('no such source at all');
  await form.getByLabel('URL').fill('javascript:alert(1)'); // the error message shows too
  await expect(form.getByLabel('URL')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page, 'the citation picker (new source, with a URL error)');
  await expectNamedButtons(page, 'the citation picker (new source)');
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(editor(page)).toBeFocused();
});

test('a citation is announced with its number and its source’s title', async ({ page }) => {
  await openSeed(page);
  const headings = await sourceHeadings(page).allTextContents();
  expect(headings.length).toBeGreaterThan(1);
  const titleOf = new Map(headings.map((h) => [h.match(/^\[(\d+)\]/u)?.[1] ?? 'uncited', h.replace(/^\[\d+\]\s*/u, '').trim()]));
  const all = await chips(page).all();
  expect(all.length).toBeGreaterThan(1);
  for (const chip of all) {
    const n = ((await chip.textContent()) ?? '').replace(/[[\]]/gu, '');
    await expect(chip).toHaveAccessibleName(`Citation ${n}: ${titleOf.get(n) ?? '?'}`);
  }
  // Selected with the keyboard, a citation shows its source, and Enter goes to it in the panel.
  const first = chips(page).first();
  await first.click();
  await expect(page.locator('.cd-cite-card')).toContainText(titleOf.get('1') ?? '?');
  await page.keyboard.press('Enter');
  await expect(sourcesPanel(page).getByRole('heading', { name: `[1] ${titleOf.get('1') ?? '?'}` })).toBeFocused();
  // And back to that citation.
  await sourcesPanel(page).getByRole('button', { name: 'Back to the text' }).click();
  await expect(editor(page)).toBeFocused();
  await expect(first.locator('xpath=..')).toHaveClass(/ProseMirror-selectednode/u);
});

test('F6 and Shift+F6 reach the editor and each panel', async ({ page }) => {
  await openSeed(page);
  // From the text: the panel, the status bar, the header, the toolbar, and the text again.
  expect(await cycle(page, 'F6', 5)).toEqual(['panel Sources', 'status bar', 'header', 'toolbar Formatting', 'article text']);
  expect(await cycle(page, 'Shift+F6', 5)).toEqual(['toolbar Formatting', 'header', 'status bar', 'panel Sources', 'article text']);

  for (const name of ['Details', 'Problems', 'Preview'] as const) {
    await page.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name }).click();
    await expect(page.getByRole('complementary', { name })).toBeVisible();
    // From the panel switch (in the header): toolbar, text, then the panel.
    expect(await cycle(page, 'F6', 3)).toEqual(['toolbar Formatting', 'article text', `panel ${name}`]);
    await expect(page.getByRole('complementary', { name }).locator(':focus')).toHaveCount(1);
  }

  // Typing goes into the text once F6 has brought the focus back.
  await page.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Sources' }).click();
  expect(await cycle(page, 'F6', 2)).toEqual(['toolbar Formatting', 'article text']);
  await expect(editor(page)).toBeFocused();
});

test.describe('1024x640', () => {
  test.use({ viewport: { width: 1024, height: 640 } });

  test('the toolbar’s More menu, open: no serious violation, named items', async ({ page }) => {
    await openSeed(page);
    const more = page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'More' });
    await more.click();
    const menu = page.getByRole('menu', { name: 'More' });
    await expect(menu.locator('[role^="menuitem"]').first()).toBeFocused();
    await expectNoSeriousViolations(page, 'the editor with the toolbar’s More menu open');
    await expectNamedButtons(page, 'the editor with the toolbar’s More menu open');
    for (const item of await menu.locator('[role^="menuitem"]').all()) await expect(item).toHaveAccessibleName(/\S/u);
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
  });
});
