/**
 * Small helpers over parse5's default tree (elements, text nodes, attributes), for the HTML
 * importer. parse5 has decoded every character reference in text and attribute values already,
 * so what these helpers return is the real value a browser would see.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import { DROPPED_ELEMENTS, isForeignElement } from '../html-intake';

/** Any node of parse5's tree. */
export type HNode = DefaultTreeAdapterMap['node'];
/** An element. */
export type HElement = DefaultTreeAdapterMap['element'];

/** True for an element in the HTML namespace (not SVG or MathML, which are never imported). */
export function isElement(node: HNode | undefined | null): node is HElement {
  return node !== undefined && node !== null && 'tagName' in node;
}

/** True for an element of the HTML namespace. */
export function isHtmlElement(node: HNode | undefined | null): node is HElement {
  return isElement(node) && !isForeignElement(node.namespaceURI);
}

/** The value of attribute `name` (lower case), or null. */
export function attr(element: HElement, name: string): string | null {
  for (const attribute of element.attrs) if (attribute.name === name) return attribute.value;
  return null;
}

/** The element's `class` attribute with its `id`, for matching by name (`dek`, `footnotes`…). */
export function names(element: HElement): string {
  return `${attr(element, 'class') ?? ''} ${attr(element, 'id') ?? ''}`.toLowerCase();
}

/** True when one of the element's class names (or its id) matches `pattern` as a whole word part. */
export function hasName(element: HElement, pattern: RegExp): boolean {
  return pattern.test(names(element));
}

/** The element's children (a template's children are its content, which is never rendered: none). */
export function children(node: HNode): readonly HNode[] {
  if (isElement(node) && node.tagName === 'template') return [];
  return 'childNodes' in node ? node.childNodes : [];
}


// An inline style that hides the element (the only styles a page's markup can be trusted to carry).
const HIDING_STYLE = /(?:^|;)\s*(display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!\s*important\s*)?(?:;|$)/iu;

/**
 * Why `element` is hidden from readers, or null: the `hidden` attribute, `aria-hidden="true"`
 * (hidden from screen readers, so not text a page means to say), or an inline style
 * `display: none` / `visibility: hidden`. Hidden text is never imported, and it is listed.
 */
export function hiddenBy(element: HElement): string | null {
  if (attr(element, 'hidden') !== null) return 'hidden';
  if (attr(element, 'aria-hidden')?.trim().toLowerCase() === 'true') return 'aria-hidden';
  const style = HIDING_STYLE.exec(attr(element, 'style') ?? '');
  return style ? (style[1] as string).replace(/\s+/gu, '').replace(':', ': ').toLowerCase() : null;
}

/** The line `report.dropped` gives a hidden element's text, or null when it holds no text. */
export function hiddenTextLine(element: HElement, clip: (text: string) => string): string | null {
  const why = hiddenBy(element);
  if (why === null) return null;
  // The element's own text, its hiding aside (rawText would give nothing for it).
  const text = children(element).map(rawText).join('').replace(/[ \t\n\r\f]+/gu, ' ').trim();
  return text ? `Hidden text (${why}): “${clip(text)}”.` : null;
}

/**
 * True for an element whose content never shows or is never imported: foreign content and the
 * elements the HTML intake policy drops (shared/html-intake.ts), and hidden elements (`hiddenBy`).
 */
export function isSkipped(node: HNode): boolean {
  if (!isElement(node)) return false;
  if (!isHtmlElement(node)) return true;
  return DROPPED_ELEMENTS.has(node.tagName) || hiddenBy(node) !== null;
}

/** The text of a subtree as a reader sees it (skipped elements left out), white space as written. */
export function rawText(node: HNode): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (isSkipped(node)) return '';
  let text = '';
  for (const child of children(node)) text += rawText(child);
  return text;
}

/** The text of a subtree on one line (white space runs made one space, trimmed). */
export function textOf(node: HNode): string {
  return rawText(node).replace(/[ \t\n\r\f]+/gu, ' ').trim();
}

/** The first descendant element (in document order) for which `test` holds. */
export function find(node: HNode, test: (element: HElement) => boolean): HElement | null {
  for (const child of children(node)) {
    if (!isElement(child) || isSkipped(child)) continue;
    if (test(child)) return child;
    const found = find(child, test);
    if (found) return found;
  }
  return null;
}

/** Every descendant element (in document order) for which `test` holds, not looking inside matches. */
export function findAll(node: HNode, test: (element: HElement) => boolean, out: HElement[] = []): HElement[] {
  for (const child of children(node)) {
    if (!isElement(child) || isSkipped(child)) continue;
    if (test(child)) out.push(child);
    else findAll(child, test, out);
  }
  return out;
}

/** Deepest element nesting the importer walks; deeper content is kept as plain text. */
export const MAX_DEPTH = 200;

/**
 * Flattens what lies deeper than `max` elements below `root` into the plain text of the element
 * at that depth (skipped elements still left out), so that the recursive walks of the importer
 * never exhaust the stack on hostile nesting. Iterative; returns true when anything was flattened.
 */
export function limitDepth(root: HNode, max = MAX_DEPTH): boolean {
  let flattened = false;
  const stack: { node: HNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop() as { node: HNode; depth: number };
    if (!isElement(node) && !('childNodes' in node)) continue;
    if (isElement(node) && isSkipped(node)) continue;
    if (depth >= max && isElement(node) && node.childNodes.some((child) => isElement(child))) {
      node.childNodes = [{ nodeName: '#text', value: iterativeText(node), parentNode: node } as DefaultTreeAdapterMap['textNode']];
      flattened = true;
      continue;
    }
    for (const child of children(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return flattened;
}

/** `rawText` without recursion. */
function iterativeText(node: HNode): string {
  const parts: string[] = [];
  const stack: HNode[] = [node];
  while (stack.length) {
    const current = stack.pop() as HNode;
    if (current.nodeName === '#text') parts.push((current as DefaultTreeAdapterMap['textNode']).value);
    else if (current === node || !isSkipped(current)) {
      const list = children(current);
      for (let i = list.length - 1; i >= 0; i--) stack.push(list[i] as HNode);
    }
  }
  return parts.join('');
}
