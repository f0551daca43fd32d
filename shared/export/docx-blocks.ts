/**
 * The blocks of the Word export, as Word paragraphs: paragraphs, headings (Heading 2–4, the
 * draft's own levels), quotes (the Quote style), bulleted and numbered lists (Word numbering, one
 * list instance per list so that each counts from its own start; a nested list one level down),
 * rules, figures (the picture, then a Caption paragraph with the caption and the credit, the
 * credit in a Credit run style) and
 * "Read also" blocks (a box of bordered, shaded paragraphs: the block's title in bold, then one
 * bulleted paragraph per item, "Kicker: " and the item's title linked, as the Markdown export
 * words it; paragraphs, not a table, so that every reader sees a title and a list).
 *
 * Paragraphs are collected as options and made at the end, so that a suggestion on a block's
 * opening boundary (a new paragraph break, or one removed) can mark the paragraph mark before it.
 * Under review a block inserted or deleted whole has every run and its paragraph marks revised.
 */
import { AlignmentType, ExternalHyperlink, HeadingLevel, ImageRun, Paragraph, type IParagraphOptions, type NumberingDefinition, type ParagraphChild } from 'docx';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { DEFAULT_READ_ALSO_TITLE } from '../article';
import type { FootnoteIndex } from '../footnotes';
import { isExportableUrl } from '../url';
import type { FigurePicture } from './docx-image';
import { inlineRuns, revised, revisionOf, type InlineContext, type Revision } from './docx-inline';
import type { DocxReview } from './docx-review';
import { BULLETS, LIST_INDENT, orderedList, READ_ALSO_BULLETS, STYLE } from './docx-styles';
import { attrChangeWords, sourceNamer } from './review-notes';

/** A paragraph's options while the document is being written (made into a `Paragraph` at the end). */
export type ParagraphSpec = { -readonly [K in keyof IParagraphOptions]: IParagraphOptions[K] };

/** Where a list item is: its list's numbering, instance and level. */
interface ListPlace {
  readonly reference: string | NumberingDefinition;
  readonly instance: number;
  readonly level: number;
}

