/**
 * A screen reader reaches the whole long read, not only what was scrolled to.
 *
 * Every top-level block of the editor is `content-visibility: auto`, and Chromium leaves the
 * content of a never-rendered block out of its accessibility tree. While assistive technology is
 * on (the main process reports it: `system.accessibility` at start, the `accessibility` event on
 * changes), or while the user's preference "Render the whole article at once" forces it, the
 * shell puts `cd-render-all` on the root element and every block is rendered
 * (renderer/app/use-render-all.ts, renderer/editor/editor.css).
 *
 * Checked in Chromium's own accessibility tree (CDP `Accessibility.queryAXTree`): the last
 * citation of the 100,000-word article, far below the screen, is there with role doc-noteref and
 * its name without being scrolled to; with the mode off again it is skipped, and out of the tree.
 */
import type { Locator, Page } from '@playwright/test';
import { chips, editor } from './editor-steps';
import { expect, snap, test } from './fixtures';
import { accessibilityTree, longRead, openLongRead, rendered } from './long-read-steps';

const LONG = longRead();

test.use({ drafts: { 'long-read.copydesk': LONG.text } });
// Opening 100,000 words, and rendering all of them, take seconds on this 2-core machine.
test.setTimeout(180_000);

function root(page: Page): Locator {
  return page.locator('html');
}

const RENDER_ALL = /\bcd-render-all\b/u;

/** Asserts the deep citation is rendered and in the tree as doc-noteref, without having been scrolled to. */
async function expectInTree(page: Page, rolesNamed: (name: string) => Promise<string[]>): Promise<void> {
  const chip = chips(page).last();
  await expect.poll(() => rendered(chip), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => rolesNamed(LONG.deepCite.name), { timeout: 30_000 }).toEqual(['doc-noteref']);
  await expect(chip).not.toBeInViewport();
}

/** Asserts the deep citation is skipped by the browser and out of the tree. */
async function expectSkipped(page: Page, rolesNamed: (name: string) => Promise<string[]>): Promise<void> {
  const chip = chips(page).last();
  await expect.poll(() => rendered(chip), { message: 'the citation is skipped (not rendered)', timeout: 30_000 }).toBe(false);
  await expect.poll(() => rolesNamed(LONG.deepCite.name), { message: 'and out of the accessibility tree', timeout: 30_000 }).toEqual([]);
}

test('assistive technology on: the whole article is in the accessibility tree; off again: skipped content is out of it', async ({ page, emit }) => {
  await openLongRead(page, LONG.headline);
  const { rolesNamed } = await accessibilityTree(page);
  await expect(root(page)).not.toHaveClass(RENDER_ALL);
  await expectSkipped(page, rolesNamed);

  await emit('accessibility', { enabled: true });
  await expect(root(page)).toHaveClass(RENDER_ALL);
  await expectInTree(page, rolesNamed);
  // The editor still works in that mode: the cursor stays where it was, typing lands there.
  await expect(editor(page)).toBeFocused();

  await emit('accessibility', { enabled: false });
  await expect(root(page)).not.toHaveClass(RENDER_ALL);
  await expectSkipped(page, rolesNamed);
});

test('a screen reader already on when the page starts: the main process answers so, and the article opens rendered whole', async ({ page, emit, appUrl }) => {
  await emit('accessibility', { enabled: true });
  // A new page asks the main process (system.accessibility), as a window that opens or reloads does.
  await page.goto(appUrl);
  await expect(root(page)).toHaveClass(RENDER_ALL);
  expect(await page.evaluate(() => window.copydesk?.system.accessibility())).toEqual({ enabled: true });
  await openLongRead(page, LONG.headline);
  const { rolesNamed } = await accessibilityTree(page);
  await expectInTree(page, rolesNamed);
});

test('the preference "Render the whole article at once" forces the mode, is remembered on this computer, and can be turned off', async ({ page, appUrl }) => {
  await openLongRead(page, LONG.headline);
  const { rolesNamed } = await accessibilityTree(page);
  await page.getByRole('button', { name: 'Details', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Details' });
  const group = panel.getByRole('group', { name: 'On this computer' });
  const box = group.getByRole('checkbox', { name: 'Render the whole article at once' });
  await expect(box).not.toBeChecked();
  await expect(box).toHaveAccessibleDescription(/screen readers.*Very long articles open more slowly/u);
  await expectSkipped(page, rolesNamed);

  await box.check();
  await expect(root(page)).toHaveClass(RENDER_ALL);
  await expectInTree(page, rolesNamed);
  await snap(page, 'details-render-whole-article');

  // Remembered (localStorage): a new page starts in the mode.
  await page.goto(appUrl);
  await expect(root(page)).toHaveClass(RENDER_ALL);
  await openLongRead(page, LONG.headline);
  const after = await accessibilityTree(page);
  await expectInTree(page, after.rolesNamed);
  await page.getByRole('button', { name: 'Details', exact: true }).click();
  const again = page.getByRole('complementary', { name: 'Details' }).getByRole('checkbox', { name: 'Render the whole article at once' });
  await expect(again).toBeChecked();
  await again.uncheck();
  await expect(root(page)).not.toHaveClass(RENDER_ALL);
  await expectSkipped(page, after.rolesNamed);
});
