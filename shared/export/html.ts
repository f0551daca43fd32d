/**
 * The HTML export: a draft as a standalone page, or as an `<article>` fragment for a CMS.
 *
 * Semantic markup only: a header with the headline, the byline (`<p class="byline">`, each name a
 * `<span class="author">`, the names also in the page's `<meta name="author">`) and the
 * standfirst; headings, paragraphs, lists, quotes, figures; citations as
 * `<sup class="citation">[<a href="#…fn-n">n</a>]</sup>` with an accessible label; the cited
 * sources as an ordered list with a back link to every citation; "Read also" blocks as asides.
 * Every piece of text and every attribute value is escaped, and every URL is checked again as it
 * is written (shared/url.ts, then ./html-url.ts), so nothing in a draft can inject markup or a
 * link of another scheme. Ids carry a prefix (default `cd-`) so that they do not clash with the
 * page a fragment is pasted into; every in-page link points at an id of the output.
 *
 * The writer walks the document once and appends to an array of strings joined at the end, so
 * its time is linear in the size of the draft.
 *
 * With `review` (the draft as it is, not through `finalDoc`) it also shows the review: suggested
 * insertions and deletions as `<ins>`/`<del>` (a whole block wrapped in one) with the author's
 * name (`data-author`, and in `title` with the time) and `datetime`; changed formatting and
 * changed fields (a citation's source, a figure's credit) as a short bracketed note after what
 * changed; a new or removed paragraph break as a `¶` inserted or deleted; commented text as
 * `<mark>`, with a numbered link after its block to its thread; at the end of the article, an
 * `<aside>` listing every suggestion (who, when, what, as the review panel says it) and one with
 * the threads (quote, messages, authors, times, resolved or not). A deleted citation
 * shows its source's number (as the text would read with every suggestion accepted), or `–`
 * when the source would have none.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { bodyRange, DEFAULT_READ_ALSO_TITLE, exportedSources, headlineOf, standfirstOf } from '../article';
import { bylineParts, type BylinePart } from '../byline';
import type { Draft } from '../draft/format';
import { indexFootnotes, type FootnoteIndex, type SourceEntry } from '../footnotes';
import type { UrlContext } from '../url';
import { escapeAttr, escapeHtml } from './escape';
import { HTML_STYLE, REVIEW_STYLE } from './html-style';
import { htmlUrl } from './html-url';
import { sourceParts } from '../sources/style';
import { acceptedText, hasDeletion } from '../review/accepted';
import { indexReview } from '../review/index';
import { attrChangeWords, formatChangeWords, lastBlockOfThreads, readableTime, ReviewNotes, sourceNamer } from './review-notes';

/** Options of `exportHtml`. */
export interface HtmlExportOptions {
  /** Only the `<article>` element (for pasting into a CMS) instead of a whole page. */
  readonly fragment?: boolean;
  /** Prefix of every id the export writes: letters, digits, `-`, `_`; default `cd-`. */
  readonly idPrefix?: string;
  /** Show the suggestions and comments the draft holds (see the top of this file). */
  readonly review?: boolean;
}

/** The id prefix used when none is given. */
export const DEFAULT_ID_PREFIX = 'cd-';

const ID_PREFIX = /^(?:[A-Za-z][A-Za-z0-9_-]*)?$/u;

/** The back link symbol: U+21A9 with VS-15, so that it shows as text, not as an emoji. */
const BACK = '\u21a9\ufe0e';


/** An in-page link written before we know whether its target exists. */
interface PendingAnchor {
  readonly target: string;
  readonly open: number;
  close: number;
}

/** A mark opened in the output, with how to close it. */
interface OpenMark {
  readonly mark: Mark;
  readonly close: string;
  readonly anchor: PendingAnchor | null;
}

/**
 * The draft as HTML: a standalone page by default, or with `fragment: true` only the
 * `<article>…</article>`. Throws `RangeError` for an invalid `idPrefix`.
 */
