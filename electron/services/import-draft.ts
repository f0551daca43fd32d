/**
 * File > Import (and a file dropped on the library): a text, Markdown, HTML or Word file becomes a
 * new draft in the workspace, through the same code path as `copydesk import`
 * (electron/cli/import-command.ts):
 *
 * 1. a picked file is read by `readImportFile` (strict UTF-8, an HTML file's declared charset
 *    honoured) up to `MAX_IMPORT_FILE_BYTES`, a Word file as bytes up to `MAX_DOCX_FILE_BYTES`;
 *    a dropped file arrives as its name and bytes (`importDroppedFile`) and is decoded the same way;
 * 2. `importAuto` (shared/import), or `importDocx` for a Word file, makes the draft and the report
 *    of what it recognised, left out and decided; `findProblems` adds the draft's problems; a Word
 *    file it refuses (`DocxRefusal`: a zip bomb, macros, a DTD…) is one message, nothing written;
 * 3. the draft, checked against the schema and serialised once (`checkOwnDraft`: no JSON round
 *    trip), is written by the drafts service's Save As under a name made from its headline (else
 *    the file's name): `story.copydesk`, `story-2.copydesk`… Save As never writes over an
 *    existing file, so an existing draft is never touched. A Word file's images go first to
 *    `assets/<draft stem>/` (assets.ts's `writeAssetFiles`: never over a file, never through a
 *    link); a name whose images folder already holds one of them is passed over for the next,
 *    and the images are removed again if the draft cannot be written.
 *
 * Every failure is a `ServiceError` whose message says that nothing was written.
 *
 * Steps 2 and 3's whole-draft work (importing, checking, serialising, placing a Word file's images
 * under the chosen name, the problems) runs on a worker thread (`importOnThread`, `placeOnThread`,
 * through draft-tasks.ts); reading the file, the names, the images' files and Save As stay here.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { headlineText } from '../../shared/article';
import { DRAFT_EXTENSION, parseDraft, serializeDraft } from '../../shared/draft/format';
import { checkOwnDraft, checkSentDraft, SentDraft, type CheckedDraft } from '../../shared/ipc/checked-draft';
import type { ImportedDraft, ImportProblem } from '../../shared/ipc/channels';
import { slugify } from '../../shared/draft/meta';
import { importDocx } from '../../shared/import/docx/index';
import { DocxRefusal, type ImportedAsset } from '../../shared/import/docx/types';
import { importAuto, kindFromFileName, withAssetStem } from '../../shared/import/index';
import { MAX_DOCX_FILE_BYTES, type ImportKind, type ImportReport, type ImportResult } from '../../shared/import/types';
import { findProblems } from '../../shared/problems';
import { decodeImportBytes, ImportFileError, readImportBytes, readImportFile } from '../node/read-import-file';
import { draftStem, removeAssetFiles, writeAssetFiles, type WrittenAssets } from './assets';
import type { DraftWorkers } from './draft-workers';
import type { DraftService } from './drafts';
import { ServiceError } from './errors';
import { nameProblem, numberedName } from './names';

/** The largest file File > Import reads: 20 MB (a 100,000-word article is about 1 MB in any format). */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

/** The extensions File > Import offers in its dialog. */
export const IMPORT_FILE_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'docx'] as const;

const NOTHING_WRITTEN = 'Nothing was imported.';

/** What an import needs: the drafts service (for Save As), the workspace folder (for a Word file's images), the clock and the worker threads. */
export interface ImportDeps {
  readonly drafts: Pick<DraftService, 'saveAs'>;
  readonly workspace: () => string;
  readonly now: () => Date;
  readonly workers: DraftWorkers;
}

/**
 * An import made on a worker thread, as plain data: the draft's text (checked and final when it
 * has no images; else placed per name by `placeOnThread`), its headline, report, problems, images.
 */
export interface ImportMade {
  readonly text: string;
  readonly headline: string;
  readonly report: ImportReport;
  readonly problems: readonly ImportProblem[];
  readonly assets: readonly ImportedAsset[];
}

const problemsOf = (made: ImportResult): ImportProblem[] => findProblems(made.draft.doc).map((p) => ({ severity: p.severity, message: p.message }));

