/**
 * Word (.docx) import: `importDocx(bytes, options)` makes a draft, its report and the images to
 * write into the draft's assets folder (see README.md, "Word").
 *
 * 1. `openDocx` (package.ts) checks the file as a zip of XML written by someone else; a refusal
 *    (`DocxRefusal`) propagates, and what it took out is listed in `report.dropped`.
 * 2. prepare.ts puts markers where tracked changes and comment ranges are (mammoth keeps none of
 *    them) and accepts the changes in notes; comments.ts reads the comments and their replies.
 * 3. mammoth (1.13, pure JavaScript) turns the package into HTML through style-map.ts, never
 *    reading an external file; its images become assets (images.ts).
 * 4. html-prep.ts parses that HTML and shapes it (figures and captions, the headline, notes
 *    citing the same work, a final references section), and the HTML importer (../html.ts,
 *    `importHtmlDocument`) makes the draft from it, so that the HTML intake policy applies to everything the Word file holds.
 * 5. review-marks.ts turns the markers into suggestions and comment threads.
 */
import { unzipSync, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { importHtmlDocument } from '../html';
import { readComments } from './comments';
import { prepareHtml, REFUSED_IMAGE } from './html-prep';
import { AssetCollector, safeAssetStem } from './images';
import { openDocx } from './package';
import { preparePackage, type PreparedPackage } from './prepare';
import { applyReview } from './review-marks';
import { STYLE_MAP } from './style-map';
import { DocxRefusal, type DocxImportOptions, type DocxImportResult } from './types';

export { DocxRefusal, type DocxImportOptions, type DocxImportResult, type ImportedAsset } from './types';

const plural = (n: number, one: string, many = `${one}s`): string => `${String(n)} ${n === 1 ? one : many}`;

/** mammoth's messages for the report: style names it does not know are not content lost (the text is kept). */
function readerMessages(messages: readonly { type: string; message: string }[]): string[] {
  const out: string[] = [];
  for (const message of messages) {
    if (/^Unrecognised (?:paragraph|run|table|numbering) style|style with ID .* was referenced but not defined/iu.test(message.message)) continue;
    // An external image openDocx emptied (listed by it), and an image whose format images.ts
    // decides by its bytes (and lists if refused): said once already.
    if (/^could not read external image '',|^Image of type .* is unlikely to display/iu.test(message.message)) continue;
    const line = `Word content the reader could not take in: ${message.message.replace(/\s+/gu, ' ').trim().replace(/\.?$/u, '.')}`;
    if (!out.includes(line)) out.push(line);
  }
  return out;
}

/** What the preparation accepted rather than kept, as report notes. */
function acceptedNotes(prepared: PreparedPackage, paragraphMarks: number, unmarked: number): string[] {
  const { formatting, inNotes, other } = prepared.accepted;
  const out: string[] = [];
  if (paragraphMarks) out.push(`${plural(paragraphMarks, 'tracked change')} to paragraph breaks ${paragraphMarks === 1 ? 'was' : 'were'} accepted: the paragraphs stay as the file shows them.`);
  if (formatting) out.push(`${plural(formatting, 'tracked formatting change')} ${formatting === 1 ? 'was' : 'were'} accepted (the draft's suggestions record text changes).`);
  if (inNotes) out.push(`${plural(inNotes, 'tracked change')} in footnotes or endnotes ${inNotes === 1 ? 'was' : 'were'} accepted: notes become sources, which hold no suggestions.`);
  if (other + unmarked) out.push(`${plural(other + unmarked, 'other tracked change')} (in tables' structure, or in text that becomes a field such as a "Read also" item) ${other + unmarked === 1 ? 'was' : 'were'} accepted.`);
  return out;
}

/** mammoth's HTML of the prepared package; a failure of the reader is a `DocxRefusal` ('unreadable'). */
async function readWithMammoth(prepared: PreparedPackage, collector: AssetCollector, fileName: string): Promise<{ value: string; messages: { type: string; message: string }[] }> {
  let refused = 0;
  try {
    return await mammoth.convertToHtml(
      // mammoth's Node entry takes `{ buffer }` and hands it to JSZip, which reads a Uint8Array as
      // well as a Buffer; shared/ has no Buffer type, hence the cast at this one place.
      { buffer: zipSync(prepared.files, { level: 0 }) as unknown as never },
      {
        styleMap: [...STYLE_MAP],
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async (image) => {
          const src = collector.add(new Uint8Array(await image.readAsArrayBuffer()), image.contentType);
          return { src: src ?? `${REFUSED_IMAGE}${String(refused++)}` };
        }),
      },
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\s+/gu, ' ').slice(0, 200) : 'an unknown error';
    throw new DocxRefusal('unreadable', `${fileName} could not be read as a Word document (${reason}): open it in Word, save it again as .docx and import that.`);
  }
}

/** Imports a Word file (see the module comment). Throws `DocxRefusal` for a file it will not read. */
export async function importDocx(bytes: Uint8Array, options: DocxImportOptions): Promise<DocxImportResult> {
  const pkg = await openDocx(bytes, options.fileName);
  const files = unzipSync(pkg.zip);
  const prepared = preparePackage(files);
  const comments = readComments(files);
  const collector = new AssetCollector(safeAssetStem(options.assetStem));
  const converted = await readWithMammoth(prepared, collector, options.fileName);
  const shaped = prepareHtml(converted.value);
  const { draft, report } = importHtmlDocument(shaped.document, options);
  const now = options.now ?? new Date();
  const review = applyReview(draft.doc, prepared.changes, comments, now);

  const used = new Set<string>();
  review.doc.descendants((node) => {
    if (node.type.name === 'figure') used.add(node.attrs.src as string);
    return node.type.name !== 'sources';
  });
  const assets = collector.assets.filter((asset) => used.has(asset.src));
  const unplaced = collector.assets.length - assets.length;

  const notes = report.notes.map((note) => (note.startsWith('The HTML has no <h1>') ? 'The Word file has no Title-style paragraph and no heading, so the headline is empty.' : note));
  notes.push(...shaped.notes);
  if (review.suggestions) notes.push(`${plural(review.suggestions, 'tracked change')} became ${review.suggestions === 1 ? 'a suggestion' : 'suggestions'}, with ${review.suggestions === 1 ? 'its author and date' : 'their authors and dates'}.`);
  notes.push(...acceptedNotes(prepared, review.acceptedBreaks, review.acceptedInline));
  if (review.threads) notes.push(`${plural(comments.length, 'Word comment')} became ${plural(review.threads, 'review thread')} (replies as later messages).`);
  const detached = comments.filter((comment) => comment.parent === null && !prepared.rangedComments.has(comment.id)).length;
  if (detached) notes.push(`${plural(detached, 'comment')} without a range in the text (or in a note) ${detached === 1 ? 'is a thread' : 'are threads'} without a place in the text.`);

  const dropped = [...pkg.dropped, ...prepared.unsupported, ...report.dropped, ...collector.refused, ...readerMessages(converted.messages)];
  if (unplaced) dropped.push(`${plural(unplaced, 'image')} inside text that the draft cannot hold as a figure (in a heading, a table or a note).`);
  if (prepared.strayCharacters) dropped.push(`${plural(prepared.strayCharacters, 'private-use character')} of the text (invisible, and what the import marks changes with).`);
  return {
    draft: { ...draft, doc: review.doc },
    report: { ...report, dropped, notes },
    assets,
  };
}
