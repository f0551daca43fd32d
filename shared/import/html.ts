/**
 * HTML import, for pages from news sites and CMSs and for HTML on the clipboard, read with
 * parse5 (the HTML standard's parser, pure JavaScript). It builds schema nodes only from an
 * allow-list, so it is sanitised by construction: nothing of the HTML is kept but text, the
 * structure recognised below, and URLs that pass the URL policy (links.ts; parse5 has decoded
 * entities already, so `&#106;avascript:` is seen as what it is). Scripts, styles, templates,
 * embedded documents (`iframe`, and so its `srcdoc`), SVG and MathML, forms and media are never
 * read (the HTML intake policy that a paste follows too, shared/html-intake.ts); no attribute is
 * copied (event handlers, `style`, `data-pm-slice` are simply never looked at). What is left out
 * is listed in `report.dropped`.
 *
 * - The article: the `<article>` holding the `<h1>` (see html-chrome.ts for what else is page
 *   chrome); the headline is the first `<h1>` (later ones are level-2 headings).
 * - The standfirst: an element named like one (class `dek`, `standfirst`, `lede`, `summary`…)
 *   before the body's first paragraph, else the paragraph right after the `<h1>`, when it has no
 *   citation and at most 600 characters (its links, which a standfirst cannot hold, are dropped
 *   and listed).
 * - The authors (byline.ts): a byline box (`<address>`, an element named `byline` or `author`,
 *   or holding `rel="author"` links; dates in it are listed as left out), else a "By Jane Doe"
 *   paragraph between the headline and the body, else `<meta name="author">`. A box that names
 *   no one is page chrome, as before.
 * - Footnotes (html-footnotes.ts): references become citations, note lists become sources.
 * - "Read also": an `<aside>` (or an element named `related`, `read-also`, `more-on`…) titled
 *   "Read also", "Related", "More on this"…, or such a heading or bold paragraph followed by a
 *   list; each item's first link gives its URL and title, a `kicker`/`label` element or a
 *   "Kicker:" before the link its kicker.
 * - Figures: the image's `src` (or a lazy-loading `data-src`/`srcset`) when it is https; else a
 *   placeholder path in the draft's assets/ folder (see placeholder.ts), and the address is
 *   listed. The caption from `<figcaption>`, the credit from an element in it named `credit`,
 *   `copyright`, `photographer`…
 * - Tables become one paragraph per row (cells separated by " | "), `<pre>` a paragraph with
 *   line breaks; both are noted.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { DraftBuilder } from './builder';
import { clip, isBlankInline } from './fit';
import { chromeKind } from './html-chrome';
import { attr, children, find, findAll, hasName, hiddenBy, hiddenTextLine, isElement, isHtmlElement, isSkipped, limitDepth, MAX_DEPTH, textOf, type HElement, type HNode } from './html-dom';
import { HtmlFootnotes } from './html-footnotes';
import { InlineWalker, isInline, named } from './html-inline';
import { figureBlock, KICKER_NAMES, preContent, readAlsoBlock, tableRows } from './html-parts';
import { isChromeLine, isReadAlsoTitle, isReferencesTitle, STANDFIRST_CLASSES } from './phrases';
import { parseSourcePieces } from './source-text';
import { hasCitation, inlineText, type ImportBlock, type ImportInline } from './tree';
import type { ImportOptions, ImportResult } from './types';

/** A parsed HTML document. */
export type HDocument = DefaultTreeAdapterMap['document'];

const READ_ALSO_NAMES = 'related|related-articles|related-stories|read-also|readalso|read-more|more-on-this|more-on|see-also|further-reading';
const HEADING = /^h[1-6]$/u;
const BYLINE_NAMES = /(?:^|[\s_-])(?:byline|bylines|author|authors|author-name|article-author)(?:$|[\s_-])/u;
const DATE_NAMES = /(?:^|[\s_-])(?:date|dateline|timestamp|published|updated)(?:$|[\s_-])/u;

const isAuthorLink = (element: HElement): boolean => (attr(element, 'rel') ?? '').toLowerCase().split(/\s+/u).includes('author');

