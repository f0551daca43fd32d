/**
 * The GitHub-flavoured Markdown export.
 *
 * Layout of the file, which a later Markdown importer relies on:
 * - `# Headline` first;
 * - then, when the draft has authors, the byline as a plain paragraph of its own, `By A, B and C`
 *   (shared/byline.ts); an importer takes a `By …` line right after the h1 for the authors;
 * - then the standfirst, as the first paragraph after the `h1` and byline (a plain paragraph,
 *   with its emphasis). An importer reads "the first paragraph right after the h1" as the
 *   standfirst. An empty standfirst writes nothing, so that paragraph is then the body's first
 *   one: plain Markdown has no way to mark the difference;
 * - then the body: paragraphs, `##`–`####` headings, `-` and `1.` lists (nested, several
 *   paragraphs per item, the start number kept), `>` quotes, `---` rules, `**strong**`, `*em*`
 *   (`__strong__`/`_em_` for a mark nested in another, see markdown-inline.ts), links
 *   `[text](<url>)` for exportable URLs only (others stay text) and backslash hard breaks.
 *   Sibling lists of one kind alternate markers (`-`/`*`, `.`/`)`) so they stay separate lists;
 * - a figure is one paragraph: the image `![alt](<src> "credit")` alone on its first line, then,
 *   after a hard break, the caption. GFM has no figure, so the credit rides in the image's title,
 *   which every reader keeps. An importer recognises a figure as a paragraph that starts with an
 *   image followed by a hard break or by nothing. A figure whose image may not be exported
 *   writes its caption only;
 * - a "Read also" block is its title in bold as a paragraph of its own (`**Read also**` when it
 *   has none), then a `-` list of `[title](<url>)` items, each optionally prefixed `Kicker: `; an
 *   item without a valid URL is plain text;
 * - citations are footnote references `[^n]`, n being the source's number (order of first
 *   citation), the same label for every citation of a source; the definitions come last, one per
 *   cited source in number order: `[^n]: “Title,” Outlet, Date. [url](<url>) Note` (the text of
 *   `sourceParts`). Sources nobody cites are left out; a citation of a missing source is the
 *   escaped text `[?]`.
 *
 * All text is escaped (markdown-escape.ts) so that cmark-gfm, markdown-it and pandoc (`-f gfm`
 * and its own `-f markdown`) read it back as the same literal text, never as markup, attributes
 * or HTML. pandoc's own Markdown reads two bullet lists next to each other as one list (only raw
 * HTML or an added paragraph could keep them apart). Known limits: line breaks inside text become
 * spaces, and attributes (alt, credit, titles, kickers) have their whitespace collapsed; GFM's
 * autolink extension (cmark-gfm, GitHub) turns e-mail-like text into a `mailto:` link around the
 * same text, which no escaping prevents; an ordered list whose numbers would exceed nine digits
 * starts at 1. The output is built in one array of lines joined once: linear in the article.
 *
 * With `review` (the draft as it is, not through `finalDoc`) the suggestions and comments are
 * written in CriticMarkup (README, "Exports", says why rather than `<ins>`/`<del>`): `{++new++}`,
 * `{--old--}`, each suggestion followed by who made it and when (`{>>Ana Ruiz, 2026-12-02 10:00 UTC<<}`,
 * a comment attached to the change, as CriticMarkup has it) (a replacement is the deletion then the insertion, which CriticMarkup tools read as
 * `{~~old~>new~~}` and GFM readers do not turn into strikethrough), a whole block inserted or
 * deleted wrapped per paragraph, a new or removed paragraph break as `{++¶++}`/`{--¶--}`,
 * commented text as `{==text==}`, and after the block where a thread ends, the thread as
 * `{>>Ana Ruiz, 2026-05-01 10:00 UTC: message. — Ben Ode, …: reply. (resolved)<<}`; changed
 * formatting and fields are notes in the same form. Threads whose text is gone come last, each a
 * paragraph of its own. The text inside stays escaped as everywhere else, so no draft text can
 * open or close a CriticMarkup span.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { bodyBlocks, DEFAULT_READ_ALSO_TITLE, exportedSources, headlineOf, standfirstOf } from '../article';
import { bylineText } from '../byline';
import type { Draft } from '../draft/format';
import { indexFootnotes, type FootnoteIndex } from '../footnotes';
import { isExportableUrl } from '../url';
import { escapeText, linkDestination, linkTitle } from './markdown-escape';
import { writeInline, type InlinePiece, type MdMark } from './markdown-inline';
import { sourceParts } from '../sources/style';
import { hasDeletion } from '../review/accepted';
import type { Thread } from '../review/model';
import { attrChangeWords, formatChangeWords, lastBlockOfThreads, readableTime, ReviewNotes, sourceNamer } from './review-notes';

/** The largest number a CommonMark ordered list marker may carry (nine digits). */
const MAX_LIST_NUMBER = 999_999_999;

