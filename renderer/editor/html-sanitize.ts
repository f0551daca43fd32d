/**
 * HTML pasted from the web, made harmless before ProseMirror reads it.
 *
 * ProseMirror's parser already keeps only what the schema's `parseDOM` rules describe (and the
 * schema refuses links that are not http(s), mailto or in-page anchors), but the HTML is cleaned
 * first anyway, in two passes:
 * 1. parse5 (plain JavaScript, no DOM) reads the markup and the unsafe parts are dropped from its
 *    tree, which is then written back as HTML. Only then does a browser parser see it. Why: the
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
 */
import { defaultTreeAdapter, html as parse5Html, parse, serialize, type DefaultTreeAdapterMap } from 'parse5';
import { Fragment, Slice, type Node as PMNode } from 'prosemirror-model';
import { isForeignElement, isScriptingAttribute, PASTE_DROPPED_ELEMENTS, URL_ATTRIBUTES } from '../../shared/html-intake';
import { schema } from '../../shared/schema';
import { isStorableUrl } from '../../shared/url';

/** A selector of every element a paste drops (the second pass). */
const DROPPED = [...PASTE_DROPPED_ELEMENTS].join(', ');

/** Whether attribute `name` (lower case) with `value` may stay on element `tag`. */
function keepAttribute(tag: string, name: string, value: string): boolean {
  if (isScriptingAttribute(name) || name === 'data-pm-slice') return false;
  return !URL_ATTRIBUTES.has(name) || (name === 'href' && tag === 'a' && isStorableUrl(value, 'link'));
}

/** Google Docs' `<b style="font-weight:normal">` (and the like): a wrapper that is not bold. */
function isFalseBold(tag: string, style: string): boolean {
  return (tag === 'b' || tag === 'strong') && /font-weight:\s*(normal|400)\b/iu.test(style);
}

type HNode = DefaultTreeAdapterMap['childNode'];
type HParent = DefaultTreeAdapterMap['parentNode'];
type HElement = DefaultTreeAdapterMap['element'];

/** Moves `element`'s children into a new `tag` element, its only child (italic/bold given by a style). */
function wrapChildren(element: HElement, tag: 'em' | 'strong'): void {
  const wrapper = defaultTreeAdapter.createElement(tag, parse5Html.NS.HTML, []);
  for (const child of element.childNodes) defaultTreeAdapter.appendChild(wrapper, child);
  element.childNodes = [];
  defaultTreeAdapter.appendChild(element, wrapper);
}

/** The nodes that replace `element` once cleaned: none, its children (unwrapped), or itself. */
function cleanElement(element: HElement): HNode[] {
  if (isForeignElement(element.namespaceURI) || PASTE_DROPPED_ELEMENTS.has(element.tagName)) return [];
  cleanChildren(element);
  const style = element.attrs.find((a) => a.name === 'style')?.value ?? '';
  element.attrs = element.attrs.filter((a) => keepAttribute(element.tagName, a.name, a.value));
  if (isFalseBold(element.tagName, style)) return element.childNodes;
  if (/font-style:\s*(italic|oblique)/iu.test(style)) wrapChildren(element, 'em');
  if (/font-weight:\s*(bold|bolder|[6-9]00)\b/iu.test(style)) wrapChildren(element, 'strong');
  return [element];
}

/** Cleans the children of `parent` in parse5's tree (the first pass; see the module comment). */
function cleanChildren(parent: HParent): void {
  const kept: HNode[] = [];
  for (const child of parent.childNodes) {
    if (defaultTreeAdapter.isTextNode(child)) kept.push(child);
    else if (defaultTreeAdapter.isElementNode(child)) kept.push(...cleanElement(child));
    // Comments and doctypes go.
  }
  parent.childNodes = [];
  for (const child of kept) defaultTreeAdapter.appendChild(parent, child);
}

/** `html` with the unsafe parts dropped, without a browser parser ever seeing them (first pass). */
export function preClean(html: string): string {
  const document = parse(html);
  const root = document.childNodes.find((node) => defaultTreeAdapter.isElementNode(node));
  const body = root && defaultTreeAdapter.isElementNode(root) ? root.childNodes.find((node) => defaultTreeAdapter.isElementNode(node) && node.tagName === 'body') : undefined;
  if (!body || !defaultTreeAdapter.isElementNode(body)) return '';
  cleanChildren(body);
  return serialize(body);
}

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

/** Cleans `html` (both passes) into the body of an inert document made with `document`'s DOMParser. */
function inertBody(html: string, document: Document): HTMLElement {
  const Parser = document.defaultView?.DOMParser ?? DOMParser;
  const body = new Parser().parseFromString(preClean(html), 'text/html').body;
  cleanTree(body);
  return body;
}

/** `html` cleaned (see the module comment), as HTML again (for `transformPastedHTML`). */
export function sanitizeHTML(html: string, document: Document): string {
  return inertBody(html, document).innerHTML;
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