/** Runs the importer for `kind` on `input` (a Word file's bytes, else its text): on a worker thread. Throws `ServiceError`. */
export async function importOnThread(input: { readonly text: string } | { readonly bytes: Uint8Array }, kind: ImportKind, shown: string, now: Date): Promise<ImportMade> {
  const made: Made = 'bytes' in input ? await importWord(now, input.bytes, shown) : importText(now, input.text, kind as Exclude<ImportKind, 'docx'>, shown);
  const assets = made.assets ?? [];
  const headline = headlineText(made.draft.doc);
  if (assets.length > 0) return { text: serializeDraft(made.draft), headline, report: made.report, problems: [], assets };
  return { text: checked(made, shown).text, headline, report: made.report, problems: problemsOf(made), assets };
}

/** An import's draft with its images under `assets/<stem>/`, checked: on a worker thread. Throws `ServiceError`. */
export function placeOnThread(made: ImportMade, stem: string, shown: string): ImportMade {
  const placed = withAssetStem({ draft: parseDraft(made.text), report: made.report, assets: [...made.assets] }, stem);
  return { ...made, text: checked(placed, shown).text, problems: problemsOf(placed), assets: placed.assets };
}

/** An import's draft and report, and a Word file's images. */
type Made = ImportResult & { readonly assets?: readonly ImportedAsset[] };

const unknownFormat = (shown: string): ServiceError =>
  new ServiceError('unknown-format', `“${shown}” is not a file Copydesk can import: choose a plain text (.txt), Markdown (.md), HTML (.html) or Word (.docx) file. ${NOTHING_WRITTEN}`);

/** A reading failure as the app says it (the reader's advice names a command-line tool: say what to do in an editor). */
function readFailure(error: unknown, shown: string): unknown {
  if (!(error instanceof ImportFileError)) return error;
  const message = error.kind === 'not-utf8' ? `“${shown}”: not UTF-8 text. Save it as UTF-8 (in most text editors: Save As, encoding UTF-8) and import it again.` : error.message;
  return new ServiceError(error.code ?? error.kind, `${message} ${NOTHING_WRITTEN}`);
}

/** The first name tried for a draft with `headline` imported from `file`. */
export function importedDraftName(headline: string, file: string): string {
  const stem = path.basename(file).replace(/\.[^.]*$/u, '');
  for (const candidate of [slugify(headline), slugify(stem)]) {
    const name = `${candidate.slice(0, 80).replace(/-+$/u, '')}${DRAFT_EXTENSION}`;
    if (candidate !== '' && nameProblem(name) === null) return name;
  }
  return `imported${DRAFT_EXTENSION}`;
}

/** Imports `file` (as `from`, else as its extension says) into a new draft (see the module comment). */
export async function importDraftFile(deps: ImportDeps, file: string, from?: ImportKind): Promise<ImportedDraft> {
  const shown = path.basename(file);
  const kind = from ?? kindFromFileName(file);
  if (kind === null) throw unknownFormat(shown);
  const label = `“${shown}”`;
  try {
    const input = kind === 'docx' ? { bytes: await readImportBytes(file, { maxBytes: MAX_DOCX_FILE_BYTES, label }) } : { text: await readImportFile(file, kind, { maxBytes: MAX_IMPORT_FILE_BYTES, label }) };
    return await importMade(deps, file, kind, await madeOnThread(deps, input, kind, shown));
  } catch (error) {
    throw readFailure(error, shown);
  }
}

/**
 * Imports a file dropped on the library, given as its name (no folder: only its extension and
 * its name in messages are used) and its bytes, into a new draft (see the module comment).
 */
export async function importDroppedFile(deps: ImportDeps, fileName: string, bytes: Uint8Array): Promise<ImportedDraft> {
  const shown = path.basename(fileName);
  const kind = kindFromFileName(shown);
  if (kind === null) throw unknownFormat(shown);
  const limit = kind === 'docx' ? MAX_DOCX_FILE_BYTES : MAX_IMPORT_FILE_BYTES;
  if (bytes.byteLength > limit) {
    throw new ServiceError('too-large', `“${shown}”: too large to import (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is ${String(limit / 1024 / 1024)} MB). ${NOTHING_WRITTEN}`);
  }
  try {
    const input = kind === 'docx' ? { bytes } : { text: decodeImportBytes(bytes, kind, `“${shown}”`) };
    return await importMade(deps, shown, kind, await madeOnThread(deps, input, kind, shown));
  } catch (error) {
    throw readFailure(error, shown);
  }
}

/** `importOnThread` on a worker thread. */
async function madeOnThread(deps: ImportDeps, input: { readonly text: string } | { readonly bytes: Uint8Array }, kind: ImportKind, shown: string): Promise<ImportMade> {
  const result = await deps.workers.run({ kind: 'import', input, format: kind, shown, now: deps.now().toISOString() });
  if (!result.ok) throw new ServiceError(result.code, result.message);
  return result.made;
}

