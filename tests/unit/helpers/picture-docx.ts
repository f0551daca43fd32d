/**
 * A Word file with a picture (the `docx` package): a title, a paragraph with a footnote, and a
 * PNG with a caption line, for the tests of where an import puts a Word file's images.
 */
import { Document, FootnoteReferenceRun, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';

/** A 1×1 PNG (the bytes the import must copy as they are). */
export const TINY_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

/** The picture document's text. */
export const PICTURE_DOCX_TEXT = { headline: 'Harbour cranes return', body: 'Two cranes arrived on Tuesday.', note: 'Port authority, press release, 4 March 2025.' } as const;

/** A .docx with a title, a footnoted paragraph and `TINY_PNG` inline. */
export async function pictureDocx(): Promise<Uint8Array> {
  const document = new Document({
    footnotes: { 1: { children: [new Paragraph(PICTURE_DOCX_TEXT.note)] } },
    sections: [
      {
        children: [
          new Paragraph({ text: PICTURE_DOCX_TEXT.headline, heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun(PICTURE_DOCX_TEXT.body), new FootnoteReferenceRun(1)] }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: TINY_PNG, transformation: { width: 40, height: 40 }, altText: { name: 'Cranes', description: 'Two cranes', title: 'Cranes' } })] }),
          new Paragraph({ children: [new TextRun('The cranes at dawn.')] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