export function exportHtml(draft: Draft, options: HtmlExportOptions = {}): string {
  const prefix = options.idPrefix ?? DEFAULT_ID_PREFIX;
  if (!ID_PREFIX.test(prefix)) {
    throw new RangeError(`idPrefix must be empty or a letter followed by letters, digits, "-" or "_"; got ${JSON.stringify(prefix)}`);
  }
  return new HtmlWriter(draft, prefix, options.review === true ? new ReviewNotes(draft.doc) : null).write(options.fragment === true);
}

class HtmlWriter {
  private readonly out: string[] = [];
  private readonly ids = new Set<string>();
  private readonly anchors: PendingAnchor[] = [];
  /** Citations written so far, per source id. */
  private readonly cited = new Map<string, number>();
  private readonly index: FootnoteIndex;
  private readAlsoCount = 0;
  /** Open sections: the level each heading has in the draft, and the level written for it. */
  private readonly sections: { readonly level: number; readonly written: number }[] = [];

  /** The threads whose last comment mark is in each textblock (review only). */
  private readonly threadEnds: Map<PMNode, string[]>;
  /** The threads linked so far, with their numbers (review only). */
  private readonly threadNumbers = new Map<string, number>();
  /** How many deleted blocks the writer is in (review only). */
  private deletedDepth = 0;

  constructor(
    private readonly draft: Draft,
    private readonly prefix: string,
    private readonly review: ReviewNotes | null,
  ) {
    this.index = indexFootnotes(draft.doc);
    this.threadEnds = review ? lastBlockOfThreads(draft.doc) : new Map();
  }

  write(fragment: boolean): string {
    const { doc } = this.draft;
    const headline = headlineOf(doc);
    const headlineText = collapse(this.review ? acceptedText(headline) : headline.textContent);
    if (!fragment) this.head(headlineText);
    this.out.push('<article>\n');
    const standfirst = standfirstOf(doc);
    const byline = bylineParts(this.draft.meta.authors);
    if (headlineText || byline.length || standfirst.childCount) {
      this.out.push('<header>\n');
      if (this.review && headline.childCount) this.inlineBlock('<h1>', headline, '</h1>');
      else if (headlineText) this.out.push('<h1>', escapeHtml(headline.textContent), '</h1>\n');
      if (byline.length) this.byline(byline);
      if (standfirst.childCount) this.inlineBlock('<p class="standfirst">', standfirst, '</p>');
      this.out.push('</header>\n');
    }
    const body = bodyRange(doc);
    for (let i = body.startIndex; i < body.endIndex; i++) {
      const start = this.out.length;
      const pending = this.anchors.length;
      this.block(doc.child(i));
      // One string per block keeps the output array short (a 100,000-word article was
      // ~400,000 parts, whose final join and garbage grew faster than the text). A block with a
      // link still waiting for its target keeps its parts: resolveAnchors edits them by index.
      if (this.anchors.length === pending && this.out.length - start > 1) this.out.push(this.out.splice(start).join(''));
    }
    this.sources();
    if (this.review) {
      this.suggestionList(this.review);
      this.threads(this.review);
    }
    this.out.push('</article>\n');
    if (!fragment) this.out.push('</main>\n</body>\n</html>\n');
    this.resolveAnchors();
    return this.out.join('');
  }

  /** The byline under the headline: `<p class="byline">By <span class="author">A</span> and …</p>`. */
  private byline(parts: readonly BylinePart[]): void {
    this.out.push('<p class="byline">');
    for (const part of parts) this.out.push(part.kind === 'name' ? `<span class="author">${escapeHtml(part.text)}</span>` : escapeHtml(part.text));
    this.out.push('</p>\n');
  }

  private head(title: string): void {
    const authors = bylineParts(this.draft.meta.authors)
      .filter((part) => part.kind === 'name')
      .map((part) => part.text);
    this.out.push(
      '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
      '<title>',
      escapeHtml(title || 'Untitled'),
      '</title>\n',
    );
    if (authors.length) this.out.push('<meta name="author" content="', escapeAttr(authors.join(', ')), '">\n');
    this.out.push('<style>\n', HTML_STYLE, this.review ? `\n${REVIEW_STYLE}` : '', '\n</style>\n</head>\n<body>\n<main>\n');
  }