const BULLETS = ['-', '*', '+'] as const;

function toMdMarks(node: PMNode): MdMark[] {
  const marks: MdMark[] = [];
  for (const mark of node.marks) {
    const type = mark.type.name;
    if (type === 'link') {
      const href = mark.attrs.href as string;
      if (isExportableUrl(href, 'link')) marks.push({ type: 'link', href });
    } else if (type === 'em' || type === 'strong') {
      marks.push({ type, href: '' });
    }
  }
  return marks;
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

// A paragraph (or the standfirst, written as one).
function isProse(node: PMNode): boolean {
  return node.type.name === 'paragraph' || node.type.name === 'standfirst';
}

// A paragraph that writes nothing: no text, no citation (hard breaks at the edges are dropped).
function isBlank(node: PMNode): boolean {
  let blank = true;
  node.forEach((child) => {
    if (child.type.name !== 'hard_break') blank = false;
  });
  return blank;
}

// A block with nothing to write: an empty paragraph, or a figure with neither a usable image
// nor a caption.
function writesNothing(node: PMNode): boolean {
  if (isProse(node)) return isBlank(node);
  if (node.type.name !== 'figure') return false;
  return !isExportableUrl(node.attrs.src as string, 'image') && (node.firstChild?.content.size ?? 0) === 0;
}

// A list written without blank lines must read back the same: every item is one non-empty
// paragraph followed only by lists that are tight too and can interrupt a paragraph. Memoised in
// `cache`, so that nested lists are not walked once per enclosing list.
function isTight(list: PMNode, cache: WeakMap<PMNode, boolean>): boolean {
  const known = cache.get(list);
  if (known !== undefined) return known;
  let tight = true;
  list.forEach((item) => {
    item.forEach((child, _offset, index) => {
      if (child.type.name === 'paragraph') {
        if (index > 0 || isBlank(child)) tight = false;
      } else if ((child.type.name === 'ordered_list' && child.attrs.start !== 1) || !isTight(child, cache)) {
        tight = false;
      }
    });
  });
  cache.set(list, tight);
  return tight;
}

/** Writes one draft; state lives for the duration of one export. */
class MarkdownWriter {
  private readonly lines: string[] = [];
  private readonly footnotes: FootnoteIndex;
  private readonly tightness = new WeakMap<PMNode, boolean>();

  /** The threads whose last comment mark is in each textblock (review only). */
  private readonly threadEnds: Map<PMNode, string[]>;
  private readonly threadsWritten = new Set<string>();
  /** The insertion or deletion of the blocks being written (review only): their text is wrapped in it. */
  private blockSuggestion: Mark | null = null;

  constructor(
    private readonly doc: PMNode,
    private readonly authors: readonly string[],
    private readonly review: ReviewNotes | null = null,
  ) {
    this.footnotes = indexFootnotes(doc);
    this.threadEnds = review ? lastBlockOfThreads(doc) : new Map();
  }

  private pieces(node: PMNode): InlinePiece[] {
    if (this.review) return this.reviewPieces(node, this.review);
    const pieces: InlinePiece[] = [];
    node.forEach((child) => this.piece(child, pieces));
    return pieces;
  }

  /** The pieces of a textblock with its suggestions and comments in CriticMarkup (see the top of this file). */
  private reviewPieces(node: PMNode, review: ReviewNotes): InlinePiece[] {
    const pieces: InlinePiece[] = [];
    for (const mark of node.marks) {
      if (mark.type.name === 'split') pieces.push({ kind: 'raw', md: `{++¶++}${criticComment(review.stamp(mark))}` });
      else if (mark.type.name === 'join') pieces.push({ kind: 'raw', md: `{--¶--}${criticComment(review.stamp(mark))}` });
    }
    const notes: string[] = [];
    // The span open: an insertion or a deletion (its mark), commented text, or none.
    let open: Mark | 'comment' | null = null;
    const kindOf = (span: Mark | 'comment'): 'insertion' | 'deletion' | 'comment' => (span === 'comment' ? span : (span.type.name as 'insertion' | 'deletion'));
    // Closes the span; a suggestion's span is followed by who made it and when, unless the next
    // span is the same suggestion (a replacement's insertion after its deletion).
    const close = (next: Mark | 'comment' | null): void => {
      if (open !== null) {
        pieces.push({ kind: 'raw', md: CLOSE[kindOf(open)] });
        if (open !== 'comment' && (next === null || next === 'comment' || next.attrs.id !== open.attrs.id)) pieces.push({ kind: 'raw', md: criticComment(review.stamp(open)) });
      }
      open = null;
      for (const note of notes) pieces.push({ kind: 'raw', md: criticComment(note) });
      notes.length = 0;
    };
    node.forEach((child, _offset, index) => {
      const own = child.marks.find((m) => m.type.name === 'insertion' || m.type.name === 'deletion');
      const span: Mark | 'comment' | null = own ?? this.blockSuggestion ?? (child.marks.some((m) => m.type.name === 'comment') ? 'comment' : null);
      const same = span === open || (span !== null && open !== null && span !== 'comment' && open !== 'comment' && span.eq(open));
      if (!same) {
        close(span);
        if (span !== null) pieces.push({ kind: 'raw', md: OPEN[kindOf(span)] });
        open = span;
      }
      const state = span === null ? null : kindOf(span);
      for (const mark of child.marks) {
        if (mark.type.name === 'format_change') notes.push(`${review.stamp(mark)}: ${formatChangeWords(mark, child)}`);
        else if (mark.type.name === 'attr_change') notes.push(`${review.stamp(mark)}: ${attrChangeWords(mark, child, sourceNamer(this.footnotes.byId))}`);
      }
      if (child.type.name === 'citation' && (state === 'deletion' || hasDeletion(child.marks))) {
        const id = child.attrs.source as string;
        const n = this.footnotes.byId.has(id) ? this.footnotes.numbers.get(id) : undefined;
        if (n === undefined) pieces.push({ kind: 'text', text: '[–]', marks: toMdMarks(child) });
        else pieces.push({ kind: 'cite', label: String(n), marks: toMdMarks(child) });
      } else this.piece(child, pieces);
      // Outside a CriticMarkup span a note follows what it is about (inside, it waits for the span's end).
      const next = index + 1 < node.childCount ? node.child(index + 1) : null;
      if (open === null && notes.length && !child.marks.some((m) => m.type.name === 'format_change' && next?.marks.includes(m))) close(null);
    });
    close(null);
    for (const id of this.threadEnds.get(node) ?? []) {
      const thread = review.thread(id);
      if (!thread || this.threadsWritten.has(id)) continue;
      this.threadsWritten.add(id);
      pieces.push({ kind: 'raw', md: criticComment(threadWords(thread, review)) });
    }
    return pieces;
  }

  /**
   * `pieces` (plain text written for a node that has no inline content: a "Read also" block or
   * item, a source) wrapped in the insertion or deletion of `node` or of the blocks around it, with
   * the note of its changed fields after; as they are without review.
   */
  private reviewed(pieces: InlinePiece[], node: PMNode): InlinePiece[] {
    if (!this.review || pieces.length === 0) return pieces;
    const own = node.marks.find((m) => m.type.name === 'insertion' || m.type.name === 'deletion');
    const mark = own ?? this.blockSuggestion;
    const kind = mark?.type.name as 'insertion' | 'deletion' | undefined;
    const out: InlinePiece[] = mark && kind && this.review ? [{ kind: 'raw', md: OPEN[kind] }, ...pieces, { kind: 'raw', md: CLOSE[kind] }, { kind: 'raw', md: criticComment(this.review.stamp(mark)) }] : [...pieces];
    const note = this.attrNote(node);
    if (note) out.push(note);
    return out;
  }

  /** The note of a node whose fields a suggestion changed (`{>>…<<}`), or null. */
  private attrNote(node: PMNode): InlinePiece | null {
    const mark = this.review ? node.marks.find((m) => m.type.name === 'attr_change') : undefined;
    if (!mark || !this.review) return null;
    return { kind: 'raw', md: criticComment(`${this.review.stamp(mark)}: ${attrChangeWords(mark, node, sourceNamer(this.footnotes.byId))}`) };
  }

  /** Pushes the piece of one inline node. */
  private piece(child: PMNode, pieces: InlinePiece[]): void {
    const name = child.type.name;
    if (child.isText) {
      pieces.push({ kind: 'text', text: child.text ?? '', marks: toMdMarks(child) });
    } else if (name === 'citation') {
      const id = child.attrs.source as string;
      const cited = this.footnotes.byId.has(id) ? this.footnotes.numbers.get(id) : undefined;
      pieces.push({ kind: 'cite', label: cited === undefined ? null : String(cited), marks: toMdMarks(child) });
    } else if (name === 'hard_break') {
      pieces.push({ kind: 'break' });
    }
  }

  /** Pushes `content` lines, the first after `first`, the others after `rest`. */
  private emit(content: readonly string[], first: string, rest: string): void {
    content.forEach((line, i) => this.lines.push((i === 0 ? first : rest) + line));
  }

  private blank(rest: string): void {
    this.lines.push(rest.trimEnd());
  }

  /**
   * Writes `children` as blocks separated by blank lines. Sibling lists of the same kind get
   * different markers, or CommonMark would merge them into one list.
   */
  private blocks(children: readonly PMNode[], first: string, rest: string): void {
    let previous: string | null = null;
    let written = false;
    for (const child of children) {
      if (writesNothing(child)) continue;
      if (written) this.blank(rest);
      previous = this.block(child, written ? rest : first, rest, previous);
      written = true;
    }
    if (!written) this.lines.push(first.trimEnd());
  }

  /** Writes one block; returns the list marker it ended with, if it was a list. */
  private block(node: PMNode, first: string, rest: string, previousMarker: string | null): string | null {
    if (!this.review) return this.blockContent(node, first, rest, previousMarker);
    const outer = this.blockSuggestion;
    const mark = node.marks.find((m) => m.type.name === 'insertion' || m.type.name === 'deletion');
    if (mark) this.blockSuggestion = mark;
    const marker = this.blockContent(node, first, rest, previousMarker);
    this.blockSuggestion = outer;
    return marker;
  }

  private blockContent(node: PMNode, first: string, rest: string, previousMarker: string | null): string | null {
    switch (node.type.name) {
      case 'paragraph':
      case 'standfirst':
        this.emit(writeInline(this.pieces(node)), first, rest);
        return null;
      case 'heading': {
        const text = writeInline(this.pieces(node), { heading: true })[0] ?? '';
        this.lines.push(`${first}${'#'.repeat(node.attrs.level as number)}${text ? ` ${text}` : ''}`);
        return null;
      }
      case 'blockquote':
        this.blocks(childrenOf(node), `${first}> `, `${rest}> `);
        return null;
      case 'bullet_list':
      case 'ordered_list':
        return this.list(node, first, rest, previousMarker);
      case 'horizontal_rule':
        this.lines.push(`${first}---`);
        return null;
      case 'figure':
        this.figure(node, first, rest);
        return null;
      case 'read_also':
        return this.readAlso(node, first, rest);
      default:
        return null;
    }
  }

  private list(node: PMNode, first: string, rest: string, previousMarker: string | null): string {
    const ordered = node.type.name === 'ordered_list';
    // Avoid the marker of a sibling list just before (it would continue it) and the marker just
    // before on the same line (`- - -` would be a rule).
    const before = first.trimEnd().slice(-1);
    let marker: string;
    let start = 1;
    if (ordered) {
      marker = previousMarker === '.' ? ')' : '.';
      start = node.attrs.start as number;
      if (start + node.childCount - 1 > MAX_LIST_NUMBER) start = 1;
    } else {
      marker = BULLETS.find((b) => b !== previousMarker && b !== before) ?? '-';
    }
    const tight = isTight(node, this.tightness);
    node.forEach((item, _offset, index) => {
      const bullet = ordered ? `${String(start + index)}${marker}` : marker;
      const itemFirst = `${index === 0 ? first : rest}${bullet} `;
      const itemRest = rest + ' '.repeat(bullet.length + 1);
      if (index > 0 && !tight) this.blank(rest);
      const outer = this.blockSuggestion;
      const mark = this.review ? item.marks.find((m) => m.type.name === 'insertion' || m.type.name === 'deletion') : undefined;
      if (mark) this.blockSuggestion = mark;
      if (tight) {
        let previous: string | null = null;
        item.forEach((child, _o, i) => {
          previous = this.block(child, i === 0 ? itemFirst : itemRest, itemRest, previous);
        });
      } else {
        this.blocks(childrenOf(item), itemFirst, itemRest);
      }
      this.blockSuggestion = outer;
    });
    return marker;
  }

  private figure(node: PMNode, first: string, rest: string): void {
    const src = node.attrs.src as string;
    const caption = node.firstChild ? this.pieces(node.firstChild) : [];
    const pieces: InlinePiece[] = [];
    if (isExportableUrl(src, 'image')) {
      const alt = escapeText(oneLine(node.attrs.alt as string));
      const credit = oneLine(node.attrs.credit as string);
      const image = `![${alt}](${linkDestination(src)}${credit ? ` ${linkTitle(credit)}` : ''})`;
      // A figure inserted or deleted: the caption is wrapped by its own pieces, the image here.
      const kind = this.review ? (this.blockSuggestion?.type.name as 'insertion' | 'deletion' | undefined) : undefined;
      pieces.push({ kind: 'raw', md: kind ? `${OPEN[kind]}${image}${CLOSE[kind]}` : image });
      if (caption.length) pieces.push({ kind: 'break' });
    }
    pieces.push(...caption);
    const note = this.attrNote(node);
    if (note) pieces.push(note);
    this.emit(writeInline(pieces), first, rest);
  }

  private readAlso(node: PMNode, first: string, rest: string): string | null {
    const title = oneLine(node.attrs.title as string) || DEFAULT_READ_ALSO_TITLE;
    const strong: MdMark[] = [{ type: 'strong', href: '' }];
    this.emit(writeInline(this.reviewed([{ kind: 'text', text: title, marks: strong }], node)), first, rest);
    const items: string[][] = [];
    node.forEach((item) => {
      const itemTitle = oneLine(item.attrs.title as string);
      const url = item.attrs.url as string;
      const kicker = oneLine(item.attrs.kicker as string);
      const linked = isExportableUrl(url, 'readAlso');
      const pieces: InlinePiece[] = [];
      if (kicker) pieces.push({ kind: 'text', text: itemTitle || linked ? `${kicker}: ` : kicker, marks: [] });
      if (itemTitle || linked) pieces.push({ kind: 'text', text: itemTitle || url, marks: linked ? [{ type: 'link', href: url }] : [] });
      const lines = writeInline(this.reviewed(pieces, item));
      if (lines.length) items.push(lines);
    });
    if (items.length === 0) return null;
    this.blank(rest);
    items.forEach((lines) => this.emit(lines, `${rest}- `, `${rest}  `));
    return '-';
  }

  private definitions(): void {
    for (const entry of exportedSources(this.footnotes)) {
      const pieces: InlinePiece[] = sourceParts(entry.node).map((part) =>
        part.kind === 'url' ? { kind: 'text', text: part.text, marks: [{ type: 'link', href: part.text }] } : { kind: 'text', text: part.text, marks: [] },
      );
      this.lines.push('');
      const label = `[^${String(entry.number)}]:`;
      const lines = writeInline(this.reviewed(pieces, entry.node));
      if (lines.length) this.emit(lines, `${label} `, '    ');
      else this.lines.push(label);
    }
  }

  write(): string {
    const text = writeInline(this.pieces(headlineOf(this.doc)), { heading: true })[0] ?? '';
    this.lines.push(text ? `# ${text}` : '#');
    const byline = bylineText(this.authors);
    if (byline) this.lines.push('', ...writeInline([{ kind: 'text', text: byline, marks: [] }]));
    // The standfirst is written as the body's first paragraph (see the comment at the top).
    const body = [standfirstOf(this.doc), ...bodyBlocks(this.doc)];
    if (body.some((b) => !writesNothing(b))) {
      this.lines.push('');
      this.blocks(body, '', '');
    }
    if (this.review) this.detachedThreads(this.review);
    this.definitions();
    return `${this.lines.join('\n')}\n`;
  }

  /** The threads not written after their text (it was deleted), each a paragraph of its own. */
  private detachedThreads(review: ReviewNotes): void {
    for (const thread of review.allThreads()) {
      if (this.threadsWritten.has(thread.id)) continue;
      this.lines.push('', ...writeInline([{ kind: 'raw', md: criticComment(`On deleted text “${oneLine(thread.quote)}”: ${threadWords(thread, review)}`) }]));
    }
  }
}

const OPEN = { insertion: '{++', deletion: '{--', comment: '{==' } as const;
const CLOSE = { insertion: '++}', deletion: '--}', comment: '==}' } as const;

/** `{>>text<<}`, the text on one line and escaped (so it cannot close the comment early). */
function criticComment(text: string): string {
  return `{>>${escapeText(oneLine(text))}<<}`;
}

/** A thread in words: every message with its author and time, then whether it is resolved. */
function threadWords(thread: Thread, review: ReviewNotes): string {
  const messages = thread.messages.map((message) => `${review.name(message.author)}, ${readableTime(message.at)}: ${message.text}`);
  const state = thread.resolved ? ` (resolved by ${review.name(thread.resolved.by)}, ${readableTime(thread.resolved.at)})` : '';
  return `${messages.join(' — ')}${state}`;
}

function childrenOf(node: PMNode): PMNode[] {
  const children: PMNode[] = [];
  node.forEach((child) => children.push(child));
  return children;
}

/** The draft as GitHub-flavoured Markdown (see the comment at the top of this file for the layout); with `review`, its suggestions and comments in CriticMarkup. */
export function exportMarkdown(draft: Draft, options: { readonly review?: boolean } = {}): string {
  return new MarkdownWriter(draft.doc, draft.meta.authors, options.review === true ? new ReviewNotes(draft.doc) : null).write();
}
