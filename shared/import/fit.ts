/**
 * Turns the importers' intermediate blocks (tree.ts) into schema nodes, fitting content where
 * the schema is stricter than the input: a list item starts with a paragraph, a quote or a list
 * item holds only paragraphs and lists (headings become paragraphs, a nested figure keeps its
 * caption), the standfirst and captions hold only emphasis, the headline only text. Paragraphs
 * with nothing in them (no text, no citation) are left out; headings and paragraphs of white
 * space are kept, since a format that can write them meant them (the HTML importer leaves out
 * blank ones itself, as HTML collapses white space). Whatever cannot be kept is said in `dropped`.
 */
import type { Mark, MarkType, Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema';
import type { ImportBlock, ImportInline } from './tree';

/** Where inline content goes: what it may hold there. */
export interface InlinePlace {
  /** Mark types allowed (all when undefined). */
  readonly marks?: readonly MarkType[];
  /** Whether citations and hard breaks are allowed. */
  readonly rich: boolean;
}

/** Inline content of paragraphs and headings: everything. */
export const RICH: InlinePlace = { rich: true };
/** Inline content of the standfirst and of captions: text with emphasis. */
export const EMPHASIS_ONLY: InlinePlace = { rich: false, marks: [schema.marks.em, schema.marks.strong].filter((type): type is MarkType => type !== undefined) };

/** Converts blocks to nodes; `citeId` resolves a citation key to a source id. */
export class NodeFitter {
  constructor(
    private readonly citeId: (key: string) => string,
    private readonly dropped: string[],
  ) {}

  /** Inline content as nodes for `place`; adjacent text with equal marks is joined by the schema. */
  inline(content: readonly ImportInline[], place: InlinePlace = RICH): PMNode[] {
    const nodes: PMNode[] = [];
    for (const piece of content) {
      if (piece.kind === 'text') {
        if (piece.text === '') continue;
        let marks: readonly Mark[] = piece.marks;
        if (place.marks) {
          const allowed = place.marks;
          const kept = marks.filter((mark) => allowed.includes(mark.type));
          if (kept.length !== marks.length) {
            for (const mark of marks) if (mark.type.name === 'link') this.dropped.push(`The link to ${String(mark.attrs.href)} on “${clip(piece.text)}” (links are not allowed there; the text is kept).`);
          }
          marks = kept;
        }
        nodes.push(schema.text(piece.text, marks));
      } else if (piece.kind === 'break') {
        nodes.push(place.rich ? schema.node('hard_break') : schema.text(' '));
      } else if (place.rich) {
        nodes.push(schema.node('citation', { source: this.citeId(piece.key) }));
      } else {
        this.dropped.push(`A citation in a standfirst or caption (the schema has no citations there).`);
      }
    }
    return nodes;
  }

  /** A top-level body block, or null for one that holds nothing. */
  block(block: ImportBlock): PMNode | null {
    switch (block.type) {
      case 'paragraph':
        return isEmptyInline(block.content) ? null : schema.node('paragraph', null, this.inline(block.content));
      case 'heading':
        return schema.node('heading', { level: block.level }, this.inline(block.content));
      case 'blockquote': {
        const content = this.flow(block.content);
        return content.length ? schema.node('blockquote', null, content) : null;
      }
      case 'bullet_list':
      case 'ordered_list':
        return this.list(block);
      case 'figure':
        return schema.node('figure', { src: block.src, alt: block.alt, credit: block.credit }, [schema.node('figcaption', null, this.inline(block.caption, EMPHASIS_ONLY))]);
      case 'horizontal_rule':
        return schema.node('horizontal_rule');
      case 'read_also':
        if (block.items.length === 0) return null;
        return schema.node('read_also', { title: block.title }, block.items.map((item) => schema.node('read_also_item', item)));
    }
  }

  private list(block: Extract<ImportBlock, { type: 'bullet_list' | 'ordered_list' }>): PMNode | null {
    const items = block.items.map((item) => {
      const content = this.flow(item);
      if (content[0]?.type.name !== 'paragraph') content.unshift(schema.node('paragraph'));
      return schema.node('list_item', null, content);
    });
    if (items.length === 0) return null;
    return block.type === 'ordered_list' ? schema.node('ordered_list', { start: block.start }, items) : schema.node('bullet_list', null, items);
  }

  /** Blocks as the content of a quote or list item: paragraphs and lists only. */
  private flow(blocks: readonly ImportBlock[]): PMNode[] {
    const out: PMNode[] = [];
    for (const block of blocks) {
      switch (block.type) {
        case 'paragraph':
        case 'heading':
          if (!isEmptyInline(block.content)) out.push(schema.node('paragraph', null, this.inline(block.content)));
          break;
        case 'bullet_list':
        case 'ordered_list': {
          const list = this.list(block);
          if (list) out.push(list);
          break;
        }
        case 'blockquote':
          out.push(...this.flow(block.content));
          break;
        case 'figure':
          this.dropped.push(`The picture ${block.src} inside a quote or list (its caption is kept as a paragraph).`);
          if (!isEmptyInline(block.caption)) out.push(schema.node('paragraph', null, this.inline(block.caption)));
          break;
        case 'horizontal_rule':
          this.dropped.push('A horizontal rule inside a quote or list.');
          break;
        case 'read_also':
          this.dropped.push(`A “Read also” block inside a quote or list (its items are kept as a list of links).`);
          if (block.title) out.push(schema.node('paragraph', null, [schema.text(block.title)]));
          out.push(
            schema.node(
              'bullet_list',
              null,
              block.items.map((item) => {
                const title = item.title || item.url || item.kicker || '—';
                const text = item.url ? schema.text(title, [schema.mark('link', { href: item.url })]) : schema.text(title);
                return schema.node('list_item', null, [schema.node('paragraph', null, [text])]);
              }),
            ),
          );
          break;
      }
    }
    return out;
  }
}

/** True when inline content has no citation and no text at all (hard breaks at most): such a paragraph is left out. */
export function isEmptyInline(content: readonly ImportInline[]): boolean {
  return content.every((piece) => piece.kind === 'break' || (piece.kind === 'text' && piece.text === ''));
}

/** True when inline content has no citation and no text but white space. */
export function isBlankInline(content: readonly ImportInline[]): boolean {
  return content.every((piece) => piece.kind === 'break' || (piece.kind === 'text' && piece.text.trim() === ''));
}

/** The first 60 characters of `text`, on one line, for messages. */
export function clip(text: string): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