  /** Registers an id of the page and returns it; ids are made unique by construction. */
  private id(name: string): string {
    const id = `${this.prefix}${name}`;
    if (this.ids.has(id)) throw new Error(`HTML export wrote the id ${id} twice`);
    this.ids.add(id);
    return id;
  }

  private block(node: PMNode): void {
    const wrap = this.review ? this.openBlockSuggestion(node) : null;
    this.blockContent(node);
    this.closeBlockSuggestion(wrap);
    if (this.review) this.attrNote(node, 'p');
  }

  /** Opens `<ins>`/`<del>` around a block a suggestion inserts or deletes; returns how to close it, or null. */
  private openBlockSuggestion(node: PMNode): string | null {
    const mark = node.marks.find((m) => m.type.name === 'insertion' || m.type.name === 'deletion');
    if (!mark || !this.review) return null;
    const tag = mark.type.name === 'insertion' ? 'ins' : 'del';
    if (tag === 'del') this.deletedDepth++;
    this.out.push(this.suggestionTag(tag, mark, 'review-block'), '\n');
    return `</${tag}>\n`;
  }

  private closeBlockSuggestion(close: string | null): void {
    if (close === null) return;
    if (close.startsWith('</del')) this.deletedDepth--;
    this.out.push(close);
  }

  /** The opening tag of an `<ins>`/`<del>` for suggestion `mark`. */
  private suggestionTag(tag: 'ins' | 'del', mark: Mark, cls = 'review'): string {
    const review = this.review as ReviewNotes;
    const verb = tag === 'ins' ? 'Inserted' : 'Deleted';
    return `<${tag} class="${cls}" datetime="${escapeAttr(mark.attrs.at as string)}" data-author="${escapeAttr(review.name(mark.attrs.author as string))}" title="${verb} by ${escapeAttr(review.stamp(mark))}">`;
  }

  /** A bracketed note after a node whose fields a suggestion changed, in an element `tag` (or none). */
  private attrNote(node: PMNode, tag: 'p' | 'small'): void {
    const mark = node.marks.find((m) => m.type.name === 'attr_change');
    if (!mark || !this.review) return;
    const words = attrChangeWords(mark, node, sourceNamer(this.index.byId));
    const note = `[${escapeHtml(this.review.stamp(mark))}: ${escapeHtml(words)}]`;
    this.out.push(tag === 'p' ? `<p class="review-note">${note}</p>\n` : ` <small class="review-note">${note}</small>`);
  }

  /** Every pending suggestion in document order, who and when, in the review panel's words (shared/review/index.ts). */
  private suggestionList(review: ReviewNotes): void {
    const { suggestions } = indexReview(this.draft.doc);
    if (!suggestions.length) return;
    const headingId = this.id('suggestions-title');
    this.out.push('<aside class="review-suggestions" aria-labelledby="', headingId, '">\n<h2 id="', headingId, '">Suggestions</h2>\n<ol>\n');
    for (const entry of suggestions) {
      this.out.push('<li>', whoAndWhen(review.name(entry.author), entry.at), ': ', escapeHtml(entry.description), '</li>\n');
    }
    this.out.push('</ol>\n</aside>\n');
  }

