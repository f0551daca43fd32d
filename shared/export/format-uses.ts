/**
 * What the consumers of the export formats read off the table in formats.ts: the names, the one
 * entry of a name, the suggested file name, the save dialog, the menu items, the Preview panel's
 * buttons and the words that list the formats ("HTML or Markdown"). Each reads the table when it
 * is called, never a copy of it.
 */
import type { Draft } from '../draft/format';
import type { MenuCommand } from '../ipc/channels';
import { finalDoc, hasReview } from '../review/resolve';
import { EXPORT_FORMATS, type ExportFormat, type ExportFormatSpec, type ExportWriteOptions } from './formats';

/** The formats, typed as the table's entries. */
export function exportFormats(): readonly ExportFormatSpec[] {
  return EXPORT_FORMATS;
}

/** Every format's name, in table order. */
export function exportFormatNames(): ExportFormat[] {
  return EXPORT_FORMATS.map((format) => format.name);
}

/** The entry of format `name`, or undefined when there is none. */
export function findExportFormat(name: unknown): ExportFormatSpec | undefined {
  return exportFormats().find((format) => format.name === name);
}

/** The entry of format `name` (a name the validator accepted); throws when there is none. */
export function exportFormat(name: ExportFormat): ExportFormatSpec {
  const format = findExportFormat(name);
  if (format === undefined) throw new RangeError(`no export format '${String(name)}'`);
  return format;
}

/** "a", "a or b", "a, b or c". */
export function joinOr(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
}

/** The formats for people: "HTML or Markdown". */
export function exportLabels(): string {
  return joinOr(exportFormats().map((format) => format.label));
}

/** The file name an export of draft `name` suggests: the draft's name with the format's extension. */
export function exportFileName(name: string, format: ExportFormat, fragment = false): string {
  const stem = name.replace(/\.copydesk$/u, '');
  return `${stem}${fragment ? '.fragment' : ''}.${exportFormat(format).extensions[0]}`;
}

/** A save dialog's file filter. */
export interface FileFilter {
  readonly name: string;
  readonly extensions: string[];
}

/** The save dialog of an export: its title and file filters. */
export function exportDialog(format: ExportFormat): { readonly title: string; readonly filters: FileFilter[] } {
  const spec = exportFormat(format);
  return { title: `Export as ${spec.label}`, filters: [{ name: spec.label, extensions: [...spec.extensions] }] };
}

/** The File menu's export items, in table order, with their shortcuts (the command table lists them from here). */
export function exportMenuItems(): { readonly label: string; readonly command: MenuCommand; readonly keys?: readonly string[] }[] {
  const formats: readonly (ExportFormatSpec & { readonly menuCommand: MenuCommand })[] = EXPORT_FORMATS;
  return formats.map((format) => ({ label: `Export as ${format.label}…`, command: format.menuCommand, ...(format.keys ? { keys: format.keys } : {}) }));
}

/** What the renderer does for each export menu command: export in that format. */
export function exportMenuHandlers(run: (format: ExportFormat) => void): Partial<Record<MenuCommand, () => void>> {
  return Object.fromEntries(exportFormats().map((format) => [format.menuCommand, () => run(format.name as ExportFormat)]));
}

/** One export button of the Preview panel. */
export interface ExportButton {
  readonly label: string;
  readonly format: ExportFormat;
  readonly fragment: boolean;
}

/** The Preview panel's export buttons: each format, then its fragment when it has one. */
export function exportButtons(): ExportButton[] {
  return exportFormats().flatMap((format) => {
    const name = format.name as ExportFormat;
    const whole: ExportButton = { label: `Export ${format.label}…`, format: name, fragment: false };
    return format.fragment === null ? [whole] : [whole, { label: `Export ${format.label} fragment…`, format: name, fragment: true }];
  });
}

/**
 * The draft an export writes: by default the text as it would read with every suggestion
 * accepted and no comment (`finalDoc`); the draft as it is when `review` is asked for. Every
 * export (the CLI, the app's export service, the Preview panel) goes through here.
 */
export function exportedDraft(draft: Draft, review = false): Draft {
  if (review || !hasReview(draft.doc)) return draft;
  return { meta: draft.meta, doc: finalDoc(draft.doc) };
}

/** Runs `spec`'s writer on `draft` as `exportedDraft` gives it. */
export function renderExport(spec: ExportFormatSpec, draft: Draft, options: ExportWriteOptions): Promise<string | Uint8Array> {
  const review = options.review === true;
  return spec.write(exportedDraft(draft, review), {
    fragment: options.fragment,
    ...(review ? { review } : {}),
    ...(options.readAsset ? { readAsset: options.readAsset } : {}),
  });
}
