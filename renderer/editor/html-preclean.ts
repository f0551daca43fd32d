/**
 * The first pass of the paste cleaner (html-sanitize.ts says why): parse5, plain JavaScript
 * without a DOM, reads the pasted markup, the unsafe parts are dropped from its tree, and the
 * rest is written back as HTML, before any browser parser sees it. parse5 and its character
 * references are a large part of the editor's code, needed only by a paste of HTML: this module
 * is loaded on first use (`htmlCleaner` in html-sanitize.ts), never in the start chunk.
 */
import { defaultTreeAdapter, html as parse5Html, parse, serialize, type DefaultTreeAdapterMap } from 'parse5';
import { isForeignElement, PASTE_DROPPED_ELEMENTS } from '../../shared/html-intake';
import { isFalseBold, keepAttribute } from './html-rules';

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
