/**
 * The inline content of the Word export: text with its bold, italics and links (a run of text
 * under one link is one Word hyperlink), line breaks, and citations.
 *
 * A citation is a Word footnote of its own holding the full text of the source it cites, in the
 * citation style every export uses (shared/sources/style.ts): a source cited six times is six
 * footnotes with the same text, so that a reader sees at every citation which source it is (the
 * article's numbers are kept by the "Sources" list the writer adds at the end). A citation of a
 * missing source is `[?]`, as in the HTML export.
 *
 * Under review, a suggested insertion or deletion (the text's own mark, or the block's around it)
 * is a Word revision (`w:ins`/`w:del`) with its author and time, citations included; changed
 * formatting is a run property change (`w:rPrChange`) holding the formatting it had; a changed
 * citation is its old footnote deleted and the new one inserted; comment marks open and close the
 * ranges of their threads' Word comments.
 */
import { DeletedTextRun, ExternalHyperlink, FootnoteReferenceRun, InsertedTextRun, Paragraph, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import type { FootnoteIndex } from '../footnotes';
import { sourceParts } from '../sources/style';
import { isExportableUrl } from '../url';
import type { DocxReview } from './docx-review';
import { STYLE } from './docx-styles';

/** A suggestion that inserts or deletes what is being written. */
export interface Revision {
  readonly kind: 'insertion' | 'deletion';
  readonly mark: Mark;
}

/** What the inline writer needs to know. */
export interface InlineContext {
  readonly index: FootnoteIndex;
  /** The review, when it is written. */
  readonly review: DocxReview | null;
  /** The suggestion inserting or deleting the block being written, if any. */
  readonly block: Revision | null;
}

/** The insertion or deletion among `marks`, if any. */
export function revisionOf(marks: readonly Mark[]): Revision | null {
  const mark = marks.find((m) => m.type.name === 'insertion' || m.type.name === 'deletion');
  return mark ? { kind: mark.type.name as Revision['kind'], mark } : null;
}

/** The paragraph children of a source's text in the citation style, its URL a hyperlink; `run` makes each run (a revised one, under review). */
export function sourceRuns(source: PMNode, run: (options: IRunOptions) => ParagraphChild = (options) => new TextRun(options)): ParagraphChild[] {
  return sourceParts(source).map((part) =>
    part.kind === 'url' ? new ExternalHyperlink({ link: part.text, children: [run({ text: part.text, style: STYLE.hyperlink })] }) : run({ text: part.text }),
  );
}

/** A run (or runs) under `revision` when it is set, written by `review`. */
export function revised(options: IRunOptions, revision: Revision | null, review: DocxReview | null): ParagraphChild {
  if (!revision || !review) return new TextRun(options);
  const stamp = review.stamp(revision.mark);
  return revision.kind === 'insertion' ? new InsertedTextRun({ ...options, ...stamp }) : new DeletedTextRun({ ...options, ...stamp });
}

/** The link a node is written under: an exportable http(s) or mailto address (a citation is never linked). */
function linkOf(node: PMNode): string | null {
  if (node.type.name === 'citation') return null;
  const href = node.marks.find((mark) => mark.type.name === 'link')?.attrs.href as string | undefined;
  return href !== undefined && !href.startsWith('#') && isExportableUrl(href, 'link') ? href : null;
}

const has = (marks: readonly Mark[], name: string): boolean => marks.some((mark) => mark.type.name === name);

/** What stands between two footnote references in a row (superscript). */
export const CITATION_SEPARATOR = ',';

/** The inline content of textblock `node` as paragraph children. */
export function inlineRuns(node: PMNode, ctx: InlineContext): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  // The hyperlink being filled: consecutive nodes under one link are one Word hyperlink.
  const group: { href: string | null; children: ParagraphChild[] } = { href: null, children: [] };
  const flush = (): void => {
    if (group.href !== null) out.push(new ExternalHyperlink({ link: group.href, children: group.children }));
    group.href = null;
    group.children = [];
  };
  node.forEach((child, _offset, index) => {
    // Citations side by side are "¹,²", not "¹²", which reads as note twelve.
    if (child.type.name === 'citation' && index > 0 && node.child(index - 1).type.name === 'citation') {
      const revision = ctx.review ? (revisionOf(child.marks) ?? ctx.block) : null;
      out.push(revised({ text: CITATION_SEPARATOR, superScript: true }, revision, ctx.review));
    }
    const opening = ctx.review?.opening(child) ?? [];
    if (opening.length) {
      flush();
      out.push(...opening);
    }
    const href = linkOf(child);
    if (href !== group.href) {
      flush();
      group.href = href;
    }
    (href === null ? out : group.children).push(...childRuns(child, href !== null, ctx));
    const closing = ctx.review?.closing(child) ?? [];
    if (closing.length) {
      flush();
      out.push(...closing);
    }
  });
  flush();
  return out;
}

/** The runs of one inline node. */
function childRuns(child: PMNode, linked: boolean, ctx: InlineContext): ParagraphChild[] {
  const review = ctx.review;
  const revision = review ? (revisionOf(child.marks) ?? ctx.block) : null;
  if (child.type.name === 'citation') return citationRuns(child, revision, ctx);
  const options: IRunOptions = {
    bold: has(child.marks, 'strong') || undefined,
    italics: has(child.marks, 'em') || undefined,
    ...(linked ? { style: STYLE.hyperlink } : {}),
    ...(child.type.name === 'hard_break' ? { break: 1 } : { text: child.text ?? '' }),
    ...formatChange(child.marks, review),
  };
  return [revised(options, revision, review)];
}

/** The run property change of a `format_change`: the formatting the text had before. */
function formatChange(marks: readonly Mark[], review: DocxReview | null): Pick<IRunOptions, 'revision'> {
  const mark = review ? marks.find((m) => m.type.name === 'format_change') : undefined;
  if (!mark || !review) return {};
  const before = mark.attrs.before as readonly { readonly type: string }[];
  // Explicit values (bold off too): Word requires the earlier formatting to hold something.
  const had = (type: string): boolean => before.some((m) => m.type === type);
  return { revision: { ...review.stamp(mark), bold: had('strong'), italics: had('em') } };
}

/** A footnote holding the text of source `id`, or `[?]` for a missing source. */
function footnote(id: string, ctx: InlineContext, revision: Revision | null): ParagraphChild {
  const entry = ctx.index.byId.get(id);
  if (!entry) return revised({ text: '[?]', superScript: true }, revision, ctx.review);
  const run = new FootnoteReferenceRun({ children: [new Paragraph({ style: 'FootnoteText', children: [new TextRun(' '), ...sourceRuns(entry.node)] })] });
  return revision ? revised({ children: [run] }, revision, ctx.review) : run;
}

function citationRuns(node: PMNode, revision: Revision | null, ctx: InlineContext): ParagraphChild[] {
  const id = node.attrs.source as string;
  const changed = ctx.review ? node.marks.find((m) => m.type.name === 'attr_change') : undefined;
  const before = (changed?.attrs.before as { source?: unknown } | undefined)?.source;
  if (changed && revision === null && typeof before === 'string' && before !== id) {
    // Another source suggested for this citation: the old footnote deleted, the new one inserted.
    return [footnote(before, ctx, { kind: 'deletion', mark: changed }), footnote(id, ctx, { kind: 'insertion', mark: changed })];
  }
  return [footnote(id, ctx, revision)];
}