function importText(now: Date, text: string, kind: Exclude<ImportKind, 'docx'>, shown: string): Made {
  try {
    return importAuto(text, kind, { now });
  } catch (error) {
    throw new ServiceError('import-failed', `“${shown}” could not be imported (${(error as Error).message}). ${NOTHING_WRITTEN}`);
  }
}

async function importWord(now: Date, bytes: Uint8Array, shown: string): Promise<Made> {
  try {
    return await importDocx(bytes, { fileName: shown, now });
  } catch (error) {
    if (error instanceof DocxRefusal) throw new ServiceError(`docx-${error.kind}`, `${error.message} ${NOTHING_WRITTEN}`);
    throw new ServiceError('import-failed', `“${shown}” could not be imported (${(error as Error).message}). ${NOTHING_WRITTEN}`);
  }
}

/** Writes the draft (and its images) of an import made from `file` and gives the draft and its report. */
async function importMade(deps: ImportDeps, file: string, kind: ImportKind, result: ImportMade): Promise<ImportedDraft> {
  const shown = path.basename(file);
  const first = importedDraftName(result.headline, file);
  const written = await saveAtFreeName(deps, first, result, shown);
  const { problems } = written;
  const { report } = result;
  return {
    name: written.name,
    draft: written.text,
    hash: written.hash,
    report: {
      file: shown,
      kind,
      sources: report.sources,
      citations: report.citations,
      readAlsoItems: report.readAlsoItems,
      authors: [...report.authors],
      dropped: [...report.dropped],
      notes: [...report.notes],
      problems: [...problems],
    },
  };
}

function checked(result: Made, shown: string): CheckedDraft {
  try {
    return checkOwnDraft(result.draft);
  } catch (error) {
    throw new ServiceError('invalid-draft', `“${shown}” could not be imported (${(error as Error).message}). ${NOTHING_WRITTEN}`);
  }
}

async function taken(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Saves the draft as `first`, else `first-2`, `first-3`…: the first name no draft holds, and, for
 * an import with images, whose `assets/<stem>/` holds none of their names; the images are written
 * first, under that name's stem, and removed again when the draft cannot be.
 */
async function saveAtFreeName(deps: ImportDeps, first: string, result: ImportMade, shown: string): Promise<{ name: string; hash: string; text: string; problems: readonly ImportProblem[] }> {
  const images = result.assets;
  const plain = images.length === 0 ? await sent(deps, result.text, shown) : null;
  for (let n = 1; n <= 1000; n++) {
    const name = numberedName(first, n);
    let placed = result;
    let draft = plain;
    let files: WrittenAssets = { files: [], folders: [] };
    if (draft === null) {
      const workspace = deps.workspace();
      if (await taken(path.join(workspace, name))) continue;
      const moved = await deps.workers.run({ kind: 'place', made: result, stem: draftStem(name), shown });
      if (!moved.ok) throw new ServiceError(moved.code, moved.message);
      placed = moved.made;
      draft = await sent(deps, placed.text, shown);
      try {
        files = await writeAssetFiles(workspace, placed.assets);
      } catch (error) {
        if (error instanceof ServiceError && error.code === 'exists') continue; // That name's images folder holds one of these names.
        throw error instanceof ServiceError ? new ServiceError(error.code, `${error.message} ${NOTHING_WRITTEN}`) : error;
      }
    }
    const saved = await deps.drafts.saveAs(null, draft, name);
    if (saved.ok) return { name: saved.name, hash: saved.hash, text: draft.text, problems: placed.problems };
    await removeAssetFiles(files);
    // A taken name (EEXIST, or a file that appeared meanwhile): try the next number.
    if (saved.reason === 'error' && saved.code !== 'EEXIST') throw new ServiceError(saved.code, saved.message);
  }
  throw new ServiceError('exists', `Could not find a free name for the imported draft; rename some drafts and try again. ${NOTHING_WRITTEN}`);
}

/** The draft `text` a worker thread made and checked, read again there as the door reads a draft: the `CheckedDraft` Save As takes. */
async function sent(deps: ImportDeps, text: string, shown: string): Promise<CheckedDraft> {
  try {
    return await checkSentDraft(new SentDraft(text), async (draft) => {
      const result = await deps.workers.run({ kind: 'check', content: draft });
      return result.ok ? { ok: true } : { ok: false, message: result.message };
    });
  } catch (error) {
    throw new ServiceError('invalid-draft', `“${shown}” could not be imported (${(error as Error).message}). ${NOTHING_WRITTEN}`);
  }
}
