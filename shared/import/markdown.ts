/**
 * Markdown import (GitHub-flavoured, with pandoc-style footnotes), read from markdown-it's token
 * stream (markdown-parser.ts). It reads back what Copydesk's Markdown export writes
 * (shared/export/markdown.ts), and any other Markdown:
 * - `# Headline` as the first block is the headline (a later `#` is a level-2 heading; `#####`
 *   and `######` become level 4). Without one the headline is empty, and the draft's check says so;
 * - the first paragraph right after that headline is the standfirst when it holds only text and
 *   emphasis (a standfirst has no links, citations or breaks); otherwise it stays in the body;
 * - a "By Jane Doe" paragraph right before or after that standfirst gives the draft's authors
 *   (byline.ts; an agency after the names is listed as left out);
 * - a paragraph starting with an image followed by a line break or by nothing is a figure: the
 *   image's alt text, its title as the credit, the rest of the paragraph as the caption. Only
 *   https and `assets/` images can be kept; another image leaves its alt text as text and is
 *   listed in `dropped`;
 * - a paragraph that is one bold line, followed by a bulleted list whose items are each one
 *   line of plain text, is a "Read also" block when its text is a "Read also" title ("Read
 *   also", "Related", "More on this"…) or when every item is a link (optionally preceded by
 *   `Kicker: `); the title "Read also" is stored as the default (empty) title. (A list with
 *   emphasis, citations or several paragraphs in an item stays a list);
 * - footnotes: every `[^label]` reference is a citation, every `[^label]:` definition (several
 *   paragraphs included) and every inline `^[…]` note is a source, whose fields are read from its
 *   text (source-text.ts). A definition nobody cites is kept as an uncited source, a reference to
 *   a label without definition cites an empty source that the draft's check reports (builder.ts);
 * - what the schema has no place for is kept as text and said in `notes`: code (a paragraph with
 *   line breaks), tables (one paragraph per row, cells separated by ` | `), strikethrough (the
 *   text without the line). Raw HTML is read as literal text (see markdown-parser.ts).
 * Nothing of the text is dropped; only URLs the draft may not hold are (listed in `dropped`).
 */
import type { Mark } from 'prosemirror-model';
import type { Token } from 'markdown-it';
import { schema } from '../schema';
import { isStorableUrl } from '../url';
import { DraftBuilder } from './builder';
import { clip } from './fit';
import { isUsableImage, linkMark } from './links';
import { importMarkdownIt, type FootnoteEnv } from './markdown-parser';
import { isReadAlsoTitle, foldTitle } from './phrases';
import { parseSourcePieces, type SourcePiece } from './source-text';
import { inlineText, type ImportBlock, type ImportInline, type ImportReadAlsoItem } from './tree';
import type { ImportOptions, ImportResult } from './types';

const LABEL_KEY = 'label:';
const INLINE_KEY = 'inline:';

/** Token types that can stand in a standfirst (text and emphasis). */
const PLAIN_INLINE = new Set(['text', 'softbreak', 'em_open', 'em_close', 'strong_open', 'strong_close']);

/** A token's attribute as a string ('' when absent). */
function attr(token: Token, name: string): string {
  const value = token.attrGet(name);
  return value === null ? '' : String(value);
}

/** Plain text of inline tokens (an image's alt text). */
function plain(children: readonly Token[]): string {
  return children.map((t) => (t.type === 'image' ? plain(t.children ?? []) : t.type === 'softbreak' || t.type === 'hardbreak' ? ' ' : t.content)).join('');
}

class MarkdownReader {
  private readonly noted = new Set<string>();

  constructor(
    private readonly builder: DraftBuilder,
    private readonly env: FootnoteEnv,
  ) {}

  private noteOnce(note: string): void {
    if (this.noted.has(note)) return;
    this.noted.add(note);
    this.builder.notes.push(note);
  }