/** The text of `element` as `textOf` gives it, leaving out the subtrees in `without`. */
function textWithout(element: HElement, without: ReadonlySet<HNode>): string {
  const parts: string[] = [];
  const walk = (node: HNode): void => {
    if (without.has(node)) return;
    if (node.nodeName === '#text') parts.push((node as { value: string }).value);
    else if (!isSkipped(node)) for (const child of children(node)) walk(child);
  };
  walk(element);
  return parts.join('').replace(/[ \t\n\r\f]+/gu, ' ').trim();
}
const MAX_STANDFIRST = 600;

/** The next sibling element of `node` (text of white space skipped), or null. */
function nextElement(siblings: readonly HNode[], index: number): { element: HElement; index: number } | null {
  for (let i = index + 1; i < siblings.length; i++) {
    const node = siblings[i] as HNode;
    if (isElement(node)) return { element: node, index: i };
    if (node.nodeName === '#text' && (node as { value: string }).value.trim() !== '') return null;
  }
  return null;
}

class HtmlReader {
  private readonly walker: InlineWalker;
  private readonly skipped = new Map<string, number>();
  private readonly images = new Set<string>();
  private headline: HElement | null = null;
  /** True right after the headline, until the next block. */
  private afterHeadline = false;
  /** True once the body has a paragraph (a named standfirst after it is body text). */
  private bodyStarted = false;
  /** Depth of quotes, lists and figures being read (no headline or standfirst inside them). */
  private nested = 0;
  private readonly noted = new Set<string>();

  constructor(
    private readonly builder: DraftBuilder,
    private readonly footnotes: HtmlFootnotes,
  ) {
    this.walker = new InlineWalker(footnotes, builder.dropped, (element) => {
      const kind = chromeKind(element, true);
      if (kind) this.builder.dropped.push(`Page chrome: ${kind} “${clip(textOf(element))}”.`);
      return kind !== null;
    });
  }

  private noteOnce(note: string): void {
    if (!this.noted.has(note)) this.builder.notes.push(note);
    this.noted.add(note);
  }

  /** Reports what was never read, one line per element name. */
  finishReport(): void {
    for (const [tag, count] of this.skipped) {
      this.builder.dropped.push(`${String(count)} <${tag}> element${count === 1 ? '' : 's'} (code, embedded content, forms and media are never imported).`);
    }
  }

  private skip(element: HElement): void {
    const tag = element.namespaceURI === 'http://www.w3.org/1999/xhtml' ? element.tagName : element.tagName === 'svg' || element.tagName === 'math' ? element.tagName : `${element.tagName} (SVG or MathML)`;
    if (isHtmlElement(element) && hiddenBy(element) !== null) {
      const line = hiddenTextLine(element, clip);
      if (line) this.builder.dropped.push(line);
      return;
    }
    this.skipped.set(tag, (this.skipped.get(tag) ?? 0) + 1);
  }

  /** The `h1` the headline came from, if any. */
  get headlineElement(): HElement | null {
    return this.headline;
  }

  /** Sets the headline from `h1` (the first one). */
  setHeadline(h1: HElement): void {
    this.headline = h1;
    this.builder.headline = textOf(h1);
  }

  /** Emits a block, or takes it as the standfirst when it is one. */
  private emit(out: ImportBlock[], block: ImportBlock, element: HElement | null): void {
    const afterHeadline = this.afterHeadline;
    this.afterHeadline = false;
    if (this.nested === 0 && block.type === 'paragraph' && this.builder.standfirst.length === 0 && !hasCitation(block.content)) {
      const named = element !== null && hasName(element, STANDFIRST_CLASSES) && !this.bodyStarted;
      const first = afterHeadline && element?.tagName === 'p';
      if ((named || first) && inlineText(block.content).length <= MAX_STANDFIRST) {
        this.builder.standfirst = this.standfirst(block.content);
        return;
      }
    }
    if (block.type === 'paragraph') this.bodyStarted = true;
    out.push(block);
  }

  private standfirst(content: readonly ImportInline[]): ImportInline[] {
    for (const piece of content) {
      if (piece.kind !== 'text') continue;
      const link = piece.marks.find((mark) => mark.type.name === 'link');
      if (link) this.builder.dropped.push(`The link to ${String(link.attrs.href)} in the standfirst (a standfirst holds no links; its text is kept).`);
    }
    return content.map((piece) => (piece.kind === 'text' ? { ...piece, marks: piece.marks.filter((mark) => mark.type.name !== 'link') } : piece));
  }

