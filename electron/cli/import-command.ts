/**
 * `copydesk import <file> [-o draft.copydesk] [--from text|md|html|docx] [--force]`: a draft made
 * by the shared importers (shared/import/), written through the atomic writer (`writeDraftFile`).
 *
 * - The format comes from `--from`, else from the extension (`.txt`, `.md`, `.html`, `.docx`…);
 *   an unknown extension is a usage error that names `--from`.
 * - A Word file is read as bytes (`importDocx`); a file it refuses (too large, a zip bomb,
 *   macros, a DTD…: `DocxRefusal`) is one message and nothing is written. Its images go to
 *   `<output's folder>/assets/<draft stem>/`, never over a file (electron/services/assets.ts's
 *   `writeAssetFiles`), before the draft; if the draft cannot be written they are removed.
 * - The input is read as UTF-8 (strictly: a stray Latin-1 byte is an error, never a U+FFFD in
 *   the draft). An HTML file that declares another charset (`<meta charset=…>`) is decoded in it.
 *   The reading is shared with File > Import in the app (electron/node/read-import-file.ts).
 * - Without `-o` the draft goes beside the input as `<basename>.copydesk`. An existing output is
 *   never written over unless `--force` is given, and never when it is the input itself, nor one
 *   that appears while the import runs (the write is put in place only if the name is still
 *   free). An output that is a symbolic link, a pipe, a device or a folder is refused even with
 *   `--force`. `-o -` writes the draft's JSON to standard output.
 * - What the import recognised, left out and decided, and the draft's problems, are printed on
 *   standard output, or on standard error when the draft itself goes to standard output. The
 *   exit status is 0 when the draft was written, whatever its problems (`copydesk check` judges
 *   those).
 */
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { headlineText } from '../../shared/article';
import { serializeDraft } from '../../shared/draft/format';
import { importDocx } from '../../shared/import/docx/index';
import { DocxRefusal, type DocxImportResult } from '../../shared/import/docx/types';
import { importAuto, kindFromFileName, MAX_IMPORT_CHARS } from '../../shared/import/index';
import { IMPORT_KIND_NAMES, MAX_DOCX_FILE_BYTES, type ImportKind, type ImportReport, type ImportResult } from '../../shared/import/types';
import { findProblems } from '../../shared/problems';
import { DraftFileError, describeFileError, writeDraftFile } from '../node/draft-file';
import { specialFileType } from '../node/read-regular-file';
import { ImportFileError, readImportBytes, readImportFile } from '../node/read-import-file';
import { draftStem, removeAssetFiles, writeAssetFiles, type WrittenAssets } from '../services/assets';
import { ServiceError } from '../services/errors';
import type { Output } from './commands';
import { EXIT, InputError, UsageError } from './errors';
import { terminalSafe } from './terminal-text';

const stderr: Output = { write: (text) => void process.stderr.write(text) };

const plural = (n: number, word: string): string => `${String(n)} ${word}${n === 1 ? '' : 's'}`;
const oneLine = (text: string): string => text.replace(/\s*\n\s*/gu, ' ').trim();
// A line of the report that quotes the imported file or the draft made from it.
const quote = (text: string): string => terminalSafe(oneLine(text));

/** The input's text (electron/node/read-import-file.ts: strict UTF-8, an HTML file's declared charset honoured). */
async function readInput(file: string, kind: ImportKind): Promise<string> {
  try {
    return await readImportFile(file, kind, { maxBytes: MAX_IMPORT_CHARS * 4, allowSpecial: true });
  } catch (error) {
    throw error instanceof ImportFileError ? new InputError(error.message) : error;
  }
}

/** A Word file's draft, report and images, its images under `assets/<stem>/`; a refused file is an `InputError` (nothing written). */
async function importWord(file: string, stem: string): Promise<DocxImportResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readImportBytes(file, { maxBytes: MAX_DOCX_FILE_BYTES, allowSpecial: true });
  } catch (error) {
    throw error instanceof ImportFileError ? new InputError(`${error.message} Nothing was written.`) : error;
  }
  try {
    return await importDocx(bytes, { fileName: path.basename(file), assetStem: stem });
  } catch (error) {
    if (error instanceof DocxRefusal) throw new InputError(`${oneLine(error.message)} Nothing was written.`);
    throw error;
  }
}

/** What is at `file` (the link itself when `link`), or null. */
async function exists(file: string, link: boolean): Promise<Stats | null> {
  try {
    return await (link ? fs.lstat(file) : fs.stat(file));
  } catch {
    return null;
  }
}

const taken = (output: string): InputError => new InputError(`${output} already exists; nothing was written. Choose another name with -o, or add --force to replace it.`);

/** Test hooks of `runImport`. */
export interface ImportHooks {
  /** Runs right before the draft is written, after a Word file's images (a test creates the output there, as another program might). */
  readonly beforeWrite?: () => Promise<void>;
}