  /** Inline tokens as inline content (citations included; images become their alt text). */
  inline(children: readonly Token[]): ImportInline[] {
    const out: ImportInline[] = [];
    const stack: (Mark | null)[] = [];
    let marks: readonly Mark[] = [];
    const push = (mark: Mark | null): void => {
      stack.push(mark);
      if (mark) marks = mark.addToSet(marks);
    };
    const pop = (): void => {
      const mark = stack.pop();
      if (mark) marks = mark.removeFromSet(marks);
    };
    for (let i = 0; i < children.length; i++) {
      const token = children[i] as Token;
      switch (token.type) {
        case 'text':
        case 'code_inline':
          if (token.content) out.push({ kind: 'text', text: token.content, marks });
          break;
        case 'softbreak':
          out.push({ kind: 'text', text: ' ', marks });
          break;
        case 'hardbreak':
          out.push({ kind: 'break' });
          break;
        case 'em_open':
          push(schema.mark('em'));
          break;
        case 'strong_open':
          push(schema.mark('strong'));
          break;
        case 's_open':
          this.noteOnce('Struck-through text is kept without its line (the schema has no strikethrough).');
          push(null);
          break;
        case 'link_open': {
          // The link's text, for the message should its URL be refused.
          let text = '';
          for (let j = i + 1; j < children.length && children[j]?.type !== 'link_close'; j++) text += children[j]?.content ?? '';
          push(linkMark(attr(token, 'href'), text, this.builder.dropped));
          break;
        }
        case 'em_close':
        case 'strong_close':
        case 's_close':
        case 'link_close':
          pop();
          break;
        case 'image': {
          const alt = plain(token.children ?? []);
          this.builder.dropped.push(`The picture ${clip(attr(token, 'src'))} inside a paragraph (a picture is kept only at the start of a paragraph of its own; its alt text “${clip(alt)}” stays as text).`);
          if (alt) out.push({ kind: 'text', text: alt, marks });
          break;
        }
        case 'footnote_ref': {
          const meta = token.meta as { id: number; label?: string };
          if (meta.label !== undefined) {
            out.push({ kind: 'cite', key: LABEL_KEY + meta.label });
          } else {
            const key = `${INLINE_KEY}${String(meta.id)}`;
            const note = this.env.footnotes?.list?.[meta.id];
            if (!this.builder.has(key)) {
              const content = this.inline(note?.tokens ?? []);
              this.builder.source(key, `The inline note ^[${clip(note?.content ?? '')}]`, parseSourcePieces(this.pieces([{ type: 'paragraph', content }])));
            }
            out.push({ kind: 'cite', key });
          }
          break;
        }
        case 'footnote_missing_ref':
          out.push({ kind: 'cite', key: LABEL_KEY + String((token.meta as { label: string }).label) });
          break;
        default:
          if (token.content) out.push({ kind: 'text', text: token.content, marks });
      }
    }
    return out;
  }

  /** A paragraph's inline tokens as blocks: a figure when it starts with an image, else a paragraph. */
  private paragraph(children: readonly Token[]): ImportBlock[] {
    const first = children[0];
    const next = children[1];
    if (first?.type !== 'image' || (next !== undefined && next.type !== 'hardbreak' && next.type !== 'softbreak')) {
      return [{ type: 'paragraph', content: this.inline(children) }];
    }
    const src = attr(first, 'src');
    const alt = plain(first.children ?? []);
    const rest = children.slice(2);
    if (!isUsableImage(src)) {
      this.builder.dropped.push(`The picture ${clip(src)} (only https: images and files in the draft's assets/ folder are kept; its alt text “${clip(alt)}” stays as text).`);
      const content = this.inline(rest);
      return [{ type: 'paragraph', content: [...(alt ? [{ kind: 'text' as const, text: alt, marks: [] }] : []), ...(content.length ? [{ kind: 'break' as const }] : []), ...content] }];
    }
    const figure = { type: 'figure' as const, src, alt, credit: attr(first, 'title') };
    // A caption holds text and emphasis only; anything richer stays a paragraph of its own.
    if (rest.every((t) => PLAIN_INLINE.has(t.type) || t.type === 'code_inline')) return [{ ...figure, caption: this.inline(rest) }];
    return [
      { ...figure, caption: [] },
      { type: 'paragraph', content: this.inline(rest) },
    ];
  }

