/**
 * HTML pasted from the web, made harmless before ProseMirror reads it.
 *
 * ProseMirror's parser already keeps only what the schema's `parseDOM` rules describe (and the
 * schema refuses links that are not http(s), mailto or in-page anchors), but the HTML is cleaned
 * first anyway, in two passes:
 * 1. parse5 (plain JavaScript, no DOM) reads the markup and the unsafe parts are dropped from its
 *    tree, which is then written back as HTML (html-preclean.ts, loaded on first use: see
 *    below). Only then does a browser parser see it. Why: the
 *    browser's HTML parser, even into an inert document (DOMParser, `createHTMLDocument`, a
 *    template), checks every event handler attribute and inline style it creates against the
 *    page's Content-Security-Policy, and Chromium reports each one as a violation in the console
 *    (measured: `<p onclick>` and `<p style>` each report one, whichever inert parser). Nothing
 *    runs, but the app's console fills with alarms on every paste from a web page; after the
 *    first pass there is nothing left to report.
 * 2. The cleaned HTML is parsed into an inert document (`DOMParser`: no script runs, nothing
 *    loads) and checked again with the same rules on the DOM (`cleanTree`), as a second line.
 * What is dropped follows the HTML intake policy that the importer reads too
 * (shared/html-intake.ts):
 * - elements that are code or embed something (`script`, `style`, `iframe`, `object`, `svg`,
 *   forms, media, pictures…), with their content, and elements outside the HTML namespace;
 *   comments;
 * - event handler attributes (`on…`), inline styles (`style`; italic and bold given by a style
 *   become `em` and `strong` first), and URL attributes but a link's `href` that the link
 *   policy accepts;
 * - `data-pm-slice`: ProseMirror trusts it to say how the HTML was cut from another
 *   ProseMirror document (open depths, a number of wrappers to skip, and a list of node types
 *   with attributes to wrap the content in). A crafted one could wrap pasted text in nodes
 *   without checking their content (text directly inside a "Read also" block, paragraphs
 *   inside the sources section), producing a document the draft format refuses on the next
 *   load, or make the paste throw. Copydesk's own copies carry their structure in the checked
 *   `application/x-copydesk-slice+json` payload instead, so no HTML is trusted with it;
 * - Google Docs' `<b style="font-weight:normal">` wrapper is unwrapped (it is not bold).
 * Headings, lists, quotes, paragraphs, links, bold and italic survive.
 *
 * parse5 is not in the start chunk: `htmlCleaner.load()` fetches the first pass, which the
 * editor starts when the page is idle after it mounts (clipboard.ts), so it is normally there
 * before the first paste; a paste that comes earlier waits for it (deferred-paste.ts).
 */
import { Fragment, Slice, type Node as PMNode } from 'prosemirror-model';
import { PASTE_DROPPED_ELEMENTS } from '../../shared/html-intake';
import { lazyModule } from './lazy-module';
import { schema } from '../../shared/schema';
import { isFalseBold, keepAttribute } from './html-rules';

/** The first pass (parse5), loaded on first use. */
export const htmlCleaner = lazyModule(() => import('./html-preclean'));

/** A selector of every element a paste drops (the second pass). */
const DROPPED = [...PASTE_DROPPED_ELEMENTS].join(', ');

/** Cleans the elements under `root` in place, with the rules of the first pass (the second pass). */
export function cleanTree(root: Element): void {
  for (const element of Array.from(root.querySelectorAll(DROPPED))) element.remove();
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const style = element.getAttribute('style') ?? '';
    for (const attribute of Array.from(element.attributes)) {
      if (!keepAttribute(element.localName, attribute.name.toLowerCase(), attribute.value)) element.removeAttribute(attribute.name);
    }
    if (isFalseBold(element.localName, style)) element.replaceWith(...Array.from(element.childNodes));
  }
}

/** `html` parsed into the body of an inert document made with `document`'s DOMParser (no script runs, nothing loads). */
function inertBody(html: string, document: Document): HTMLElement {
  const Parser = document.defaultView?.DOMParser ?? DOMParser;
  return new Parser().parseFromString(html, 'text/html').body;
}

/**
 * `html` cleaned (see the module comment), as HTML again (for `transformPastedHTML`). The paste
 * and drop handlers never let ProseMirror parse HTML before the first pass is loaded; should it
 * happen all the same, the second pass alone cleans it (safe, but the console may show CSP
 * reports), and the first pass starts loading.
 */
export function sanitizeHTML(html: string, document: Document): string {
  const first = htmlCleaner.current;
  if (!first) {
    console.warn('Copydesk: HTML was pasted before the paste cleaner was loaded; cleaned without its first pass.');
    htmlCleaner.load().catch(() => undefined);
  }
  const body = inertBody(first ? first.preClean(html) : html, document);
  cleanTree(body);
  return body.innerHTML;
}

/**
 * The text of `html` once the second pass removed what a paste drops, paragraphs apart: what a
 * paste gives when the first pass could not be loaded and the clipboard has no plain text.
 */
export function textOfHTML(html: string, document: Document): string {
  const body = inertBody(html, document);
  cleanTree(body);
  const blocks = Array.from(body.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, blockquote, div'));
  for (const block of blocks) block.append(document.createTextNode('\n\n'));
  return (body.textContent ?? '').replace(/\n{3,}/gu, '\n\n').trim();
}

/**
 * Makes pasted content fit a body: an `h1` (parsed as a headline) becomes a level-2 heading, a
 * standfirst a paragraph; content that does not fit the schema (it cannot come from the parser,
 * but is checked anyway) is replaced by its text, in paragraphs.
 */
export function bodySlice(slice: Slice): Slice {
  const nodes: PMNode[] = [];
  let changed = false;
  slice.content.forEach((node) => {
    const name = node.type.name;
    if (name === 'headline') nodes.push(schema.node('heading', { level: 2 }, node.content));
    else if (name === 'standfirst') nodes.push(schema.node('paragraph', null, node.content));
    else nodes.push(node);
    if (name === 'headline' || name === 'standfirst') changed = true;
  });
  const result = changed ? new Slice(Fragment.fromArray(nodes), slice.openStart, slice.openEnd) : slice;
  try {
    result.content.forEach((node) => {
      if (node.type.name === 'doc' || node.type.name === 'sources' || node.type.name === 'source') throw new RangeError(`${node.type.name} in pasted content`);
      node.check();
    });
    return result;
  } catch {
    const text = slice.content.textBetween(0, slice.content.size, '\n\n');
    const paragraphs = text.split(/\n{2,}/u).map((part) => schema.node('paragraph', null, part ? [schema.text(part)] : []));
    return new Slice(Fragment.fromArray(paragraphs), 1, 1);
  }
}
