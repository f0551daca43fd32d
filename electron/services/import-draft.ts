/**
 * File > Import: a text, Markdown or HTML file becomes a new draft in the workspace, through the
 * same code path as `copydesk import` (electron/cli/import-command.ts):
 *
 * 1. the file is read by `readImportFile` (strict UTF-8, an HTML file's declared charset
 *    honoured), up to `MAX_IMPORT_FILE_BYTES`;
 * 2. `importAuto` (shared/import) makes the draft and the report of what it recognised, left out
 *    and decided; `findProblems` adds the draft's problems to the report;
 * 3. the draft, checked against the schema and serialised once (`checkOwnDraft`: no JSON round
 *    trip), is written by the drafts service's Save As under a name made from its headline (else
 *    the file's name): `story.copydesk`, `story-2.copydesk`… Save As never writes over an
 *    existing file, so an existing draft is never touched.
 *
 * Every failure is a `ServiceError` whose message says that nothing was written.
 */
import path from 'node:path';
import { headlineText } from '../../shared/article';
import { DRAFT_EXTENSION } from '../../shared/draft/format';
import { checkOwnDraft, type CheckedDraft } from '../../shared/ipc/checked-draft';
import type { ImportedDraft } from '../../shared/ipc/channels';
import { slugify } from '../../shared/draft/meta';
import { importAuto, kindFromFileName } from '../../shared/import/index';
import type { ImportKind } from '../../shared/import/types';
import { findProblems } from '../../shared/problems';
import { ImportFileError, readImportFile } from '../node/read-import-file';
import type { DraftService } from './drafts';
import { ServiceError } from './errors';
import { nameProblem, numberedName } from './names';

/** The largest file File > Import reads: 20 MB (a 100,000-word article is about 1 MB in any format). */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

/** The extensions File > Import offers in its dialog. */
export const IMPORT_FILE_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm'] as const;

const NOTHING_WRITTEN = 'Nothing was imported.';

/** What an import needs: the drafts service (for Save As) and the clock. */
export interface ImportDeps {
  readonly drafts: Pick<DraftService, 'saveAs'>;
  readonly now: () => Date;
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
  if (kind === null) {
    throw new ServiceError('unknown-format', `“${shown}” is not a file Copydesk can import: choose a plain text (.txt), Markdown (.md) or HTML (.html) file. ${NOTHING_WRITTEN}`);
  }
  let text: string;
  try {
    text = await readImportFile(file, kind, { maxBytes: MAX_IMPORT_FILE_BYTES, label: `“${shown}”` });
  } catch (error) {
    if (error instanceof ImportFileError) {
      // The reader's advice names a command-line tool; in the app, say what to do in an editor.
      const message = error.kind === 'not-utf8' ? `“${shown}”: not UTF-8 text. Save it as UTF-8 (in most text editors: Save As, encoding UTF-8) and import it again.` : error.message;
      throw new ServiceError(error.code ?? error.kind, `${message} ${NOTHING_WRITTEN}`);
    }
    throw error;
  }
  let result;
  try {
    result = importAuto(text, kind, { now: deps.now() });
  } catch (error) {
    throw new ServiceError('import-failed', `“${shown}” could not be imported (${(error as Error).message}). ${NOTHING_WRITTEN}`);
  }
  let draft: CheckedDraft;
  try {
    draft = checkOwnDraft(result.draft);
  } catch (error) {
    throw new ServiceError('invalid-draft', `“${shown}” could not be imported (${(error as Error).message}). ${NOTHING_WRITTEN}`);
  }
  const first = importedDraftName(headlineText(result.draft.doc), file);
  const written = await saveAtFreeName(deps, first, draft);
  const problems = findProblems(result.draft.doc).map((p) => ({ severity: p.severity, message: p.message }));
  const { report } = result;
  return {
    name: written.name,
    draft: draft.text,
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
      problems,
    },
  };
}

/** Saves `draft` as `first`, else `first-2`, `first-3`…: the first name no file holds. */
async function saveAtFreeName(deps: ImportDeps, first: string, draft: CheckedDraft): Promise<{ name: string; hash: string }> {
  for (let n = 1; n <= 1000; n++) {
    const name = numberedName(first, n);
    const result = await deps.drafts.saveAs(null, draft, name);
    if (result.ok) return { name: result.name, hash: result.hash };
    // A taken name (EEXIST, or a file that appeared meanwhile): try the next number.
    if (result.reason === 'error' && result.code !== 'EEXIST') throw new ServiceError(result.code, result.message);
  }
  throw new ServiceError('exists', `Could not find a free name for the imported draft; rename some drafts and try again. ${NOTHING_WRITTEN}`);
}