  /** The blocks of `nodes`: runs of inline content become paragraphs. */
  blocks(nodes: readonly HNode[]): ImportBlock[] {
    const out: ImportBlock[] = [];
    let run: HNode[] = [];
    const flush = (): void => {
      if (run.length === 0) return;
      const content = this.walker.inline(run);
      run = [];
      if (!isBlankInline(content) && !isChromeLine(inlineText(content))) this.emit(out, { type: 'paragraph', content }, null);
    };
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as HNode;
      if (isElement(node) && isSkipped(node)) {
        this.skip(node);
        continue;
      }
      if (isInline(node) && !(isElement(node) && node.tagName === 'img')) {
        run.push(node);
        continue;
      }
      flush();
      if (!isElement(node)) continue;
      i = this.block(node, nodes, i, out);
    }
    flush();
    return out;
  }

  /** Reads one block element; returns the index of the last sibling it used. */
  private block(element: HElement, siblings: readonly HNode[], index: number, out: ImportBlock[]): number {
    const tag = element.tagName;
    if (this.footnotes.containers.has(element) || (tag === 'hr' && named(element, 'footnotes-sep|footnotes'))) return index;
    if (this.headline === null && this.nested === 0 && named(element, KICKER_NAMES) && textOf(element).length <= 80) {
      const text = textOf(element);
      if (text) this.builder.dropped.push(`A label above the headline: “${clip(text)}”.`);
      return index;
    }
    if (this.nested === 0 && this.isBylineBox(element) && this.takeByline(element)) return index;
    const chrome = chromeKind(element);
    if (chrome && !(this.headline && find(element, (el) => el === this.headline))) {
      const text = textOf(element);
      if (text) this.builder.dropped.push(`Page chrome: ${chrome} “${clip(text)}”.`);
      return index;
    }
    const next = nextElement(siblings, index);
    if (HEADING.test(tag)) {
      const text = textOf(element);
      if (tag === 'h1' && this.nested === 0 && (this.headline === null || this.headline === element)) {
        if (this.headline === null) this.setHeadline(element);
        this.afterHeadline = true;
        return index;
      }
      if (next && this.footnotes.containers.has(next.element) && (isReferencesTitle(text) || text === '')) return index;
      if (isReadAlsoTitle(text) && next && (next.element.tagName === 'ul' || next.element.tagName === 'ol')) {
        this.emit(out, this.readAlso(text, findAll(next.element, (el) => el.tagName === 'li')), element);
        return next.index;
      }
      const content = this.walker.inline(children(element));
      if (!isBlankInline(content)) {
        const level = Number(tag.slice(1));
        this.emit(out, { type: 'heading', level: level <= 2 ? 2 : level === 3 ? 3 : 4, content }, element);
      }
      return index;
    }
    switch (tag) {
      case 'p':
      case 'address':
      case 'dt':
      case 'dd':
      case 'figcaption':
      case 'summary':
      case 'caption':
      case 'legend': {
        const blocks = children(element).some((child) => isElement(child) && !isInline(child));
        if (blocks) {
          for (const block of this.blocks(children(element))) out.push(block);
          return index;
        }
        const content = this.walker.inline(children(element));
        const text = inlineText(content);
        if (isReadAlsoTitle(text) && next && (next.element.tagName === 'ul' || next.element.tagName === 'ol')) {
          this.emit(out, this.readAlso(text, findAll(next.element, (el) => el.tagName === 'li')), element);
          return next.index;
        }
        if (isChromeLine(text)) {
          this.builder.dropped.push(`Page chrome: “${clip(text)}”.`);
          return index;
        }
        // "By Jane Doe" between the headline and the body.
        if (this.nested === 0 && this.headline !== null && !this.bodyStarted && this.builder.byline(text)) return index;
        if (!isBlankInline(content)) this.emit(out, { type: 'paragraph', content }, element);
        return index;
      }
      case 'aside':
        return this.container(element, index, out, true);
      case 'ul':
      case 'ol': {
        if (named(element, READ_ALSO_NAMES)) {
          this.emit(out, this.readAlso('', findAll(element, (el) => el.tagName === 'li')), element);
          return index;
        }
        const items = children(element)
          .filter((child): child is HElement => isElement(child) && !isSkipped(child))
          .map((child) => this.nest(() => (child.tagName === 'li' ? this.blocks(children(child)) : this.blocks([child]))));
        if (items.length === 0) return index;
        const start = Number.parseInt(attr(element, 'start') ?? '1', 10);
        this.emit(out, tag === 'ol' ? { type: 'ordered_list', start: Number.isSafeInteger(start) && start >= 0 ? start : 1, items } : { type: 'bullet_list', items }, element);
        return index;
      }
      case 'li':
        for (const block of this.blocks(children(element))) this.emit(out, block, null);
        return index;
      case 'blockquote': {
        const content = this.nest(() => this.blocks(children(element)));
        if (content.length) this.emit(out, { type: 'blockquote', content }, element);
        return index;
      }
      case 'figure':
      case 'picture':
      case 'img':
        this.figure(element, out);
        return index;
      case 'hr':
        this.emit(out, { type: 'horizontal_rule' }, element);
        return index;
      case 'table':
        this.table(element, out);
        return index;
      case 'pre': {
        this.noteOnce('Preformatted text (<pre>) is kept as a paragraph with line breaks.');
        this.emit(out, { type: 'paragraph', content: preContent(element) }, element);
        return index;
      }
      default:
        return this.container(element, index, out, false);
    }
  }

  /** A generic container (div, section…) or an aside: a "Read also" block, chrome, or its blocks. */
  private container(element: HElement, index: number, out: ImportBlock[], aside: boolean): number {
    const title = this.containerTitle(element);
    if ((isReadAlsoTitle(title) || named(element, READ_ALSO_NAMES)) && find(element, (el) => el.tagName === 'a' || el.tagName === 'li') !== null) {
      const items = findAll(element, (el) => el.tagName === 'li');
      const links = items.length ? items : findAll(element, (el) => el.tagName === 'a');
      this.emit(out, this.readAlso(isReadAlsoTitle(title) ? title : title || '', links), element);
      return index;
    }
    if (aside) {
      const text = textOf(element);
      if (text) this.builder.dropped.push(`Page chrome: an <aside> that is not a “Read also” block, “${clip(text)}”.`);
      return index;
    }
    if (hasName(element, STANDFIRST_CLASSES) && children(element).every((child) => isInline(child))) {
      const content = this.walker.inline(children(element));
      if (!isBlankInline(content)) this.emit(out, { type: 'paragraph', content }, element);
      return index;
    }
    for (const block of this.blocks(children(element))) out.push(block);
    return index;
  }

  /** True for an element that holds a byline: `<address>`, one named byline/author(s), or one holding a `rel="author"` link. */
  private isBylineBox(element: HElement): boolean {
    if (element.tagName === 'address' || hasName(element, BYLINE_NAMES)) return true;
    return find(element, (el) => el.tagName === 'a' && isAuthorLink(el)) !== null && textOf(element).length <= 300 && !this.bodyStarted;
  }

  /**
   * Reads a byline box into the authors: its `rel="author"` links when it has some, else its
   * text without dates. The dates are listed as left out. False when it names no authors.
   */
  private takeByline(element: HElement): boolean {
    const links = findAll(element, (el) => el.tagName === 'a' && isAuthorLink(el));
    const dates = findAll(element, (el) => el.tagName === 'time' || hasName(el, DATE_NAMES));
    const text = links.length ? links.map((link) => textOf(link)).join(', ') : textWithout(element, new Set(dates));
    if (!this.builder.byline(text, false)) return false;
    for (const date of dates) if (textOf(date)) this.builder.dropped.push(`The date in the byline, “${clip(textOf(date))}” (a draft keeps its own dates).`);
    return true;
  }

  /** The title of a box: a heading (or element named title/heading) as its first element, else its `aria-label`. */
  private containerTitle(element: HElement): string {
    let first: HElement | null = children(element).find((child): child is HElement => isElement(child) && !isSkipped(child)) ?? null;
    // Look through wrappers that hold nothing else (`<div><h2>…</h2></div>`).
    while (first && !HEADING.test(first.tagName) && !named(first, 'title|heading|header') && first.tagName !== 'p' && first.tagName !== 'strong') {
      first = children(first).find((child): child is HElement => isElement(child) && !isSkipped(child)) ?? null;
    }
    return first && textOf(first).length <= 80 ? textOf(first) : (attr(element, 'aria-label') ?? '').trim();
  }

  private readAlso(title: string, items: readonly HElement[]): ImportBlock {
    return readAlsoBlock(title, items, this.builder.dropped);
  }

  private nest<T>(read: () => T): T {
    this.nested++;
    try {
      return read();
    } finally {
      this.nested--;
    }
  }

  private figure(element: HElement, out: ImportBlock[]): void {
    const figure = figureBlock(element, this.walker, this.images, this.builder.dropped);
    if (figure) this.emit(out, figure, element);
    // A figure without picture (a quote, a chart in SVG): its content, as blocks.
    else for (const block of this.nest(() => this.blocks(children(element)))) this.emit(out, block, null);
  }

  private table(element: HElement, out: ImportBlock[]): void {
    this.noteOnce('Tables are kept as one paragraph per row, cells separated by “ | ” (the schema has no tables).');
    for (const content of tableRows(element, this.walker)) if (!isBlankInline(content)) this.emit(out, { type: 'paragraph', content }, null);
  }
}