  /** The comment threads, in the order of their first link, then those whose text is gone. */
  private threads(review: ReviewNotes): void {
    const linked = [...this.threadNumbers.keys()];
    const rest = review.allThreads().filter((thread) => !this.threadNumbers.has(thread.id));
    if (!linked.length && !rest.length) return;
    const headingId = this.id('review-title');
    this.out.push('<aside class="review-threads" aria-labelledby="', headingId, '">\n<h2 id="', headingId, '">Comments</h2>\n<ol>\n');
    const write = (id: string, n: number | null): void => {
      const thread = review.thread(id);
      if (!thread) return;
      this.out.push(n === null ? '<li>' : `<li id="${this.id(`thread-${String(n)}`)}"${n === linked.indexOf(id) + 1 ? '' : ` value="${String(n)}"`}>`);
      const state = thread.resolved ? `Resolved by ${escapeHtml(review.name(thread.resolved.by))}, <time datetime="${escapeAttr(thread.resolved.at)}">${escapeHtml(readableTime(thread.resolved.at))}</time>` : 'Open';
      const about = n === null ? 'On deleted text' : 'On';
      this.out.push(`<p class="review-quote">${about}: “${escapeHtml(collapse(thread.quote))}” <span class="review-state">(${state})</span></p>\n<ul class="review-messages">\n`);
      for (const message of thread.messages) {
        this.out.push(
          '<li>',
          whoAndWhen(review.name(message.author), message.at),
          ': ',
          escapeHtml(message.text).replace(/\r\n?|\n/gu, '<br>'),
          '</li>\n',
        );
      }
      this.out.push('</ul>\n</li>\n');
    };
    for (const id of linked) write(id, this.threadNumbers.get(id) ?? null);
    for (const thread of rest) write(thread.id, null);
    this.out.push('</ol>\n</aside>\n');
  }

  private blockContent(node: PMNode): void {
    const out = this.out;
    switch (node.type.name) {
      case 'paragraph':
        if (node.childCount) this.inlineBlock('<p>', node, '</p>');
        return;
      case 'heading': {
        if (isBlank(node)) return;
        const tag = `h${String(this.headingLevel(node.attrs.level as number))}`;
        this.inlineBlock(`<${tag}>`, node, `</${tag}>`);
        return;
      }
      case 'blockquote':
        out.push('<blockquote>\n');
        node.forEach((child) => this.block(child));
        out.push('</blockquote>\n');
        return;
      case 'bullet_list':
        out.push('<ul>\n');
        node.forEach((item) => this.listItem(item));
        out.push('</ul>\n');
        return;
      case 'ordered_list': {
        const start = node.attrs.start as number;
        out.push(start === 1 ? '<ol>\n' : `<ol start="${String(start)}">\n`);
        node.forEach((item) => this.listItem(item));
        out.push('</ol>\n');
        return;
      }
      case 'horizontal_rule':
        out.push('<hr>\n');
        return;
      case 'figure':
        this.figure(node);
        return;
      case 'read_also':
        this.readAlso(node);
        return;
      default:
        throw new Error(`HTML export does not know the block "${node.type.name}"`);
    }
  }

  /**
   * The level to write for a heading of `level` in the draft. Levels are never skipped (h1 then
   * h3 is an error for the checker and a hole in a screen reader's outline): a heading is written
   * one level below the nearest heading before it with a smaller draft level (the h1 counts as
   * level 1, even when the headline is empty), so siblings stay siblings and subheads stay under
   * their heads.
   */
  private headingLevel(level: number): number {
    const sections = this.sections;
    while (sections.length && (sections[sections.length - 1] as { level: number }).level >= level) sections.pop();
    const written = (sections[sections.length - 1]?.written ?? 1) + 1;
    sections.push({ level, written });
    return written;
  }

  /** A list item; its paragraph is written without `<p>` when it is the only one. */
  private listItem(item: PMNode): void {
    let paragraphs = 0;
    item.forEach((child) => {
      if (child.type.name === 'paragraph') paragraphs++;
    });
    this.out.push('<li>');
    const wrap = this.review ? this.openBlockSuggestion(item) : null;
    item.forEach((child, _offset, i) => {
      if (i === 0 && paragraphs === 1) {
        this.inline(child);
        if (item.childCount > 1) this.out.push('\n');
      } else {
        if (i === 0) this.out.push('\n');
        this.block(child);
      }
    });
    this.closeBlockSuggestion(wrap);
    this.out.push('</li>\n');
  }

