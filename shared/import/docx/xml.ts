/**
 * XML helpers for the Word import, over @xmldom/xmldom (the parser mammoth itself uses): parse a
 * part, walk its WordprocessingML elements, make runs of text. The parts come from a package that
 * openDocx (package.ts) has checked (no DTD, so no entity is ever expanded).
 */
import { DOMParser, XMLSerializer, type XmlDocument, type XmlElement, type XmlNode } from '@xmldom/xmldom/lib/index.js';

/** WordprocessingML's namespace. */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** Word 2010's namespace (`w14:paraId`). */
export const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
/** Word 2012's namespace (`w15:commentEx`). */
export const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';

export type { XmlDocument, XmlElement, XmlNode };

/** Parses an XML part; null when it is not well-formed. */
export function parseXml(text: string): XmlDocument | null {
  let failed = false;
  const parser = new DOMParser({ errorHandler: { warning: () => undefined, error: () => (failed = true), fatalError: () => (failed = true) } });
  try {
    const doc = parser.parseFromString(text, 'text/xml');
    return failed || !doc.documentElement ? null : doc;
  } catch {
    return null;
  }
}

/** The XML text of a document. */
export function serializeXml(doc: XmlDocument): string {
  return new XMLSerializer().serializeToString(doc);
}

/** True for an element (not text, a comment…). */
export function isElement(node: XmlNode | null | undefined): node is XmlElement {
  return node !== null && node !== undefined && node.nodeType === 1;
}

/** True for the WordprocessingML element `name`. */
export function isW(node: XmlNode | null | undefined, name: string): node is XmlElement {
  return isElement(node) && node.namespaceURI === W && node.localName === name;
}

/** Every `w:<name>` element in `root`, in document order, as an array (safe to change the tree while going through it). */
export function allW(root: XmlDocument | XmlElement, name: string): XmlElement[] {
  return Array.from(root.getElementsByTagNameNS(W, name));
}

/**
 * Every WordprocessingML element under `root` by local name, in document order, in one walk
 * (xmldom's getElementsByTagNameNS walks the whole tree at each call).
 */
export function indexW(root: XmlNode): Map<string, XmlElement[]> {
  const index = new Map<string, XmlElement[]>();
  const stack: XmlNode[] = [root];
  while (stack.length) {
    const node = stack.pop() as XmlNode;
    if (isElement(node) && node.namespaceURI === W) {
      const name = node.localName ?? '';
      const list = index.get(name);
      if (list) list.push(node);
      else index.set(name, [node]);
    }
    const kids = node.childNodes as ArrayLike<XmlNode> | null;
    if (!kids) continue;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as XmlNode);
  }
  return index;
}

/** A `w:` attribute of `element`. */
export function wAttr(element: XmlElement, name: string): string | null {
  return element.getAttributeNS(W, name);
}

/** The children of `node` as an array. */
export function childrenOf(node: XmlNode): XmlNode[] {
  return Array.from(node.childNodes);
}

/** A run holding `text` (space kept), made in `doc`. */
export function textRun(doc: XmlDocument, text: string): XmlElement {
  const run = doc.createElementNS(W, 'w:r');
  const t = doc.createElementNS(W, 'w:t');
  t.setAttribute('xml:space', 'preserve');
  t.appendChild(doc.createTextNode(text));
  run.appendChild(t);
  return run;
}

/** Replaces `element` by its children. */
export function unwrap(element: XmlElement): void {
  const parent = element.parentNode;
  if (!parent) return;
  for (const child of childrenOf(element)) parent.insertBefore(child, element);
  parent.removeChild(element);
}

/** Removes `node` from its parent. */
export function remove(node: XmlNode): void {
  node.parentNode?.removeChild(node);
}

/** The text of a part's paragraphs under `root` (`w:t`, tabs and breaks as spaces), paragraphs joined by a line break. */
export function paragraphsText(root: XmlElement): string {
  const paragraphs = allW(root, 'p');
  const textOf = (p: XmlElement): string => {
    let text = '';
    const walk = (node: XmlNode): void => {
      if (isW(node, 't')) text += node.textContent ?? '';
      else if (isW(node, 'tab') || isW(node, 'br')) text += ' ';
      else if (isW(node, 'delText') || isW(node, 'instrText')) return;
      else for (const child of childrenOf(node)) walk(child);
    };
    walk(p);
    return text;
  };
  return (paragraphs.length ? paragraphs.map(textOf) : [root.textContent ?? '']).join('\n').replace(/[ \t]+/gu, ' ').trim();
}
