/**
 * mammoth's HTML made ready for the HTML importer (shared/import/html.ts), which then applies the
 * HTML intake policy to all of it:
 * - a picture the Word export wrote as a link ("Picture: <link>") becomes an image again;
 * - a "Read also" title (the export's Read Also Title style) and its list become one box;
 * - an image becomes a `<figure>` of its own (taken out of the paragraph it stood in, before it),
 *   and a Caption-style paragraph right after it its `<figcaption>`; a credit at the end of the
 *   caption ("Photo: …", "Photograph: …", "Credit: …", "Image: …", "©…", as the exports write a
 *   credit after the caption) goes into an element named `credit`;
 * - without a Title-style paragraph (which maps to `<h1>`), the first heading is the headline;
 * - notes citing the same work are merged, and a final references section is taken out
 *   (html-notes.ts).
 */
import { defaultTreeAdapter as tree, html } from 'parse5';
import { parseHtml, type HDocument } from '../html';
import { attr, children, find, findAll, isElement, textOf, type HElement, type HNode } from '../html-dom';
import { mergeNotes, takeReferencesSection } from './html-notes';
import { LIST_BREAK } from './markers';

/** The class the style map gives Caption-style paragraphs. */
export const CAPTION_CLASS = 'docx-caption';
/** The class the style map gives a "Read also" box's title (the Word export's Read Also Title style). */
export const READ_ALSO_TITLE_CLASS = 'docx-read-also-title';
/** The `src` prefix of an image the import does not keep (its format is not one a draft shows). */
export const REFUSED_IMAGE = 'docx-refused:';

const CREDIT = /(?:^|\s)((?:Photo(?:graph)?s?|Pictures?|Images?|Credits?|Illustrations?|Source)\s*:\s*\S.*|©\s*\S.*)$/su;

function element(tag: string, attrs: Record<string, string> = {}): HElement {
  return tree.createElement(
    tag,
    html.NS.HTML,
    Object.entries(attrs).map(([name, value]) => ({ name, value })),
  );
}

function move(node: HNode, to: HElement): void {
  tree.detachNode(node as HElement);
  tree.appendChild(to, node as HElement);
}

/** The next sibling element of `node`, white space skipped. */
function nextElement(node: HElement): HElement | null {
  const siblings = children(node.parentNode as HNode);
  for (let i = siblings.indexOf(node) + 1; i < siblings.length; i++) {
    const sibling = siblings[i] as HNode;
    if (isElement(sibling)) return sibling;
    if (sibling.nodeName === '#text' && (sibling as { value: string }).value.trim() !== '') return null;
  }
  return null;
}

/** A figcaption from a caption paragraph: its content, and the credit at its end in a `credit` element. */
function figcaption(caption: HElement): HElement {
  const out = element('figcaption');
  const nodes = [...children(caption)];
  const last = nodes[nodes.length - 1];
  let credit: string | null = null;
  // A credit in its own run style (mapped to span.credit) needs no reading.
  const styled = find(caption, (el) => hasClass(el, 'credit')) !== null;
  if (!styled && last && last.nodeName === '#text') {
    const text = last as { value: string };
    const match = CREDIT.exec(text.value);
    if (match && textOf(caption).length > (match[1] ?? '').length) {
      credit = (match[1] ?? '').trim();
      text.value = text.value.slice(0, match.index);
    } else if (match && nodes.length === 1) {
      credit = (match[1] ?? '').trim();
      text.value = '';
    }
  }
  for (const node of nodes) move(node, out);
  if (credit) {
    const small = element('small', { class: 'credit' });
    tree.insertText(small, credit);
    tree.appendChild(out, small);
  }
  return out;
}

function hasClass(el: HElement, name: string): boolean {
  return (attr(el, 'class') ?? '').split(/\s+/u).includes(name);
}

/**
 * A picture the Word export could not embed (one on the web, never fetched) is written as a
 * Caption-style paragraph "Picture: <link>": it becomes the figure again, the link's address its
 * image and its text the alt text.
 */
function webPictures(body: HElement): void {
  for (const p of findAll(body, (el) => el.tagName === 'p' && hasClass(el, CAPTION_CLASS))) {
    const links = findAll(p, (el) => el.tagName === 'a');
    const link = links[0];
    if (links.length !== 1 || !link || !/^Picture:\s*$/u.test(textOf(p).slice(0, textOf(p).length - textOf(link).length))) continue;
    const img = element('img', { src: attr(link, 'href') ?? '', alt: textOf(link) });
    const holder = element('p');
    tree.appendChild(holder, img);
    tree.insertBefore(p.parentNode as HElement, holder, p);
    tree.detachNode(p);
  }
}