  private figure(node: PMNode): void {
    const src = htmlUrl(node.attrs.src as string, 'image');
    const caption = node.firstChild;
    const credit = collapse(node.attrs.credit as string);
    const hasCaption = caption !== null && caption.childCount > 0;
    if (src === null && !hasCaption && !credit) return;
    this.out.push('<figure>\n');
    if (src !== null) this.out.push('<img src="', escapeAttr(src), '" alt="', escapeAttr(node.attrs.alt as string), '">\n');
    if (hasCaption || credit) {
      this.out.push('<figcaption>');
      if (hasCaption) this.inline(caption);
      if (credit) this.out.push(hasCaption ? ' ' : '', '<small class="credit">', escapeHtml(credit), '</small>');
      this.out.push('</figcaption>\n');
    }
    this.out.push('</figure>\n');
  }

  private readAlso(node: PMNode): void {
    const items: [title: string, url: string, kicker: string, node: PMNode][] = [];
    node.forEach((item) => {
      const title = collapse(item.attrs.title as string);
      const url = item.attrs.url as string;
      if (title || url.trim()) items.push([title, url, collapse(item.attrs.kicker as string), item]);
    });
    if (!items.length) return;
    const headingId = this.id(`read-also-${String(++this.readAlsoCount)}`);
    this.headingLevel(2);
    const title = collapse(node.attrs.title as string) || DEFAULT_READ_ALSO_TITLE;
    this.out.push('<aside class="read-also" aria-labelledby="', headingId, '">\n<h2 id="', headingId, '">', escapeHtml(title), '</h2>\n<ul>\n');
    for (const [itemTitle, url, kicker, itemNode] of items) {
      this.out.push('<li>');
      const wrap = this.review ? this.openBlockSuggestion(itemNode) : null;
      if (kicker) this.out.push('<span class="kicker">', escapeHtml(kicker), '</span> ');
      const anchor = this.openLink(url, 'readAlso');
      this.out.push(escapeHtml(itemTitle || url.trim()));
      if (anchor !== false) this.closeLink(anchor);
      this.attrNote(itemNode, 'small');
      this.closeBlockSuggestion(wrap);
      this.out.push('</li>\n');
    }
    this.out.push('</ul>\n</aside>\n');
  }

  /** The cited sources, in number order, with back links; nothing when nothing is cited. */
  private sources(): void {
    const cited = exportedSources(this.index);
    if (!cited.length) return;
    const headingId = this.id('sources-title');
    this.out.push('<section class="sources" aria-labelledby="', headingId, '">\n<h2 id="', headingId, '">Sources</h2>\n<ol>\n');
    cited.forEach((entry, i) => this.source(entry, i + 1));
    this.out.push('</ol>\n</section>\n');
  }

  private source(entry: SourceEntry, position: number): void {
    const n = String(entry.number);
    // A citation of a missing source takes a number too; `value` keeps the list's numbers true.
    this.out.push('<li id="', this.id(`fn-${n}`), entry.number === position ? '">' : `" value="${n}">`);
    const wrap = this.review ? this.openBlockSuggestion(entry.node) : null;
    for (const part of sourceParts(entry.node)) {
      const text = escapeHtml(part.text);
      if (part.kind === 'title') this.out.push('<cite>', text, '</cite>');
      else if (part.kind === 'url') {
        const anchor = this.openLink(part.text, 'source');
        this.out.push(text);
        if (anchor !== false) this.closeLink(anchor);
      } else this.out.push(text);
    }
    const count = this.cited.get(entry.id) ?? 0;
    for (let k = 1; k <= count; k++) {
      const label = count === 1 ? `Back to the citation of source ${n}` : `Back to citation ${String(k)} of source ${n}`;
      this.out.push(' <a href="#', this.prefix, 'fnref-', n, '-', String(k), '" class="backlink" aria-label="', label, '">', BACK, '</a>');
    }
    this.attrNote(entry.node, 'small');
    this.closeBlockSuggestion(wrap);
    this.out.push('</li>\n');
  }

  /** `open`, the inline content of `node`, `close`, and a line break. */
  private inlineBlock(open: string, node: PMNode, close: string): void {
    this.out.push(open);
    this.inline(node);
    this.out.push(close, '\n');
  }

