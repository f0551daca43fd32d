/**
 * How mammoth maps Word's styles to the HTML the HTML importer reads (mammoth's style map
 * syntax). Word's built-in style names and the ones pandoc and LibreOffice write are both listed.
 */
import { CAPTION_CLASS, READ_ALSO_TITLE_CLASS } from './html-prep';

/** The style map given to mammoth (added to its defaults: headings, lists, bold, italic…). */
export const STYLE_MAP: readonly string[] = [
  // The headline (html.ts: the first <h1>).
  "p[style-name='Title'] => h1:fresh",
  // The standfirst (html.ts: a paragraph named like one, before the body).
  "p[style-name='Subtitle'] => p.standfirst:fresh",
  // A byline box (html.ts: <address>), as pandoc writes the author.
  "p[style-name='Author'] => address:fresh",
  // A figure's caption (html-prep.ts), as Word, pandoc and LibreOffice name it.
  // (mammoth compares style names ignoring case: Word's own is "caption".)
  `p[style-name='Caption'] => p.${CAPTION_CLASS}:fresh`,
  `p[style-name='Image Caption'] => p.${CAPTION_CLASS}:fresh`,
  `p[style-name='Figure'] => p.${CAPTION_CLASS}:fresh`,
  `p[style-name='Illustration'] => p.${CAPTION_CLASS}:fresh`,
  // A credit in a run style of its own, within a caption.
  "r[style-name='Credit'] => span.credit",
  // The Word export's "Read also" box (html-prep.ts).
  `p[style-name='Read Also Title'] => p.${READ_ALSO_TITLE_CLASS}:fresh`,
  // Quotes.
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh",
  // Comment references: the comments are read from the package (comments.ts), not from here.
  'comment-reference => !',
];
