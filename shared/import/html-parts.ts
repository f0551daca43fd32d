/**
 * Parts of an HTML page that the importer turns into one block each, without needing the
 * reader's state: a "Read also" block from its items, a figure, a table's rows, a `<pre>`'s
 * lines (see html.ts for where they are recognised).
 */
import { IMAGE_URL_ATTRIBUTES } from '../html-intake';
import { clip } from './fit';
import { attr, children, find, findAll, isElement, isSkipped, textOf, type HElement, type HNode } from './html-dom';
import { named, type InlineWalker } from './html-inline';
import { isUsableImage, storableUrl } from './links';
import { placeholderImage } from './placeholder';
import { inlineText, type ImportBlock, type ImportInline, type ImportReadAlsoItem } from './tree';

const CREDIT_NAMES = 'credit|credits|copyright|photographer|attribution|image-source|photo-credit|rights';
/** Class names of a label above a headline or before a "Read also" item's title. */
export const KICKER_NAMES = 'kicker|label|category|section|eyebrow|rubric|overline|flag';

/**
 * A "Read also" block from its title and its items (`li` elements or links): each item's first
 * link gives its URL (if the policy allows it) and title, a `kicker`/`label` element or a
 * "Kicker:" before the link its kicker. The title "Read also" is stored as the default (empty).
 */
export function readAlsoBlock(title: string, items: readonly HElement[], dropped: string[]): ImportBlock {
  const read: ImportReadAlsoItem[] = [];
  for (const item of items) {
    const link = item.tagName === 'a' ? item : find(item, (el) => el.tagName === 'a' && attr(el, 'href') !== null);
    const kickerElement = find(item, (el) => el !== link && named(el, KICKER_NAMES));
    let kicker = kickerElement ? textOf(kickerElement) : '';
    const itemTitle = link ? textOf(link) : textOf(item).slice(kicker.length).trim();
    if (!kicker && link) {
      const all = textOf(item);
      const before = all.slice(0, Math.max(0, all.indexOf(itemTitle))).trim();
      if (before.endsWith(':')) kicker = before.slice(0, -1).trim();
    }
    const url = storableUrl(link ? (attr(link, 'href') ?? '') : '', 'readAlso', `the “Read also” item “${clip(itemTitle)}”`, dropped);
    if (itemTitle || url) read.push({ title: itemTitle, url, kicker });
  }
  const clean = title.replace(/\s*:$/u, '').trim();
  return { type: 'read_also', title: /^read also$/iu.test(clean) ? '' : clean, items: read };
}

/** The URLs of a `srcset` attribute. */
function srcsetUrls(srcset: string | null): string[] {
  if (!srcset) return [];
  return srcset
    .split(',')
    .map((entry) => entry.trim().split(/\s+/u)[0] ?? '')
    .filter(Boolean);
}

/**
 * A figure from a `<figure>`, `<picture>` or lone `<img>`, or null when it holds no image. The
 * image is the first usable address among `src`, lazy-loading `data-src`/`data-original`/
 * `data-lazy-src` and `srcset`s; without one, a placeholder in the draft's assets/ folder
 * (placeholder.ts), the refused address listed in `dropped`. The caption is the figcaption
 * without its credit elements, the credit their text.
 */
export function figureBlock(element: HElement, walker: InlineWalker, images: Set<string>, dropped: string[]): ImportBlock | null {
  const img = element.tagName === 'img' ? element : find(element, (el) => el.tagName === 'img');
  if (!img) return null;
  const figcaption = find(element, (el) => el.tagName === 'figcaption');
  const credits = figcaption ? findAll(figcaption, (el) => named(el, CREDIT_NAMES)) : [];
  const credit = credits.map(textOf).filter(Boolean).join(' ');
  const caption = walker.inline(figcaption ? children(figcaption).filter((child) => !(isElement(child) && credits.includes(child))) : []);
  const alt = (attr(img, 'alt') ?? '').trim();
  const candidates = [
    ...IMAGE_URL_ATTRIBUTES.flatMap((name) => (name === 'srcset' ? srcsetUrls(attr(img, name)) : [attr(img, name)])),
    ...findAll(element, (el) => el.tagName === 'source').flatMap((source) => srcsetUrls(attr(source, 'srcset'))),
  ].filter((url): url is string => url !== null && url.trim() !== '');
  let src = candidates.find(isUsableImage);
  if (src === undefined) {
    src = placeholderImage(inlineText(caption) || alt || 'image', images);
    dropped.push(`The picture ${clip(candidates[0] ?? '(no address)')} (only https: images are kept): its figure points at ${src} instead, where the picture can be added.`);
  }
  images.add(src);
  return { type: 'figure', src, alt, credit, caption };
}

/** A table's rows, each as inline content with its cells separated by " | ". */
export function tableRows(element: HElement, walker: InlineWalker): ImportInline[][] {
  const rows: ImportInline[][] = [];
  for (const row of findAll(element, (el) => el.tagName === 'tr')) {
    const content: ImportInline[] = [];
    for (const cell of children(row)) {
      if (!isElement(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      const inline = walker.inline(children(cell));
      if (content.length && inline.length) content.push({ kind: 'text', text: ' | ', marks: [] });
      content.push(...inline);
    }
    rows.push(content);
  }
  return rows;
}

/** A `<pre>` as a paragraph's content: its lines as written, separated by hard breaks. */
export function preContent(element: HElement): ImportInline[] {
  let text = '';
  const walk = (node: HNode): void => {
    if (node.nodeName === '#text') text += (node as { value: string }).value;
    else if (isElement(node) && !isSkipped(node)) {
      if (node.tagName === 'br') text += '\n';
      else children(node).forEach(walk);
    }
  };
  children(element).forEach(walk);
  const lines = text.replace(/^\n/u, '').replace(/\n$/u, '').split('\n');
  return lines.flatMap((line, k): ImportInline[] => [...(k ? [{ kind: 'break' as const }] : []), ...(line ? [{ kind: 'text' as const, text: line, marks: [] }] : [])]);
}
