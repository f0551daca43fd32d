/**
 * What every importer returns: the draft, and a report of what it recognised and what it left
 * out, so that the user sees every decision the importer took on their text.
 */
import type { Draft } from '../draft/format';

/** The formats the importers read: text ones (`importAuto`), and Word (`importDocx`, from bytes). */
export const IMPORT_KINDS = ['text', 'md', 'html', 'docx'] as const;

/** One of the formats the importers read. */
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Each format's name for people ("Imported story.docx (Word)"): the command line's report and the app's. */
export const IMPORT_KIND_NAMES: Readonly<Record<ImportKind, string>> = { text: 'plain text', md: 'Markdown', html: 'HTML', docx: 'Word' };

/** The largest Word file an import reads, in bytes: 64 MB (openDocx's `DOCX_LIMITS.fileBytes` is this); the largest file dropped on the library too. */
export const MAX_DOCX_FILE_BYTES = 64 * 1024 * 1024;

/** The formats read as text (`importAuto`); a Word file is bytes (shared/import/docx). */
export type TextImportKind = Exclude<ImportKind, 'docx'>;

/** What an import recognised and decided. */
export interface ImportReport {
  /** Sources in the draft (defined ones, and empty ones standing for missing definitions). */
  readonly sources: number;
  /** Citations in the draft. */
  readonly citations: number;
  /** Items of all "Read also" blocks together. */
  readonly readAlsoItems: number;
  /** The authors read from a byline (the draft's `meta.authors`). */
  readonly authors: readonly string[];
  /** Everything of the input that is not in the draft, one sentence each (page chrome, unsafe URLs, scripts…). */
  readonly dropped: readonly string[];
  /** Decisions worth knowing about (a figure without picture, merged sources, tables flattened…). */
  readonly notes: readonly string[];
}

/** A draft made from imported text, with its report. */
export interface ImportResult {
  readonly draft: Draft;
  readonly report: ImportReport;
}

/** Options of the importers. */
export interface ImportOptions {
  /** The draft's creation time (default: now). */
  readonly now?: Date;
}