/** A "Read also" title paragraph and the list after it become one box, which the HTML importer reads whatever its title. */
function readAlsoBoxes(body: HElement): void {
  for (const title of findAll(body, (el) => el.tagName === 'p' && hasClass(el, READ_ALSO_TITLE_CLASS))) {
    const list = nextElement(title);
    if (!list || (list.tagName !== 'ul' && list.tagName !== 'ol')) continue;
    const box = element('aside', { class: 'read-also' });
    tree.insertBefore(title.parentNode as HElement, box, title);
    move(title, box);
    move(list, box);
  }
}

/** Makes a figure of every image (see the module comment); returns the refused images' count. */
function figures(body: HElement): number {
  let refused = 0;
  for (const img of findAll(body, (el) => el.tagName === 'img')) {
    if ((attr(img, 'src') ?? '').startsWith(REFUSED_IMAGE)) {
      tree.detachNode(img);
      refused++;
      continue;
    }
    // The block the image stands in (a paragraph, a list item's paragraph…).
    let block: HElement = img;
    while (block.parentNode && isElement(block.parentNode as HNode) && !['p', 'li', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body'].includes((block.parentNode as HElement).tagName)) block = block.parentNode as HElement;
    const holder = block.parentNode as HElement | null;
    if (!holder || holder.tagName === 'body') continue;
    const figure = element('figure');
    move(img, figure);
    const parent = holder.parentNode as HElement;
    tree.insertBefore(parent, figure, holder);
    const alone = textOf(holder) === '' && find(holder, (el) => el.tagName === 'img') === null;
    const next = alone ? nextElement(holder) : nextElement(figure);
    if (next && next !== holder && next.tagName === 'p' && (attr(next, 'class') ?? '').split(/\s+/u).includes(CAPTION_CLASS)) {
      tree.appendChild(figure, figcaption(next));
      tree.detachNode(next);
    }
    if (alone) tree.detachNode(holder);
  }
  return refused;
}

/** The longest paragraph after the headline read as a standfirst (the text importer's rule). */
const MAX_STANDFIRST = 500;

/**
 * Without an `<h1>`, the first heading becomes one (the headline). A paragraph right after it
 * longer than a standfirst is made a `<div>`, which the HTML importer reads as body text rather
 * than as the standfirst (its own limit for web pages is longer).
 */
function headline(body: HElement): void {
  let h1 = find(body, (el) => el.tagName === 'h1');
  if (!h1) {
    h1 = find(body, (el) => /^h[2-6]$/u.test(el.tagName));
    if (h1) h1.tagName = h1.nodeName = 'h1';
  }
  const next = h1 ? nextElement(h1) : null;
  if (next?.tagName === 'p' && !hasClass(next, 'standfirst') && textOf(next).length > MAX_STANDFIRST) next.tagName = next.nodeName = 'div';
}

/** What `prepareHtml` gives. */
export interface PreparedHtml {
  /** The document to give `importHtmlDocument`. */
  readonly document: HDocument;
  /** Decisions for the report's notes. */
  readonly notes: readonly string[];
  /** How many images were left out for their format. */
  readonly refusedImages: number;
}

/** Prepares mammoth's HTML (see the module comment). */
export function prepareHtml(mammothHtml: string): PreparedHtml {
  const document = parseHtml(`<!DOCTYPE html><html><head></head><body>${mammothHtml}</body></html>`);
  const htmlElement = children(document).find((node): node is HElement => isElement(node) && node.tagName === 'html');
  const body = htmlElement && children(htmlElement).find((node): node is HElement => isElement(node) && node.tagName === 'body');
  if (!body) return { document, notes: [], refusedImages: 0 };
  for (const p of findAll(body, (el) => el.tagName === 'p' && textOf(el) === LIST_BREAK)) tree.detachNode(p);
  webPictures(body);
  readAlsoBoxes(body);
  const refusedImages = figures(body);
  headline(body);
  const notes = [...mergeNotes(body), ...takeReferencesSection(body)];
  return { document, notes, refusedImages };
}
