/**
 * The `copydesk` commands themselves: export, check and inspect. Each reads one draft through
 * `readDraftFile` and writes to standard output, or, for `export -o`, to a file through the
 * atomic writer. Mistakes are thrown as `InputError` (see `main.ts` for how they are printed).
 * What they print of a draft goes through terminal-text.ts.
 */
import { promises as fs } from 'node:fs';
import nodePath from 'node:path';
import type { Draft } from '../../shared/draft/format';
import { DraftError } from '../../shared/draft/errors';
import { exportFormat, renderExport } from '../../shared/export/format-uses';
import type { ExportFormat } from '../../shared/export/formats';
import { inspectDraft, inspectReview, reviewWarnings } from '../../shared/inspect';
import { assetSources, findProblems, type Problem } from '../../shared/problems';
import { MAX_ASSET_CHECK, missingAssets, readAssetFile } from '../services/assets';
import { writeFileAtomic } from '../node/atomic-write';
import { DraftFileError, describeFileError, readDraftFile } from '../node/draft-file';
import { EXIT, InputError, UsageError } from './errors';
import { formatInspection } from './summary';
import { terminalSafe, terminalSafeJson } from './terminal-text';

/** Where commands print: standard output, injectable for callers that capture it. */
export interface Output {
  /** Text, or the bytes of a binary export. */
  write(chunk: string | Uint8Array): void;
  /** Whether it is a terminal (a binary export is not written to one). */
  readonly isTerminal?: boolean;
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/gu, ' ').trim();

/** Reads the draft at `path`, turning every way it can fail into an `InputError`. */
export async function loadDraft(path: string): Promise<Draft> {
  try {
    // A path given on the command line is the user's own: a link there is followed.
    return (await readDraftFile(path, { followLinks: true })).draft;
  } catch (error) {
    if (error instanceof DraftError) throw new InputError(`${path}: ${oneLine(error.message)}`);
    if (error instanceof DraftFileError) throw new InputError(oneLine(error.message));
    throw error;
  }
}

async function statOrNull(path: string): Promise<{ dev: number; ino: number } | null> {
  try {
    return await fs.stat(path);
  } catch {
    return null;
  }
}

/** Refuses an output that is the input draft (same path, a symbolic or a hard link to it). */
async function refuseOverwritingInput(input: string, output: string): Promise<void> {
  const [a, b] = await Promise.all([statOrNull(input), statOrNull(output)]);
  if (a && b && a.dev === b.dev && a.ino === b.ino) {
    throw new UsageError(`-o ${output} is the draft itself; choose another output file`, 'export');
  }
}

/** What `copydesk export` is asked for, besides the draft and where it goes. */
export interface ExportChoice {
  readonly to: ExportFormat;
  readonly fragment: boolean;
  readonly review?: boolean;
}

/** The export of the draft `draftPath` (already read) in the chosen format: text or bytes. */
export function renderDraftExport(draftPath: string, draft: Draft, choice: ExportChoice): Promise<string | Uint8Array> {
  // The writer is loaded on demand (formats.ts), so that check and inspect do not pay for it.
  // Pictures (Word) are read from assets/… beside the draft, as the app reads them in its workspace.
  const folder = nodePath.dirname(draftPath);
  return renderExport(exportFormat(choice.to), draft, {
    fragment: choice.fragment,
    review: choice.review === true,
    readAsset: (src) => readAssetFile(folder, src),
  });
}

/** Writes an export to `target` through the atomic writer; a file problem becomes an `InputError`. */
export async function writeExport(target: string, output: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(target, output);
  } catch (error) {
    const described = describeFileError(error, target, 'write');
    throw described instanceof DraftFileError ? new InputError(described.message) : described;
  }
}

/** `copydesk export`: the draft in format `to` (clean, or with its review given `review`) (shared/export/formats.ts), on `out` or into `output`. */
export async function runExport(
  options: { draft: string; to: ExportFormat; fragment: boolean; output: string | undefined; review?: boolean },
  out: Output,
): Promise<number> {
  const format = exportFormat(options.to);
  if (format.output === 'bytes' && options.output === undefined && out.isTerminal === true) {
    throw new UsageError(`--to ${format.name} writes a binary file: give -o FILE, or redirect standard output`, 'export');
  }
  const draft = await loadDraft(options.draft);
  if (options.output !== undefined) await refuseOverwritingInput(options.draft, options.output);
  const output = await renderDraftExport(options.draft, draft, options);
  if (options.output === undefined) {
    out.write(output);
    return EXIT.ok;
  }
  await writeExport(options.output, output);
  return EXIT.ok;
}

const plural = (n: number, word: string): string => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

/** "2 errors, 1 warning" or "no problems". */
export function problemSummary(problems: readonly Pick<Problem, 'severity'>[]): string {
  if (problems.length === 0) return 'no problems';
  const errors = problems.filter((p) => p.severity === 'error').length;
  return `${plural(errors, 'error')}, ${plural(problems.length - errors, 'warning')}`;
}

/** The draft's figures whose `assets/…` file is missing, looked up beside the draft (its workspace). */
async function missingImagesOf(draftPath: string, draft: Draft): Promise<Set<string>> {
  const srcs = assetSources(draft.doc);
  const missing = new Set<string>();
  for (let i = 0; i < srcs.length; i += MAX_ASSET_CHECK) {
    for (const src of await missingAssets(nodePath.dirname(draftPath), srcs.slice(i, i + MAX_ASSET_CHECK))) missing.add(src);
  }
  return missing;
}

/**
 * `copydesk check`: one line per problem (a figure whose image file is missing among them), then
 * one warning per pending suggestion and per open comment thread, and a summary; exit 1 when any
 * is an error. A review under way is a warning and never fails the check by itself: a draft
 * between desks is in its normal state, and exit 1 stays the sign of a draft that is wrong.
 */
export async function runCheck(options: { draft: string }, out: Output): Promise<number> {
  const draft = await loadDraft(options.draft);
  const problems = [...findProblems(draft.doc, undefined, await missingImagesOf(options.draft, draft)), ...reviewWarnings(inspectReview(draft.doc))];
  const lines = problems.map((problem) => `${problem.severity}: ${terminalSafe(oneLine(problem.message))}`);
  lines.push(`${terminalSafe(options.draft)}: ${problemSummary(problems)}`);
  out.write(`${lines.join('\n')}\n`);
  return problems.some((problem) => problem.severity === 'error') ? EXIT.failed : EXIT.ok;
}

/** `copydesk inspect`: a summary of the draft, as JSON or for people. Always exits 0. */
export async function runInspect(options: { draft: string; json: boolean }, out: Output): Promise<number> {
  const draft = await loadDraft(options.draft);
  const inspection = inspectDraft(draft, await missingImagesOf(options.draft, draft));
  out.write(options.json ? `${terminalSafeJson(inspection)}\n` : formatInspection(inspection, draft.meta, problemSummary(inspection.problems)));
  return EXIT.ok;
}