  /** Reads blocks from `tokens[start]` up to the token of type `close` (or the end); returns them and the index after. */
  blocks(tokens: readonly Token[], start: number, close: string | null): { blocks: ImportBlock[]; next: number } {
    const blocks: ImportBlock[] = [];
    let i = start;
    while (i < tokens.length) {
      const token = tokens[i] as Token;
      if (token.type === close) return { blocks, next: i + 1 };
      switch (token.type) {
        case 'paragraph_open':
          blocks.push(...this.paragraph(tokens[i + 1]?.children ?? []));
          i += 3;
          continue;
        case 'heading_open': {
          const level = Number(token.tag.slice(1));
          blocks.push({ type: 'heading', level: level <= 2 ? 2 : level === 3 ? 3 : 4, content: this.inline(tokens[i + 1]?.children ?? []) });
          i += 3;
          continue;
        }
        case 'blockquote_open': {
          const inner = this.blocks(tokens, i + 1, 'blockquote_close');
          blocks.push({ type: 'blockquote', content: inner.blocks });
          i = inner.next;
          continue;
        }
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const items: ImportBlock[][] = [];
          const end = token.type.replace('_open', '_close');
          i++;
          while (i < tokens.length && tokens[i]?.type !== end) {
            if (tokens[i]?.type === 'list_item_open') {
              const inner = this.blocks(tokens, i + 1, 'list_item_close');
              items.push(inner.blocks);
              i = inner.next;
            } else i++;
          }
          i++;
          if (token.type === 'ordered_list_open') blocks.push({ type: 'ordered_list', start: Number(attr(token, 'start') || '1'), items });
          else blocks.push({ type: 'bullet_list', items });
          continue;
        }
        case 'hr':
          blocks.push({ type: 'horizontal_rule' });
          break;
        case 'code_block':
        case 'fence': {
          this.noteOnce('Code blocks are kept as plain paragraphs with line breaks (the schema has no code).');
          const lines = token.content.replace(/\n$/u, '').split('\n');
          blocks.push({ type: 'paragraph', content: lines.flatMap((line, k): ImportInline[] => [...(k ? [{ kind: 'break' as const }] : []), ...(line ? [{ kind: 'text' as const, text: line, marks: [] }] : [])]) });
          break;
        }
        case 'table_open': {
          this.noteOnce('Tables are kept as one paragraph per row, cells separated by “ | ” (the schema has no tables).');
          let row: ImportInline[] | null = null;
          for (i++; i < tokens.length && tokens[i]?.type !== 'table_close'; i++) {
            const t = tokens[i] as Token;
            if (t.type === 'tr_open') row = [];
            else if (t.type === 'inline' && row) {
              if (row.length) row.push({ kind: 'text', text: ' | ', marks: [] });
              row.push(...this.inline(t.children ?? []));
            } else if (t.type === 'tr_close' && row) {
              blocks.push({ type: 'paragraph', content: row });
              row = null;
            }
          }
          break;
        }
        case 'footnote_reference_open': {
          const label = String((token.meta as { label: string }).label);
          const inner = this.blocks(tokens, i + 1, 'footnote_reference_close');
          this.builder.source(LABEL_KEY + label, `Footnote [^${label}]`, parseSourcePieces(this.pieces(inner.blocks)), label);
          i = inner.next;
          continue;
        }
        case 'inline':
          blocks.push({ type: 'paragraph', content: this.inline(token.children ?? []) });
          break;
        default:
          if (token.content.trim() !== '') blocks.push({ type: 'paragraph', content: [{ kind: 'text', text: token.content, marks: [] }] });
      }
      i++;
    }
    return { blocks, next: i };
  }

  /** The text of a footnote definition's blocks, as pieces for the source-field parser. */
  pieces(blocks: readonly ImportBlock[], prefix = ''): SourcePiece[] {
    const out: SourcePiece[] = [];
    const inline = (content: readonly ImportInline[]): void => {
      for (const piece of content) {
        if (piece.kind === 'break') out.push({ text: '\n' });
        else if (piece.kind === 'cite') out.push({ text: piece.key.startsWith(LABEL_KEY) ? `[^${piece.key.slice(LABEL_KEY.length)}]` : '[note]' });
        else {
          const link = piece.marks.find((mark) => mark.type.name === 'link');
          out.push(link ? { text: piece.text, href: link.attrs.href as string } : { text: piece.text });
        }
      }
    };
    blocks.forEach((block, index) => {
      if (index > 0) out.push({ text: '\n\n' });
      out.push({ text: prefix });
      switch (block.type) {
        case 'paragraph':
        case 'heading':
          inline(block.content);
          break;
        case 'blockquote':
          out.push(...this.pieces(block.content, prefix));
          break;
        case 'bullet_list':
        case 'ordered_list':
          block.items.forEach((item, k) => {
            if (k > 0) out.push({ text: '\n' });
            out.push({ text: block.type === 'bullet_list' ? '- ' : `${String((block.type === 'ordered_list' ? block.start : 1) + k)}. ` });
            out.push(...this.pieces(item, prefix));
          });
          break;
        case 'figure':
          out.push({ text: `${block.alt} (${block.src}) ` });
          inline(block.caption);
          break;
        case 'horizontal_rule':
          out.push({ text: '---' });
          break;
        case 'read_also':
          out.push({ text: block.title });
          break;
      }
    });
    return out;
  }
}

type TextPiece = Extract<ImportInline, { kind: 'text' }>;

