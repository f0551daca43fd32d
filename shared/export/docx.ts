/**
 * The Word export: a draft as a .docx file, written with the `docx` library, returned as bytes
 * (no Node Buffer: shared/ runs anywhere).
 *
 * The article: the headline (Word's Title style), the byline when the draft names its authors
 * (as the HTML export writes it), the standfirst (Subtitle), then the body (docx-blocks.ts:
 * headings, paragraphs, quotes, lists, figures with their picture, caption and credit, "Read
 * also" boxes), and at the end the sources.
 *
 * Sources. Word footnotes belong to one place each, while a Copydesk source is cited many times.
 * Each citation is a Word footnote of its own holding the full text of the source cited there, the
 * same text at every citation of the source: a reader sees at every citation which source it is,
 * without following a cross-reference (which pandoc, LibreOffice and Google Docs do not all keep),
 * and a reader of the file back (Copydesk's import) merges notes of identical text into one
 * source. Word numbers footnotes one by one, so the article's own numbers ([1] for the source cited
 * first…) are kept by a "Sources" heading (Heading 2) and a numbered list of the cited sources in
 * number order, each in the same text, as the HTML export lists them at the end.
 *
 * Pictures come only from the draft's assets folder, through `readAsset`; a picture on the web is
 * never fetched (its address is written as a link). With `review`, suggestions are Word tracked
 * changes and threads Word comments (docx-inline.ts, docx-review.ts).
 */
import { Document, HeadingLevel, Packer, TextRun, type NumberingDefinition } from 'docx';
import type { Node as PMNode } from 'prosemirror-model';
import { bodyRange, exportedSources, headlineOf, standfirstOf } from '../article';
import { bylineText } from '../byline';
import type { Draft } from '../draft/format';
import { indexFootnotes } from '../footnotes';
import { acceptedText } from '../review/accepted';
import { BlockWriter, collapse, paragraphsOf } from './docx-blocks';
import { figurePicture, type FigurePicture } from './docx-image';
import { inlineRuns, revised, sourceRuns } from './docx-inline';
import { DocxReview } from './docx-review';
import { DOCX_NUMBERING, DOCX_STYLES, orderedList, STYLE } from './docx-styles';
import type { ExportWriteOptions } from './formats';

/** Options of `exportDocx`. */
export interface DocxExportOptions {
  /** Write the review: suggestions as tracked changes, threads as comments. */
  readonly review?: boolean;
  /** Reads a picture of the draft's assets folder (see `ExportWriteOptions.readAsset`). */
  readonly readAsset?: ExportWriteOptions['readAsset'];
}

/** One inch, in twips: the page margins. */
const INCH = 1440;

/** The draft as the bytes of a Word (.docx) file. */
export async function exportDocx(draft: Draft, options: DocxExportOptions = {}): Promise<Uint8Array> {
  const { doc } = draft;
  const review = options.review === true ? new DocxReview(doc) : null;
  const index = indexFootnotes(doc);
  const writer = new BlockWriter(index, review, await readPictures(doc, options.readAsset));

  const headline = headlineOf(doc);
  const headlineText = collapse(review ? acceptedText(headline) : headline.textContent);
  // Threads whose text is all gone are anchored on the headline, where a reader starts.
  const detached = review?.detached() ?? [];
  if (headline.childCount || detached.length) writer.paragraph({ heading: HeadingLevel.TITLE, children: [...detached, ...inlineRuns(headline, writer.inline())] }, headline);
  const byline = bylineText(draft.meta.authors);
  if (byline) writer.paragraph({ style: STYLE.byline, children: [new TextRun(byline)] });
  const standfirst = standfirstOf(doc);
  if (standfirst.childCount) writer.paragraph({ style: STYLE.subtitle, children: inlineRuns(standfirst, writer.inline()) }, standfirst);

  const body = bodyRange(doc);
  for (let i = body.startIndex; i < body.endIndex; i++) writer.block(doc.child(i));
  sources(writer, index, review);
  const leftover = review?.leftover() ?? [];
  if (leftover.length) {
    const last = writer.specs.at(-1);
    if (last) last.children = [...(last.children ?? []), ...leftover];
    else writer.paragraph({ children: leftover });
  }

  const document = new Document({
    title: headlineText,
    creator: draft.meta.authors.map(collapse).filter(Boolean).join(', ') || 'Copydesk',
    lastModifiedBy: 'Copydesk',
    description: collapse(review ? acceptedText(standfirst) : standfirst.textContent),
    styles: DOCX_STYLES,
    numbering: { config: DOCX_NUMBERING },
    ...(review?.comments.length ? { comments: { children: review.comments } } : {}),
    sections: [{ properties: { page: { margin: { top: INCH, bottom: INCH, left: INCH, right: INCH } } }, children: paragraphsOf(writer.specs) }],
  });
  return Packer.pack(document, 'uint8array');
}

/** The "Sources" heading and the cited sources, numbered as in the article (a number a missing source takes is skipped). */
function sources(writer: BlockWriter, index: ReturnType<typeof indexFootnotes>, review: DocxReview | null): void {
  const cited = exportedSources(index);
  if (!cited.length) return;
  writer.paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Sources')] });
  let next: number | null = null;
  let list: { readonly reference: NumberingDefinition; readonly instance: number } | null = null;
  for (const entry of cited) {
    const number = entry.number ?? 0;
    // A list of its own where the numbers jump (past the number a missing source took), from the source's number.
    if (list === null || number !== next) list = { reference: orderedList(number), instance: writer.newInstance() };
    next = number + 1;
    const numbering = { reference: list.reference, level: 0, instance: list.instance };
    writer.revising(entry.node, () => {
      const block = writer.inline().block;
      const runs = sourceRuns(entry.node, (run) => revised(run, block, review));
      writer.paragraph({ children: writer.noted(entry.node, runs), numbering });
    });
  }
}

/** The pictures of the draft's figures, by `src`: only those in its assets, read through `readAsset`. */
async function readPictures(doc: PMNode, readAsset: DocxExportOptions['readAsset']): Promise<Map<string, FigurePicture>> {
  const srcs = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name === 'figure') srcs.add(node.attrs.src as string);
    return node.isBlock && !node.isTextblock;
  });
  const pictures = new Map<string, FigurePicture>();
  for (const src of srcs) {
    const picture = await figurePicture(src, readAsset);
    if (picture) pictures.set(src, picture);
  }
  return pictures;
}