  /** The inline content of a textblock, with marks nested properly. */
  private inline(node: PMNode): void {
    const stack: OpenMark[] = [];
    if (this.review) this.boundaryMark(node);
    node.forEach((child) => {
      const marks = this.marksOf(child);
      let keep = 0;
      while (keep < stack.length && keep < marks.length && (stack[keep] as OpenMark).mark.eq(marks[keep] as Mark)) keep++;
      while (stack.length > keep) this.closeMark(stack.pop() as OpenMark);
      for (let i = keep; i < marks.length; i++) stack.push(this.openMark(marks[i] as Mark, child));
      switch (child.type.name) {
        case 'text':
          this.out.push(escapeHtml(child.text ?? ''));
          break;
        case 'hard_break':
          this.out.push('<br>');
          break;
        case 'citation':
          if (this.review && (this.deletedDepth > 0 || hasDeletion(child.marks))) this.deletedCitation(child.attrs.source as string);
          else this.citation(child.attrs.source as string);
          if (this.review) this.attrNote(child, 'small');
          break;
        default:
          throw new Error(`HTML export does not know the inline node "${child.type.name}"`);
      }
    });
    while (stack.length) this.closeMark(stack.pop() as OpenMark);
    if (this.review) this.threadLinks(node);
  }

  /** A `¶` inserted (`split`) or deleted (`join`) at the start of a textblock whose opening boundary a suggestion adds or removes. */
  private boundaryMark(node: PMNode): void {
    for (const mark of node.marks) {
      if (mark.type.name !== 'split' && mark.type.name !== 'join') continue;
      const tag = mark.type.name === 'split' ? 'ins' : 'del';
      const what = mark.type.name === 'split' ? 'New paragraph' : 'Paragraph joined to the one before';
      this.out.push(this.suggestionTag(tag, mark, 'review-break'), '<span title="', what, '">¶</span></', tag, '> ');
    }
  }

  /** Links to the threads whose last comment is in `block`: `[comment 1]`. */
  private threadLinks(block: PMNode): void {
    const ids = this.threadEnds.get(block);
    if (!ids) return;
    for (const id of ids) {
      if (!this.review?.thread(id) || this.threadNumbers.has(id)) continue;
      const n = String(this.threadNumbers.size + 1);
      this.threadNumbers.set(id, this.threadNumbers.size + 1);
      this.out.push(`<sup class="review-ref"><a href="#${this.prefix}thread-${n}">[comment ${n}]</a></sup>`);
    }
  }

  /** A citation a suggestion deletes: its source's number as the text would read once accepted, or `–`. */
  private deletedCitation(id: string): void {
    const n = this.index.byId.has(id) ? this.index.numbers.get(id) : undefined;
    if (n === undefined) {
      this.out.push('<sup class="citation">[–]</sup>');
      return;
    }
    this.out.push(`<sup class="citation">[<a href="#${this.prefix}fn-${String(n)}">${String(n)}</a>]</sup>`);
  }

  /** The marks to write around `node`: links only when they can be written, none around a citation's own link. */
  private marksOf(node: PMNode): readonly Mark[] {
    // attr_change is a note after its node (attrNote); the others are written around it.
    const marks = this.review ? node.marks.filter((mark) => mark.type.name !== 'attr_change') : node.marks;
    if (!marks.length || marks[0]?.type.name !== 'link') return marks;
    if (node.type.name === 'citation' || htmlUrl(marks[0].attrs.href as string, 'link') === null) return marks.slice(1);
    return marks;
  }