/** The element to read: the article holding the h1, else the only article, else main, else the body. */
function articleRoot(body: HElement): HElement {
  const articles = findAll(body, (el) => el.tagName === 'article');
  const withH1 = articles.find((article) => find(article, (el) => el.tagName === 'h1') !== null);
  if (withH1) return withH1;
  if (articles.length === 1 && articles[0]) return articles[0];
  return find(body, (el) => el.tagName === 'main' || attr(el, 'role') === 'main') ?? body;
}

/** Imports HTML (see the module comment). */
export function importHtml(html: string, options: ImportOptions = {}): ImportResult {
  return importHtmlDocument(parseHtml(html), options);
}

/** HTML parsed as `importHtml` parses it (parse5, scripting on: `<noscript>` content is not read as markup). */
export function parseHtml(html: string): HDocument {
  return parse(html, { scriptingEnabled: true });
}

/**
 * Imports a document `parseHtml` gave, possibly reshaped since by a caller that read it first
 * (the Word import, docx/html-prep.ts): the same policy, without parsing the HTML twice. The
 * document is changed (hostile nesting flattened).
 */
export function importHtmlDocument(document: HDocument, options: ImportOptions = {}): ImportResult {
  const builder = new DraftBuilder();
  if (limitDepth(document)) builder.notes.push(`Content nested deeper than ${String(MAX_DEPTH)} elements is kept as plain text.`);
  const htmlElement = children(document).find((node): node is HElement => isElement(node) && node.tagName === 'html');
  const body = (htmlElement && children(htmlElement).find((node): node is HElement => isElement(node) && node.tagName === 'body')) ?? htmlElement;
  const footnotes = new HtmlFootnotes(body ?? document);
  const reader = new HtmlReader(builder, footnotes);
  if (body) {
    const root = articleRoot(body);
    if (root !== body) {
      // The headline may stand above the article, in the page's header.
      if (!find(root, (el) => el.tagName === 'h1')) {
        const h1 = find(body, (el) => el.tagName === 'h1');
        if (h1) reader.setHeadline(h1);
      }
      for (let node: HElement = root; node !== body && isElement(node.parentNode as HNode); node = node.parentNode as HElement) {
        for (const sibling of children(node.parentNode as HNode)) {
          if (sibling === node || !isElement(sibling) || isSkipped(sibling) || footnotes.containers.has(sibling)) continue;
          const text = textOf(sibling);
          const headline = reader.headlineElement;
          if (text && !(headline && find(sibling, (el) => el === headline))) builder.dropped.push(`Outside the article: <${sibling.tagName}> “${clip(text)}”.`);
        }
      }
    }
    for (const block of reader.blocks(children(root))) builder.block(block);
  }
  // The page's <meta name="author">, when the article has no byline.
  if (builder.authors.length === 0) {
    const head = htmlElement && children(htmlElement).find((node): node is HElement => isElement(node) && node.tagName === 'head');
    const meta = head ? children(head).find((node): node is HElement => isElement(node) && node.tagName === 'meta' && attr(node, 'name')?.toLowerCase() === 'author') : undefined;
    if (meta) builder.byline(attr(meta, 'content') ?? '', false);
  }
  for (const note of footnotes.notes) builder.source(note.key, note.label, parseSourcePieces(footnotes.pieces(note, builder.dropped), { findUrls: true }));
  reader.finishReport();
  if (builder.headline === '') builder.notes.push('The HTML has no <h1>, so the headline is empty.');
  return builder.finish(options.now ?? new Date(), (key) => `The reference to #${key.slice(key.indexOf(':') + 1)}`);
}