const HEADINGS = { 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;

/** `text` with runs of white space made one space, and trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** True for a textblock with nothing to see: no citation, and no text but white space. */
function isBlank(node: PMNode): boolean {
  let blank = true;
  node.forEach((child) => {
    if (child.type.name === 'citation' || (child.isText && (child.text ?? '').trim() !== '')) blank = false;
  });
  return blank;
}

/** Writes blocks into `specs`. */
export class BlockWriter {
  /** The paragraphs written so far, in order. */
  readonly specs: ParagraphSpec[] = [];
  private instances = 0;
  /** The suggestions inserting or deleting the blocks being written, innermost last. */
  private readonly revisions: Revision[] = [];

  constructor(
    private readonly index: FootnoteIndex,
    private readonly review: DocxReview | null,
    private readonly pictures: ReadonlyMap<string, FigurePicture>,
  ) {}

  /** A new list instance: a list numbered on its own. */
  newInstance(): number {
    return ++this.instances;
  }

  /** What the inline writer needs, with the block revision in force. */
  inline(): InlineContext {
    return { index: this.index, review: this.review, block: this.revisions.at(-1) ?? null };
  }

  /** Adds a paragraph of `children` (a textblock `node`'s boundary suggestion marks the paragraph before it). */
  paragraph(spec: ParagraphSpec, node: PMNode | null = null): void {
    if (node && this.review) this.boundary(node.marks);
    const revision = this.revisions.at(-1);
    if (revision && this.review) spec.run = { ...spec.run, [revision.kind]: this.review.stamp(revision.mark) };
    this.specs.push(spec);
  }

  /** A block of the body, with any suggestion inserting or deleting it. */
  block(node: PMNode, quote = false, list: ListPlace | null = null): void {
    this.revising(node, () => this.blockContent(node, quote, list));
  }

  /** Runs `write` with the suggestion inserting or deleting `node` (if any) in force for what it writes. */
  revising(node: PMNode, write: () => void): void {
    const revision = this.review ? revisionOf(node.marks) : null;
    if (revision) this.revisions.push(revision);
    try {
      write();
    } finally {
      if (revision) this.revisions.pop();
    }
  }

  private blockContent(node: PMNode, quote: boolean, list: ListPlace | null): void {
    switch (node.type.name) {
      case 'paragraph':
        if (node.childCount) this.paragraph({ children: inlineRuns(node, this.inline()), ...(quote ? { style: STYLE.quote } : {}), ...this.continued(list) }, node);
        return;
      case 'heading':
        if (!isBlank(node)) this.paragraph({ heading: HEADINGS[node.attrs.level as 2 | 3 | 4], children: inlineRuns(node, this.inline()) }, node);
        return;
      case 'blockquote':
        node.forEach((child) => this.block(child, true, list));
        return;
      case 'bullet_list':
      case 'ordered_list': {
        const reference = node.type.name === 'bullet_list' ? BULLETS : orderedReference(node.attrs.start as number);
        // Word has nine list levels: deeper lists stay at the ninth.
        const place: ListPlace = { reference, instance: this.newInstance(), level: list ? Math.min(8, list.level + 1) : 0 };
        node.forEach((item) => this.listItem(item, place, quote));
        return;
      }
      case 'horizontal_rule':
        this.paragraph({ thematicBreak: true, children: [] });
        return;
      case 'figure':
        this.figure(node);
        return;
      case 'read_also':
        this.readAlso(node);
        return;
      default:
        throw new Error(`Word export does not know the block "${node.type.name}"`);
    }
  }

  /** A list item: its first paragraph numbered, the rest indented under it, nested lists a level down. */
  private listItem(item: PMNode, place: ListPlace, quote: boolean): void {
    this.revising(item, () =>
      item.forEach((child, _offset, i) => {
        if (i > 0 || child.type.name !== 'paragraph') {
          this.block(child, quote, place);
          return;
        }
        const numbering = { reference: place.reference, level: place.level, instance: place.instance };
        this.paragraph({ children: inlineRuns(child, this.inline()), numbering, ...(quote ? { style: STYLE.quote } : {}) }, child);
      }),
    );
  }

  /** A paragraph after the first of a list item: indented as the item's text. */
  private continued(list: ListPlace | null): Partial<ParagraphSpec> {
    return list ? { indent: { left: LIST_INDENT * (list.level + 2) } } : {};
  }

  private figure(node: PMNode): void {
    const src = node.attrs.src as string;
    const alt = collapse(node.attrs.alt as string);
    const picture = this.pictures.get(src);
    const revision = this.revisions.at(-1);
    const stamp = revision && this.review ? { [revision.kind]: this.review.stamp(revision.mark) } : {};
    if (picture) {
      const image = new ImageRun({
        type: picture.type,
        data: picture.data,
        transformation: { width: picture.width, height: picture.height },
        altText: { name: alt || 'Picture', description: alt, title: alt },
        ...stamp,
      });
      this.paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { after: 60 }, children: [image] }, node);
    } else if (!src.startsWith('assets/') && isExportableUrl(src, 'image')) {
      // A picture on the web is never fetched: its address, as a link.
      const link = new ExternalHyperlink({ link: src, children: [revised({ text: alt || src, style: STYLE.hyperlink }, revision ?? null, this.review)] });
      this.paragraph({ style: STYLE.caption, keepNext: true, children: [revised({ text: 'Picture: ' }, revision ?? null, this.review), link] }, node);
    }
    const caption = node.firstChild;
    const credit = collapse(node.attrs.credit as string);
    const children: ParagraphChild[] = caption ? inlineRuns(caption, this.inline()) : [];
    if (credit && children.length) children.push(revised({ text: ' ' }, revision ?? null, this.review));
    if (credit) children.push(revised({ text: credit, style: STYLE.credit }, revision ?? null, this.review));
    if (children.length) this.paragraph({ style: STYLE.caption, children: this.noted(node, children) });
  }

  private readAlso(node: PMNode): void {
    const items: PMNode[] = [];
    node.forEach((item) => {
      if (collapse(item.attrs.title as string) || (item.attrs.url as string).trim()) items.push(item);
    });
    if (!items.length) return;
    const title = collapse(node.attrs.title as string) || DEFAULT_READ_ALSO_TITLE;
    this.paragraph({ style: STYLE.readAlsoTitle, children: [revised({ text: title }, this.inline().block, this.review)] }, node);
    items.forEach((item, i) => {
      this.revising(item, () => {
        const runs = this.noted(item, this.readAlsoRuns(item, this.inline().block));
        // The box is kept on one page (each paragraph kept with the next, but the last).
        const keep = i < items.length - 1 ? { keepNext: true } : {};
        this.paragraph({ style: STYLE.readAlsoItem, numbering: { reference: READ_ALSO_BULLETS, level: 0 }, children: runs, ...keep }, item);
      });
    });
  }

  /** "Kicker: " and the item's title (or its address), linked when the address may be written. */
  private readAlsoRuns(item: PMNode, revision: Revision | null): ParagraphChild[] {
    const itemTitle = collapse(item.attrs.title as string);
    const url = item.attrs.url as string;
    const kicker = collapse(item.attrs.kicker as string);
    const linked = isExportableUrl(url, 'readAlso');
    const runs: ParagraphChild[] = [];
    if (kicker) runs.push(revised({ text: itemTitle || linked ? `${kicker}: ` : kicker }, revision, this.review));
    if (itemTitle || linked) {
      const text = revised({ text: itemTitle || url, ...(linked ? { style: STYLE.hyperlink } : {}) }, revision, this.review);
      runs.push(linked ? new ExternalHyperlink({ link: url, children: [text] }) : text);
    }
    return runs;
  }

  /** `children`, inside a comment saying which fields a suggestion changed on `node` (review only). */
  noted(node: PMNode, children: ParagraphChild[]): ParagraphChild[] {
    const mark = this.review ? node.marks.find((m) => m.type.name === 'attr_change') : undefined;
    if (!mark || !this.review) return children;
    const note = this.review.note(mark, attrChangeWords(mark, node, sourceNamer(this.index.byId)));
    return [...note.start, ...children, ...note.end];
  }

  /** A new paragraph break (`split`) or one removed (`join`) before a block: the paragraph mark before it, inserted or deleted. */
  private boundary(marks: readonly Mark[]): void {
    const previous = this.specs.at(-1);
    const review = this.review;
    if (!previous || !review) return;
    for (const mark of marks) {
      if (mark.type.name === 'split') previous.run = { ...previous.run, insertion: review.stamp(mark) };
      if (mark.type.name === 'join') previous.run = { ...previous.run, deletion: review.stamp(mark) };
    }
  }
}

/** The numbering an ordered list from `start` refers to: the common one from 1, else a definition of its own. */
function orderedReference(start: number): string | NumberingDefinition {
  return start === 1 ? 'ordered' : orderedList(start);
}

/** Makes the paragraphs of `specs`. */
export function paragraphsOf(specs: readonly ParagraphSpec[]): Paragraph[] {
  return specs.map((spec) => new Paragraph(spec));
}

