/**
 * Inline HTML to the importers' inline content: text with white space collapsed as a browser
 * does, emphasis (`em`, `i`, `cite`, `dfn` → em; `strong`, `b` → strong, except Google Docs'
 * `<b style="font-weight:normal">` wrapper), links checked against the URL policy (links.ts),
 * `br` as a hard break, `q` with quotation marks, footnote references as citations. Everything
 * else inline is transparent (its text is kept); images inside text are left out with their alt
 * text kept, and listed in `dropped`. Nothing is copied from the HTML but text and checked URLs.
 */
import type { Mark } from 'prosemirror-model';
import { schema } from '../schema';
import { clip } from './fit';
import { attr, children, hasName, hiddenTextLine, isElement, isHtmlElement, isSkipped, textOf, type HElement, type HNode } from './html-dom';
import { linkMark } from './links';
import type { ImportInline } from './tree';

/** How the inline walk resolves footnote references. */
export interface CitationResolver {
  /** The citation key of a reference link to `#id`, or null when it is not one. */
  keyOf(element: HElement): string | null;
  /** True for an element to leave out (a footnote's back link). */
  isBackLink(element: HElement): boolean;
}

/** Decides which inline elements to leave out besides back links (page chrome); it reports them itself. */
export type LeaveOut = (element: HElement) => boolean;

/** Block-level tags: an inline walk stops at them (the block walk handles them). */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'figure', 'figcaption', 'hr', 'table', 'thead', 'tbody', 'tfoot', 'tr',
  'td', 'th', 'caption', 'pre', 'address', 'details', 'summary', 'center', 'body', 'html', 'fieldset', 'legend', 'menu', 'picture',
]);

/** True for a node that is inline content (text, or an element that is not a block). */
export function isInline(node: HNode): boolean {
  if (node.nodeName === '#text') return true;
  return isElement(node) && !BLOCK_TAGS.has(node.tagName);
}

const BOLD_NORMAL = /font-weight\s*:\s*(?:normal|400)/iu;
const REF_TEXT = /^[\s[\]().,;0-9a-z–-]*$/iu;

/** Walks inline HTML into inline content (see the module comment). */
export class InlineWalker {
  constructor(
    private readonly resolver: CitationResolver,
    private readonly dropped: string[],
    private readonly leaveOut: LeaveOut = () => false,
  ) {}

  /** The inline content of `nodes`, white space collapsed and trimmed at the edges and around breaks. */
  inline(nodes: readonly HNode[]): ImportInline[] {
    const out: ImportInline[] = [];
    for (const node of nodes) this.walk(node, [], out);
    return tidy(out);
  }

  private walk(node: HNode, marks: readonly Mark[], out: ImportInline[]): void {
    if (node.nodeName === '#text') {
      const text = (node as { value: string }).value.replace(/[ \t\n\r\f]+/gu, ' ');
      if (text !== '') out.push({ kind: 'text', text, marks });
      return;
    }
    if (!isElement(node)) return;
    if (isSkipped(node)) {
      const hidden = isHtmlElement(node) ? hiddenTextLine(node, clip) : null;
      if (hidden) this.dropped.push(hidden);
      return;
    }
    if (this.resolver.isBackLink(node) || this.leaveOut(node)) return;
    const tag = node.tagName;
    const key = tag === 'a' || tag === 'sup' ? this.resolver.keyOf(node) : null;
    if (key !== null) {
      out.push({ kind: 'cite', key });
      return;
    }
    if (tag === 'sup') {
      // A superscript holding references and nothing but their brackets and separators.
      const refs: string[] = [];
      const links = this.refLinks(node, refs);
      if (links && refs.length && REF_TEXT.test(textOf(node))) {
        for (const ref of refs) out.push({ kind: 'cite', key: ref });
        return;
      }
    }
    let next = marks;
    switch (tag) {
      case 'br':
        out.push({ kind: 'break' });
        return;
      case 'img': {
        const alt = (attr(node, 'alt') ?? '').trim();
        this.dropped.push(`The picture ${clip(attr(node, 'src') ?? '(no address)')} inside text (its alt text${alt ? ` “${clip(alt)}”` : ''} is kept).`);
        if (alt) out.push({ kind: 'text', text: alt, marks });
        return;
      }
      case 'em':
      case 'i':
      case 'cite':
      case 'dfn':
        next = schema.mark('em').addToSet(marks);
        break;
      case 'strong':
        next = schema.mark('strong').addToSet(marks);
        break;
      case 'b':
        if (!BOLD_NORMAL.test(attr(node, 'style') ?? '')) next = schema.mark('strong').addToSet(marks);
        break;
      case 'a': {
        const mark = linkMark(attr(node, 'href') ?? '', textOf(node), this.dropped);
        if (mark) next = mark.addToSet(marks.filter((m) => m.type.name !== 'link'));
        break;
      }
      case 'q':
        out.push({ kind: 'text', text: '“', marks });
        for (const child of children(node)) this.walk(child, marks, out);
        out.push({ kind: 'text', text: '”', marks });
        return;
      default:
        break;
    }
    for (const child of children(node)) this.walk(child, next, out);
  }

  /** Collects the citation keys of the reference links inside `node`; false if it holds other links. */
  private refLinks(node: HElement, refs: string[]): boolean {
    for (const child of children(node)) {
      if (!isElement(child)) continue;
      if (child.tagName === 'a') {
        const key = this.resolver.keyOf(child);
        if (key === null) return false;
        refs.push(key);
      } else if (!this.refLinks(child, refs)) return false;
    }
    return true;
  }
}

/**
 * Collapses white space across pieces as a browser does: no space after a space, none at the
 * start or end, none around a hard break. Empty pieces are removed.
 */
export function tidy(pieces: readonly ImportInline[]): ImportInline[] {
  const out: ImportInline[] = [];
  let lastSpace = true; // at the start, a space is dropped
  for (const piece of pieces) {
    if (piece.kind !== 'text') {
      if (piece.kind === 'break') trimEnd(out);
      out.push(piece);
      lastSpace = piece.kind === 'break';
      continue;
    }
    let text = piece.text;
    if (lastSpace) text = text.replace(/^ /u, '');
    if (text === '') continue;
    out.push({ ...piece, text });
    lastSpace = text.endsWith(' ');
  }
  trimEnd(out);
  return out;
}

function trimEnd(out: ImportInline[]): void {
  for (let i = out.length - 1; i >= 0; i--) {
    const piece = out[i] as ImportInline;
    if (piece.kind !== 'text') return;
    const text = piece.text.replace(/ $/u, '');
    if (text === '') {
      out.splice(i, 1);
      continue;
    }
    out[i] = { ...piece, text };
    return;
  }
}

/** True when `element` has a class or id part matching one of `words`. */
export function named(element: HElement, words: string): boolean {
  return hasName(element, new RegExp(`(?:^|[\\s_-])(?:${words})(?:$|[\\s_-])`, 'u'));
}
