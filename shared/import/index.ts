/**
 * The one import code path of Copydesk, shared by the command line (`copydesk import`), the main
 * process (File > Import) and the renderer (the paste offer): pure TypeScript over text, with no
 * Node, DOM or Electron API, so the same functions run everywhere.
 *
 * - `importText` (text.ts): plain text in the seed article's style;
 * - `importMarkdown` (markdown.ts): GitHub-flavoured Markdown with pandoc-style footnotes;
 * - `importHtml` (html.ts): HTML from news sites, CMSs and the clipboard, sanitised by construction;
 * - `importAuto`: one of them, by kind or by a look at the text;
 * - a Word file is bytes, not text: `importDocx` (docx/index.ts) reads it; `kindFromFileName`
 *   names it `docx` (a macro-enabled `.docm` too, so that the Word reader refuses it by name);
 * - `withAssetStem` (asset-stem.ts): an import's images moved to the folder of the draft's name;
 * - `toPasteContent` (paste.ts): an import as content to paste into an open draft.
 * Each returns the draft and a report (types.ts): the sources, citations and "Read also" items
 * recognised, what was left out (`dropped`) and what was decided (`notes`). See README.md for
 * the decisions and their reasons.
 */
import { importHtml } from './html';
import { importMarkdown } from './markdown';
import { importText } from './text';
import { type ImportKind, type ImportOptions, type ImportResult } from './types';

export { importHtml } from './html';
export { importMarkdown } from './markdown';
export { importText } from './text';
export { toPasteContent } from './paste';
export { withAssetStem } from './asset-stem';
export { IMPORT_KINDS, type ImportKind, type ImportOptions, type ImportReport, type ImportResult, type TextImportKind } from './types';

/** The largest text an import reads (characters): 64 MiB, far above a 100,000-word article. */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;

const EXTENSIONS: Record<string, ImportKind> = {
  txt: 'text',
  text: 'text',
  md: 'md',
  markdown: 'md',
  mdown: 'md',
  mkd: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  // Refused by the Word reader with its own message (macros), rather than as an unknown format.
  docm: 'docx',
};

/** The kind of a file by its name's extension (`story.md` → `md`), or null for an unknown one. */
export function kindFromFileName(name: string): ImportKind | null {
  const match = /\.([A-Za-z0-9]+)$/u.exec(name);
  return match ? (EXTENSIONS[(match[1] ?? '').toLowerCase()] ?? null) : null;
}

/**
 * The kind text looks like, for pasted text or a file without extension: HTML when it starts
 * with a tag (or a doctype), Markdown when it has a `#` heading, a footnote (`[^1]`) or a link
 * (`](`), plain text otherwise.
 */
export function sniffKind(text: string): ImportKind {
  const start = text.trimStart().slice(0, 512).toLowerCase();
  if (/^<(?:!doctype|html|head|body|article|main|div|section|p|h[1-6]|meta|ul|ol|table|span|!--)[\s>]/u.test(start)) return 'html';
  if (/^#{1,6} \S/mu.test(text) || /\[\^[^\]\s]+\]/u.test(text) || /\]\([^)\s]+\)/u.test(text)) return 'md';
  return 'text';
}

/**
 * Imports `text` as `kind` (or as what it looks like, see `sniffKind`). Throws RangeError for a
 * text over MAX_IMPORT_CHARS, and TypeError for `docx` (a Word file is bytes: `importDocx`).
 */
export function importAuto(text: string, kind: ImportKind | 'auto' = 'auto', options: ImportOptions = {}): ImportResult {
  if (kind === 'docx') throw new TypeError('A Word file (.docx) is not text: read its bytes with importDocx (shared/import/docx), not importAuto.');
  if (text.length > MAX_IMPORT_CHARS) throw new RangeError(`The text is too large to import (${String(text.length)} characters; the limit is ${String(MAX_IMPORT_CHARS)}).`);
  const chosen = kind === 'auto' ? sniffKind(text) : kind;
  if (chosen === 'html') return importHtml(text, options);
  if (chosen === 'md') return importMarkdown(text, options);
  return importText(text, options);
}
