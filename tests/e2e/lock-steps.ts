/**
 * Steps shared by the scenarios of a draft open in two places (locks.spec.ts,
 * merge-conflict.spec.ts): naming an installation's person, opening the seed, typing at the end
 * of a paragraph.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { caretAtEnd, nextFrame } from './editor-steps';

/** The seed article's headline (tests/fixtures/seed-article.copydesk). */
export const SEED_HEADLINE = 'Upcoming Safety Assurances for the Washington Meeting';

/** Gives the installation of `page` its name in review: what its lock and its saves (`meta.savedBy`) say. */
export async function nameIs(page: Page, name: string, initials: string): Promise<void> {
  await page.evaluate(([n, i]) => window.copydesk.reviewer.set({ name: n, initials: i }), [name, initials] as const);
}

/** Clicks the seed in the library. */
export async function openSeed(page: Page): Promise<void> {
  await page.getByRole('button', { name: SEED_HEADLINE, exact: true }).click();
}

/** Puts the caret at the end of `block` (as a click there would) and types `text`. */
export async function typeAtEnd(page: Page, block: Locator, text: string): Promise<void> {
  await caretAtEnd(block);
  await nextFrame(page);
  await page.keyboard.type(text);
  await expect(block).toContainText(text.trim());
}