const oneLine = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/** The address of a text piece's link, or null. */
function linkOf(piece: TextPiece): string | null {
  const link = piece.marks.find((mark) => mark.type.name === 'link');
  return link ? (link.attrs.href as string) : null;
}

/**
 * A list item read as a "Read also" item, or null when it cannot be one. An item holds one line
 * of plain text (no emphasis, no citation, no break, no stray spaces: what a "Read also" item can
 * hold), either `[Kicker: ]` and one link covering the rest (`linked`), or text without a link.
 */
function readAlsoItem(item: readonly ImportBlock[]): { item: ImportReadAlsoItem; linked: boolean } | null {
  const only = item[0];
  if (item.length !== 1 || only?.type !== 'paragraph') return null;
  if (only.content.some((piece) => piece.kind !== 'text' || piece.marks.some((mark) => mark.type.name !== 'link'))) return null;
  const texts = only.content as readonly TextPiece[];
  const firstLinked = texts.findIndex((piece) => linkOf(piece) !== null);
  if (firstLinked < 0) {
    const title = inlineText(texts);
    return title !== '' && title === oneLine(title) ? { item: { kicker: '', title, url: '' }, linked: false } : null;
  }
  const href = linkOf(texts[firstLinked] as TextPiece) as string;
  const linked = texts.slice(firstLinked);
  const title = inlineText(linked);
  const before = inlineText(texts.slice(0, firstLinked));
  const kicker = before.slice(0, -2);
  const kickerOk = before === '' || (before.endsWith(': ') && kicker !== '' && kicker === oneLine(kicker));
  if (!isStorableUrl(href, 'readAlso') || !linked.every((piece) => linkOf(piece) === href) || !kickerOk || title === '' || title !== oneLine(title)) return null;
  return { item: { kicker, title, url: href }, linked: true };
}

/**
 * Turns "bold title + bulleted list" pairs into "Read also" blocks (see the module comment): the
 * paragraph is one bold line, every item can be a "Read also" item, and the title is a "Read
 * also" title or every item is a link.
 */
function readAlsoBlocks(blocks: readonly ImportBlock[]): ImportBlock[] {
  const out: ImportBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as ImportBlock;
    const list = blocks[i + 1];
    if (block.type === 'paragraph' && list?.type === 'bullet_list' && block.content.length > 0) {
      const allStrong = block.content.every((piece) => piece.kind === 'text' && piece.marks.length === 1 && piece.marks[0]?.type.name === 'strong');
      const title = inlineText(block.content);
      const items = list.items.map(readAlsoItem);
      if (allStrong && title !== '' && title === oneLine(title) && items.every((item) => item !== null) && (isReadAlsoTitle(title) || items.every((item) => item?.linked))) {
        out.push({ type: 'read_also', title: foldTitle(title) === 'read also' ? '' : title, items: items.map((item) => (item as { item: ImportReadAlsoItem }).item) });
        i++;
        continue;
      }
    }
    out.push(block);
  }
  return out;
}

/** Imports Markdown (see the module comment). */
export function importMarkdown(markdown: string, options: ImportOptions = {}): ImportResult {
  const builder = new DraftBuilder();
  const env: FootnoteEnv = {};
  const tokens = importMarkdownIt().parse(markdown, env);
  const reader = new MarkdownReader(builder, env);
  let start = 0;
  if (tokens[0]?.type === 'heading_open' && tokens[0].tag === 'h1') {
    builder.headline = plain(tokens[1]?.children ?? []);
    start = 3;
    // A paragraph of text and emphasis only, at `at`: its inline tokens, else null.
    const plainParagraph = (at: number): Token[] | null => {
      const children = tokens[at + 1]?.children ?? [];
      return tokens[at]?.type === 'paragraph_open' && children.length > 0 && children.every((t) => PLAIN_INLINE.has(t.type)) ? children : null;
    };
    // A "By …" paragraph under the headline, before or after the standfirst.
    const byline = (): void => {
      const children = plainParagraph(start);
      if (children && builder.byline(plain(children))) start += 3;
    };
    byline();
    const children = plainParagraph(start);
    if (children) {
      builder.standfirst = reader.inline(children);
      start += 3;
      byline();
    }
  } else {
    builder.notes.push('The Markdown does not start with a “# ” headline, so the headline is empty.');
  }
  const { blocks } = reader.blocks(tokens, start, null);
  for (const block of readAlsoBlocks(blocks)) builder.block(block);
  return builder.finish(options.now ?? new Date(), (key) => (key.startsWith(LABEL_KEY) ? `The footnote [^${key.slice(LABEL_KEY.length)}]` : 'A note'));
}
