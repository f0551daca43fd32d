/**
 * The 100,000-word long read of the scenarios that check the editor's speed tricks stay correct
 * (long-read.spec.ts, screen-reader.spec.ts): issue 6's XL article (tests/bench/generate.ts) with
 * one found word inserted at 85%, and the steps to open it and look at what the browser skips.
 */
import { expect, type CDPSession, type Locator, type Page } from '@playwright/test';
import type { Node as PMNode } from 'prosemirror-model';
import { serializeDraft } from '../../shared/draft/format';
import { indexFootnotes } from '../../shared/footnotes';
import { schema } from '../../shared/schema';
import { generateArticle, SIZES } from '../bench/generate';
import { chips, editor, sourcesPanel } from './editor-steps';

/** A word that appears once, in a paragraph inserted at 85% of the article. */
export const FOUND = 'quokkaberry';

/** The XL article with the found word, and what the tests look for in it. */
export interface LongRead {
  /** The draft file's text. */
  readonly text: string;
  readonly headline: string;
  /** Top-level paragraphs without citations (their DOM text is their text content). */
  readonly paragraphs: string[];
  /** The last citation of the text: its accessible name, its source's title and number. */
  readonly deepCite: { readonly name: string; readonly title: string; readonly number: number };
}

/** Generates the long read (deterministic; a second or so). */
export function longRead(): LongRead {
  const draft = generateArticle(SIZES.XL);
  const blocks: PMNode[] = [];
  const at = Math.floor(draft.doc.childCount * 0.85);
  draft.doc.forEach((node, _offset, i) => {
    if (i === at) blocks.push(schema.node('paragraph', null, [schema.text('The harbour master said the '), schema.text(FOUND, [schema.mark('em')]), schema.text(' shipment came late.')]));
    blocks.push(node);
  });
  const doc = schema.node('doc', null, blocks);
  doc.check();
  const paragraphs: string[] = [];
  doc.forEach((node, _offset, i) => {
    let cites = false;
    node.descendants((n) => void (cites ||= n.type.name === 'citation'));
    if (i > 1 && node.type.name === 'paragraph' && !cites && node.textContent.length > 80) paragraphs.push(node.textContent);
  });
  // The last citation of the text, as a screen reader names it.
  const footnotes = indexFootnotes(doc);
  const last = footnotes.citations.at(-1);
  if (!last) throw new Error('the generated article has no citation');
  const number = footnotes.numbers.get(last.source) ?? 0;
  const title = String(footnotes.byId.get(last.source)?.node.attrs.title ?? '');
  return {
    text: serializeDraft({ ...draft, doc }),
    headline: doc.child(0).textContent,
    paragraphs,
    deepCite: { name: `Citation ${String(number)}: ${title}`, title, number },
  };
}

/** Opens the long read from the library and waits until the text, its last chip and the Sources panel are there. */
export async function openLongRead(page: Page, headline: string): Promise<void> {
  await page.getByRole('button', { name: headline, exact: true }).click();
  await expect(editor(page)).toBeFocused({ timeout: 30_000 });
  await expect(chips(page).last()).toBeAttached();
  await expect(sourcesPanel(page).getByRole('list', { name: 'Sources in number order' }).getByRole('heading', { level: 3 })).toHaveCount(SIZES.XL.sources, { timeout: 30_000 });
}

/** The scrolling column of the article. */
export function column(page: Page): Locator {
  return page.locator('.cd-article');
}

/** Whether the browser renders `target` (false while it is inside a skipped `content-visibility: auto` block). */
export async function rendered(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true }));
}

/** How far the shell's own layout is scrolled: every ancestor of the article column, and the page. */
export async function shellScroll(page: Page): Promise<number> {
  return column(page).evaluate((el) => {
    let sum = el.ownerDocument.scrollingElement?.scrollTop ?? 0;
    for (let p = el.parentElement; p; p = p.parentElement) sum += p.scrollTop;
    return sum;
  });
}

/**
 * Chromium's own accessibility tree, what a screen reader reads: `rolesNamed(name)` lists the
 * roles of the editor's nodes named `name` that the tree does not ignore.
 */
export async function accessibilityTree(page: Page): Promise<{ rolesNamed(name: string): Promise<string[]>; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  return {
    cdp,
    async rolesNamed(name) {
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.cd-editor' });
      const { nodes } = await cdp.send('Accessibility.queryAXTree', { nodeId, accessibleName: name });
      return nodes.filter((n) => !n.ignored).map((n) => String(n.role?.value ?? ''));
    },
  };
}
