/**
 * Footnotes in news and CMS HTML: the reference links in the text and the notes they point at.
 *
 * - A **note list** is a container named like one (`section.footnotes`, `ol.footnotes`,
 *   `div.endnotes`, `ol.references` as on Wikipedia, Copydesk's own `section.sources`, or
 *   `role="doc-endnotes"`), or any list holding an element that a reference link points at. Its
 *   notes are its `li` elements (or, without any, its children that have an id); every id inside
 *   a note leads to that note.
 * - A **reference** is a link to `#id` that is marked as one (inside a `sup`, `role="doc-noteref"`,
 *   a class like `footnote-ref`), or any link to a note's id. A reference to an id that no note
 *   has, but that looks like a footnote's (`#fn…`, `#footnote…`, `#cite_note…`, `#note…`,
 *   `#ref…`, `#endnote…`), cites a missing source (an empty one, which the draft's check reports).
 * - A **back link** inside a note (a link back to a reference, `footnote-backref`, `backlink`,
 *   `mw-cite-backlink`, `role="doc-backlink"`, or a lone ↩ ↑ ^) is left out.
 * A note's text (its paragraphs separated by blank lines, links kept as pieces) is read into a
 * source's fields by source-text.ts.
 */
import { attr, children, find, findAll, hasName, isElement, isSkipped, textOf, type HElement, type HNode } from './html-dom';
import { BLOCK_TAGS, InlineWalker, type CitationResolver } from './html-inline';
import type { SourcePiece } from './source-text';

/** Elements that can be a note list (a `sup.footnote-ref` is named like one but is a reference). */
const CONTAINER_TAGS = new Set(['section', 'div', 'aside', 'footer', 'ol', 'ul', 'dl']);
const CONTAINER = /(?:^|[\s_-])(?:footnotes?|endnotes?|references|reflist|sources|notes)(?:$|[\s_-])/u;
const BACK_LINK = /(?:^|[\s_-])(?:footnote-backref|backref|backlink|back-link|cite-backlink|mw-cite-backlink|reversefootnote|footnote-return)(?:$|[\s_-])/u;
const LOOKS_LIKE_NOTE = /^#(?:fn|footnote|cite_note|note|ref|endnote|en)[\w:.-]*$/iu;
const REF_LINK = /(?:^|[\s_-])(?:footnote-ref|footnoteref|noteref|fnref|reference)(?:$|[\s_-])/u;
const BACK_TEXT = /^(?:[\s↩↑^⬆⤴]|\ufe0e|\ufe0f)+$/u;

/** One note of a note list. */
export interface HtmlNote {
  /** Its citation key (`id:<id>`, or `note:<n>` for a note without id). */
  readonly key: string;
  /** How messages call it. */
  readonly label: string;
  readonly element: HElement;
}

/** The footnotes of a page. */
export class HtmlFootnotes implements CitationResolver {
  /** The note lists (the block walk leaves them out). */
  readonly containers = new Set<HElement>();
  /** The notes, in document order. */
  readonly notes: HtmlNote[] = [];
  private readonly keyOfId = new Map<string, string>();
  /** Ids of the reference links themselves (back links point at them). */
  private readonly refIds = new Set<string>();

  constructor(root: HNode) {
    const targets = new Set<string>();
    for (const link of findAll(root, (el) => el.tagName === 'a' && (attr(el, 'href') ?? '').startsWith('#'))) {
      if (this.isMarkedRef(link)) targets.add((attr(link, 'href') ?? '').slice(1));
    }
    const lists = findAll(
      root,
      (el) =>
        attr(el, 'role') === 'doc-endnotes' ||
        attr(el, 'role') === 'doc-footnotes' ||
        (CONTAINER_TAGS.has(el.tagName) && hasName(el, CONTAINER) && find(el, (li) => li.tagName === 'li' || attr(li, 'id') !== null) !== null),
    );
    const byId = new Map<string, HElement>();
    for (const element of findAllWithId(root)) if (!byId.has(attr(element, 'id') ?? '')) byId.set(attr(element, 'id') ?? '', element);
    for (const target of targets) {
      const element = byId.get(target) ?? null;
      const list = element ? closestList(element) : null;
      if (list && !lists.some((container) => container === list || contains(container, list))) lists.push(list);
    }
    let unnamed = 0;
    for (const container of lists) {
      this.containers.add(container);
      const items = findAll(container, (el) => el.tagName === 'li');
      const notes = items.length ? items : children(container).filter((c): c is HElement => isElement(c) && attr(c, 'id') !== null);
      for (const element of notes) {
        const id = attr(element, 'id');
        const key = id ? `id:${id}` : `note:${String(++unnamed)}`;
        this.notes.push({ key, label: id ? `The footnote “${id}”` : `Note ${String(unnamed)} of a footnote list`, element });
        if (id) this.keyOfId.set(id, key);
        for (const inner of findAll(element, (el) => attr(el, 'id') !== null)) this.keyOfId.set(attr(inner, 'id') ?? '', key);
      }
    }
    for (const link of findAll(root, (el) => el.tagName === 'a' && (attr(el, 'href') ?? '').startsWith('#'))) {
      if (this.keyOf(link) === null) continue;
      const id = attr(link, 'id');
      if (id) this.refIds.add(id);
      const sup = link.parentNode && isElement(link.parentNode as HNode) ? (link.parentNode as HElement) : null;
      const supId = sup?.tagName === 'sup' ? attr(sup, 'id') : null;
      if (supId) this.refIds.add(supId);
    }
  }