  private openMark(mark: Mark, node: PMNode): OpenMark {
    switch (mark.type.name) {
      case 'em':
        this.out.push('<em>');
        return { mark, close: '</em>', anchor: null };
      case 'strong':
        this.out.push('<strong>');
        return { mark, close: '</strong>', anchor: null };
      case 'link': {
        // marksOf has checked that the URL can be written.
        const anchor = this.openLink(mark.attrs.href as string, 'link');
        return { mark, close: '</a>', anchor: anchor === false ? null : anchor };
      }
      case 'insertion':
      case 'deletion': {
        if (!this.review) break;
        const tag = mark.type.name === 'insertion' ? 'ins' : 'del';
        this.out.push(this.suggestionTag(tag, mark));
        return { mark, close: `</${tag}>`, anchor: null };
      }
      case 'format_change':
        if (!this.review) break;
        this.out.push('<span class="review-format">');
        return { mark, close: `</span> <small class="review-note">[${escapeHtml(`${this.review.stamp(mark)}: ${formatChangeWords(mark, node)}`)}]</small>`, anchor: null };
      case 'comment':
        if (!this.review) break;
        this.out.push('<mark class="review-comment">');
        return { mark, close: '</mark>', anchor: null };
    }
    throw new Error(`HTML export does not know the mark "${mark.type.name}"`);
  }

  private closeMark(open: OpenMark): void {
    if (open.mark.type.name === 'link') this.closeLink(open.anchor);
    else this.out.push(open.close);
  }

  /**
   * Opens a link to `url` if it can be written: returns `false` when nothing was opened, `null`
   * for an external link, or the pending anchor for an in-page one.
   */
  private openLink(url: string, context: UrlContext): PendingAnchor | null | false {
    const href = htmlUrl(url, context);
    if (href === null) return false;
    if (href.startsWith('#')) {
      const anchor: PendingAnchor = { target: href.slice(1), open: this.out.length, close: -1 };
      this.out.push('<a href="', escapeAttr(href), '">');
      this.anchors.push(anchor);
      return anchor;
    }
    this.out.push('<a href="', escapeAttr(href), '" rel="noopener noreferrer">');
    return null;
  }

  private closeLink(anchor: PendingAnchor | null): void {
    if (anchor) anchor.close = this.out.length;
    this.out.push('</a>');
  }

  /** Unwraps in-page links whose target is not an id of the page (their text stays). */
  private resolveAnchors(): void {
    for (const anchor of this.anchors) {
      if (this.ids.has(anchor.target)) continue;
      this.out[anchor.open] = '';
      this.out[anchor.open + 1] = '';
      this.out[anchor.open + 2] = '';
      this.out[anchor.close] = '';
    }
  }

  private citation(id: string): void {
    const n = String(this.index.numbers.get(id));
    const entry = this.index.byId.get(id);
    if (!entry) {
      this.out.push('<sup class="citation citation-missing" title="Missing source">[?]</sup>');
      return;
    }
    const k = (this.cited.get(id) ?? 0) + 1;
    this.cited.set(id, k);
    const name = sourceName(entry.node);
    const label = name ? `Source ${n}: ${name}` : `Source ${n}`;
    const ref = this.id(`fnref-${n}-${String(k)}`);
    // Brackets outside the link keep adjacent citations apart ("[1][2]", as in the seed), where
    // bare superscripts would read as "12".
    this.out.push(`<sup class="citation">[<a href="#${this.prefix}fn-${n}" id="${ref}" aria-label="${escapeAttr(label)}">${n}</a>]</sup>`);
  }
}

/** True for a textblock with nothing to see: no citation, and no text but white space. */
function isBlank(node: PMNode): boolean {
  let blank = true;
  node.forEach((child) => {
    if (child.type.name === 'citation' || (child.isText && (child.text ?? '').trim() !== '')) blank = false;
  });
  return blank;
}

/** `text` with runs of white space made one space, and trimmed. */
function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** What a citation's label calls its source: the title, or else the outlet or the note, shortened. */
function sourceName(source: PMNode): string {
  const name = collapse((source.attrs.title as string) || (source.attrs.outlet as string) || (source.attrs.note as string));
  return name.length > 100 ? `${name.slice(0, 99)}…` : name;
}

/** An author's name and a time, as the review's asides write them. */
function whoAndWhen(name: string, at: string): string {
  return `<span class="review-author">${escapeHtml(name)}</span>, <time datetime="${escapeAttr(at)}">${escapeHtml(readableTime(at))}</time>`;
}