/** The report of an import, for people. */
export function formatImportReport(
  input: string,
  kind: ImportKind,
  output: string,
  headline: string,
  report: ImportReport,
  problems: ReturnType<typeof findProblems>,
  images?: { readonly count: number; readonly folder: string },
): string {
  const lines = [
    `Imported ${terminalSafe(input)} (${IMPORT_KIND_NAMES[kind]}) → ${terminalSafe(output)}`,
    `Headline:   ${quote(headline) || '—'}`,
    `Recognised: ${plural(report.sources, 'source')}, ${plural(report.citations, 'citation')}, ${plural(report.readAlsoItems, '“Read also” item')}`,
  ];
  if (images !== undefined && images.count > 0) lines.push(`Images:     ${plural(images.count, 'image')} in ${terminalSafe(images.folder)}`);
  if (report.authors.length) lines.push(`Authors:    ${quote(report.authors.join(', '))}`);
  if (report.dropped.length) lines.push(`Left out:   ${String(report.dropped.length)}`, ...report.dropped.map((line) => `  - ${quote(line)}`));
  if (report.notes.length) lines.push(`Notes:      ${String(report.notes.length)}`, ...report.notes.map((line) => `  - ${quote(line)}`));
  const errors = problems.filter((p) => p.severity === 'error').length;
  lines.push(`Problems:   ${problems.length === 0 ? 'none' : `${plural(errors, 'error')}, ${plural(problems.length - errors, 'warning')}`}`);
  for (const problem of problems) lines.push(`  ${problem.severity}: ${quote(problem.message)}`);
  return `${lines.join('\n')}\n`;
}

/** `copydesk import` (see the module comment). */
export async function runImport(
  options: { input: string; output: string | undefined; from: ImportKind | undefined; force: boolean },
  out: Output,
  err: Output = stderr,
  hooks: ImportHooks = {},
): Promise<number> {
  const kind = options.from ?? kindFromFileName(options.input);
  if (kind === null) throw new UsageError(`cannot tell the format of ${options.input} from its extension; say it with --from text, --from md, --from html or --from docx`, 'import');
  const toStdout = options.output === '-';
  const output = options.output ?? path.join(path.dirname(options.input), `${path.basename(options.input).replace(/\.[^.]*$/u, '') || path.basename(options.input)}.copydesk`);
  const text = kind === 'docx' ? null : await readInput(options.input, kind);
  if (!toStdout) {
    const [inputStat, outputStat] = await Promise.all([exists(options.input, false), exists(output, true)]);
    if (outputStat && inputStat && outputStat.dev === inputStat.dev && outputStat.ino === inputStat.ino) {
      throw new UsageError(`-o ${output} is the file being imported; choose another output file`, 'import');
    }
    const type = outputStat ? specialFileType(outputStat) : null;
    if (type !== null) throw new InputError(`${output} is a ${type}, not a regular file; nothing was written. Choose another output file with -o.`);
    if (outputStat && !options.force) throw taken(output);
  }
  const stem = draftStem(path.basename(toStdout ? options.input.replace(/\.[^./]*$/u, '') : output));
  const result: ImportResult & Partial<Pick<DocxImportResult, 'assets'>> = text === null ? await importWord(options.input, stem) : importAuto(text, kind);
  const assets = result.assets ?? [];
  const folder = `assets/${stem}/`;
  const problems = findProblems(result.draft.doc);
  const summary = formatImportReport(options.input, kind, toStdout ? 'standard output' : output, headlineText(result.draft.doc), result.report, problems, { count: assets.length, folder });
  if (toStdout) {
    if (assets.length > 0) {
      throw new InputError(`${options.input} holds ${plural(assets.length, 'image')}, which a draft on standard output cannot take along; nothing was written. Give -o FILE: the images go to ${folder} beside it.`);
    }
    out.write(serializeDraft(result.draft));
    err.write(summary);
    return EXIT.ok;
  }
  let images: WrittenAssets;
  try {
    // The output's folder must exist, as for the draft alone (assets/ in it is made if missing).
    if (assets.length > 0) await fs.stat(path.dirname(output));
    images = await writeAssetFiles(path.dirname(output), assets);
  } catch (error) {
    if (error instanceof ServiceError) throw new InputError(`${oneLine(error.message)} (in ${path.dirname(output)})`);
    const described = describeFileError(error, output, 'write');
    throw described instanceof DraftFileError ? new InputError(oneLine(described.message)) : described;
  }
  try {
    await hooks.beforeWrite?.();
    await writeDraftFile(output, result.draft, { noReplace: !options.force });
  } catch (error) {
    await removeAssetFiles(images);
    if (error instanceof DraftFileError && error.kind === 'exists') throw taken(output);
    throw error instanceof DraftFileError ? new InputError(oneLine(error.message)) : error;
  }
  out.write(summary);
  return EXIT.ok;
}
