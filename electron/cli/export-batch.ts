/**
 * `copydesk export --out-dir DIR`: several drafts, or the drafts of folders, exported by one
 * process. Each goes to DIR under its own name with the format's extension (`exportFileName`,
 * the name the app's save dialog suggests), through the atomic writer; an existing regular file
 * of that name is replaced, as `-o` replaces it. A draft that cannot be exported (unreadable,
 * broken, an output that is a link or folder, an output another draft of the run already wrote,
 * an output that is one of the drafts) is reported on one line and the others still go.
 */
import { promises as fs, type Stats } from 'node:fs';
import nodePath from 'node:path';
import { exportFileName } from '../../shared/export/format-uses';
import { DraftFileError, describeFileError } from '../node/draft-file';
import { loadDraft, renderDraftExport, writeExport, type ExportChoice } from './commands';
import { EXIT, InputError, UsageError } from './errors';

/** What `runExportBatch` is asked for. */
export interface ExportBatch extends ExportChoice {
  /** Draft files and folders, as given on the command line. */
  readonly drafts: readonly string[];
  readonly outDir: string;
}

const DRAFT_EXTENSION = '.copydesk';

/** A file's identity, so that two paths to one file are seen as one. */
const identity = (stat: { dev: number; ino: number }): string => `${String(stat.dev)}:${String(stat.ino)}`;

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await fs.stat(path);
  } catch {
    return null;
  }
}

/**
 * The drafts named by `args`: a folder stands for its `.copydesk` files (not hidden, not in
 * sub-folders, sorted by name); anything else is taken as a draft, to be read (and refused) as
 * one. A folder with no drafts, or that cannot be listed, is a failure of its own.
 */
export async function draftsOf(args: readonly string[], report: (line: string) => void): Promise<{ drafts: string[]; failed: number }> {
  const drafts: string[] = [];
  let failed = 0;
  for (const arg of args) {
    const stat = await statOrNull(arg);
    if (!stat?.isDirectory()) {
      drafts.push(arg);
      continue;
    }
    let names: string[];
    try {
      names = (await fs.readdir(arg)).filter((name) => name.endsWith(DRAFT_EXTENSION) && !name.startsWith('.')).sort();
    } catch (error) {
      report(error instanceof Error && 'code' in error ? `${arg}: cannot list this folder (${String(error.code)}).` : `${arg}: cannot list this folder.`);
      failed += 1;
      continue;
    }
    if (names.length === 0) {
      report(`${arg}: no drafts (${DRAFT_EXTENSION} files) in this folder.`);
      failed += 1;
    }
    drafts.push(...names.map((name) => nodePath.join(arg, name)));
  }
  return { drafts, failed };
}

/** Makes the output folder (and its parents) unless it is there; a mistake there stops everything. */
async function makeOutDir(outDir: string): Promise<void> {
  try {
    await fs.mkdir(outDir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') {
      throw new InputError(`${outDir}: is not a folder; --out-dir needs a folder.`);
    }
    const described = describeFileError(error, outDir, 'write');
    throw described instanceof DraftFileError ? new InputError(described.message) : described;
  }
}

/**
 * Exports every draft of `batch` into `batch.outDir`; `report` prints a line on standard error.
 * Returns 0 when every draft was exported, 1 when any failed (after trying all of them).
 */
export async function runExportBatch(batch: ExportBatch, report: (line: string) => void): Promise<number> {
  const { drafts, failed: unlisted } = await draftsOf(batch.drafts, report);
  await makeOutDir(batch.outDir);
  // The drafts themselves are never written over, nor is what another draft of this run wrote.
  const inputs = new Set<string>();
  for (const stat of await Promise.all(drafts.map(statOrNull))) if (stat) inputs.add(identity(stat));
  const written = new Map<string, string>();
  let failed = 0;
  for (const draftPath of drafts) {
    const target = nodePath.join(batch.outDir, exportFileName(nodePath.basename(draftPath), batch.to, batch.fragment));
    try {
      const draft = await loadDraft(draftPath);
      const output = await renderDraftExport(draftPath, draft, batch);
      const before = await statOrNull(target);
      if (before && inputs.has(identity(before))) throw new InputError(`${draftPath}: not exported: ${target} is one of the drafts.`);
      const earlier = before ? written.get(identity(before)) : undefined;
      if (earlier !== undefined) throw new InputError(`${draftPath}: not exported: ${target} already holds the export of ${earlier}.`);
      await writeExport(target, output);
      const after = await statOrNull(target);
      if (after) written.set(identity(after), draftPath);
    } catch (error) {
      if (!(error instanceof InputError) && !(error instanceof UsageError)) throw error;
      report(error.message);
      failed += 1;
    }
  }
  if (failed > 0) report(`${String(failed)} of ${String(drafts.length)} drafts not exported.`);
  return failed + unlisted > 0 ? EXIT.failed : EXIT.ok;
}