  /** A link marked as a footnote reference (by its place or its names). */
  private isMarkedRef(link: HElement): boolean {
    const parent = link.parentNode as HNode | null;
    return (isElement(parent) && parent.tagName === 'sup') || attr(link, 'role') === 'doc-noteref' || hasName(link, REF_LINK) || attr(link, 'rel') === 'footnote';
  }

  keyOf(element: HElement): string | null {
    if (element.tagName !== 'a') return null;
    const href = attr(element, 'href') ?? '';
    if (!href.startsWith('#') || href.length < 2) return null;
    const known = this.keyOfId.get(href.slice(1));
    if (known !== undefined) return this.inNote(element) ? null : known;
    return this.isMarkedRef(element) && LOOKS_LIKE_NOTE.test(href) && !this.inNote(element) ? `id:${href.slice(1)}` : null;
  }

  isBackLink(element: HElement): boolean {
    if (hasName(element, BACK_LINK) || attr(element, 'role') === 'doc-backlink') return true;
    if (element.tagName !== 'a') return false;
    const href = attr(element, 'href') ?? '';
    return href.startsWith('#') && this.inNote(element) && (this.refIds.has(href.slice(1)) || BACK_TEXT.test(textOf(element)));
  }

  private inNote(element: HElement): boolean {
    for (let node: HNode | null = element; node; node = (node as { parentNode: HNode | null }).parentNode) {
      if (isElement(node) && this.containers.has(node)) return true;
    }
    return false;
  }

  /** A note's text as pieces for the source-field parser: blocks separated by blank lines. */
  pieces(note: HtmlNote, dropped: string[]): SourcePiece[] {
    const walker = new InlineWalker(this, dropped);
    const out: SourcePiece[] = [];
    const addInline = (nodes: readonly HNode[]): void => {
      const content = walker.inline(nodes);
      if (content.length === 0) return;
      if (out.length) out.push({ text: '\n\n' });
      for (const piece of content) {
        if (piece.kind === 'break') out.push({ text: '\n' });
        else if (piece.kind === 'cite') out.push({ text: '[?]' });
        else {
          const link = piece.marks.find((mark) => mark.type.name === 'link');
          out.push(link ? { text: piece.text, href: link.attrs.href as string } : { text: piece.text });
        }
      }
    };
    const walk = (nodes: readonly HNode[]): void => {
      let run: HNode[] = [];
      for (const node of nodes) {
        if (isElement(node) && !isSkipped(node) && BLOCK_TAGS.has(node.tagName)) {
          addInline(run);
          run = [];
          walk(children(node));
        } else run.push(node);
      }
      addInline(run);
    };
    walk(children(note.element));
    return out;
  }
}

/** Every element with an id, nested ones included. */
function findAllWithId(node: HNode, out: HElement[] = []): HElement[] {
  for (const child of children(node)) {
    if (!isElement(child) || isSkipped(child)) continue;
    if (attr(child, 'id') !== null) out.push(child);
    findAllWithId(child, out);
  }
  return out;
}

function closestList(element: HElement): HElement | null {
  for (let node: HNode | null = element; node; node = (node as { parentNode: HNode | null }).parentNode) {
    if (isElement(node) && (node.tagName === 'ol' || node.tagName === 'ul')) return node;
  }
  return null;
}

function contains(ancestor: HElement, node: HElement): boolean {
  for (let n: HNode | null = node; n; n = (n as { parentNode: HNode | null }).parentNode) if (n === ancestor) return true;
  return false;
}
