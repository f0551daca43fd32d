/**
 * The export formats: one entry per format, and nothing else. Everything that names, offers,
 * checks or writes an export reads this table (through format-uses.ts): the channel map's
 * `ExportFormat`, the `export.write` request validator, `copydesk export --to` (its help and its
 * messages), the save dialog's title and filters, the suggested file name, the File menu's export
 * items, the Preview panel's buttons and the export service. Adding a format is adding an entry
 * here (tests/unit/export-formats-registry.test.ts adds one and watches every consumer take it).
 *
 * Writers are loaded on demand (a dynamic import), so that what only offers the formats (the
 * renderer's buttons, `copydesk check`) does not load every writer. A writer gives text (written
 * as UTF-8) or bytes, as its entry's `output` says.
 *
 * Writers are called through `renderExport` (format-uses.ts), which gives them the draft as it
 * would read with every suggestion accepted unless the review was asked for.
 */
import type { Draft } from '../draft/format';

/** What a writer is asked for besides the draft. */
export interface ExportWriteOptions {
  /** Only the article, without the page around it (formats whose `fragment` is not null). */
  readonly fragment: boolean;
  /**
   * Show the review (suggestions as insertions and deletions, comments with their threads). The
   * draft a writer is given has then not been through `finalDoc`; without it, it has (see
   * `renderExport` in format-uses.ts), and the writer never sees a review mark.
   */
  readonly review?: boolean;
  /**
   * Reads an image of the draft's `assets/` folder by its `src` as the draft holds it
   * (`assets/<draft>/<file>`), or null when there is none (or it may not be read). Formats that
   * embed pictures (Word) ask it; without it, or on null, they write the caption without the
   * picture. Never given a web address: no writer fetches anything.
   */
  readonly readAsset?: (src: string) => Promise<Uint8Array | null>;
}

interface FormatBase {
  /** The format's name on the wire and on the command line (`--to html`). */
  readonly name: string;
  /** Its name for people: "Export as HTML…", "Export HTML…", the save dialog's filter. */
  readonly label: string;
  /**
   * The file extensions (no dot) the save dialog's filter shows; the first is the one of the
   * suggested file name ("story.html", "story.fragment.html").
   */
  readonly extensions: readonly [string, ...string[]];
  /** What the format is, for `copydesk export --help` ("standalone HTML"). */
  readonly description: string;
  /** The fragment variant (`--fragment`, "Export HTML fragment…"), when the format has one: what it holds. */
  readonly fragment: { readonly description: string } | null;
  /** The File menu's command that exports in this format (the renderer carries it out); it joins `MENU_COMMANDS`. */
  readonly menuCommand: `export-${string}`;
  /** That menu item's shortcut, in the command table's notation (shared/commands.ts); none when absent. */
  readonly keys?: readonly string[];
}

/** A format written as text (UTF-8). */
export interface TextExportFormat extends FormatBase {
  readonly output: 'text';
  readonly write: (draft: Draft, options: ExportWriteOptions) => Promise<string>;
}

/** A format written as bytes. */
export interface BytesExportFormat extends FormatBase {
  readonly output: 'bytes';
  readonly write: (draft: Draft, options: ExportWriteOptions) => Promise<Uint8Array>;
}

/** One export format. */
export type ExportFormatSpec = TextExportFormat | BytesExportFormat;

/** The export formats, in the order they are offered (menu, buttons, help). */
export const EXPORT_FORMATS = [
  {
    name: 'html',
    label: 'HTML',
    extensions: ['html', 'htm'],
    description: 'standalone HTML',
    fragment: { description: 'just the <article>, for pasting into a CMS' },
    menuCommand: 'export-html',
    keys: ['Mod-e'],
    output: 'text',
    write: async (draft, options) => (await import('./html')).exportHtml(draft, { fragment: options.fragment, review: options.review === true }),
  },
  {
    name: 'md',
    label: 'Markdown',
    extensions: ['md', 'markdown'],
    description: 'GitHub-flavoured Markdown',
    fragment: null,
    menuCommand: 'export-markdown',
    keys: ['Mod-Shift-e'],
    output: 'text',
    write: async (draft, options) => (await import('./markdown')).exportMarkdown(draft, { review: options.review === true }),
  },
  {
    name: 'docx',
    label: 'Word',
    extensions: ['docx'],
    description: 'Word document',
    fragment: null,
    menuCommand: 'export-docx',
    output: 'bytes',
    write: async (draft, options) =>
      (await import('./docx')).exportDocx(draft, { review: options.review === true, ...(options.readAsset ? { readAsset: options.readAsset } : {}) }),
  },
] as const satisfies readonly ExportFormatSpec[];

/** An export format's name: 'html' | 'md' | 'docx'. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number]['name'];
