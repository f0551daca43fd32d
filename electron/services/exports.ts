/**
 * Writing an export (HTML or Markdown) of a draft to a file the user chose.
 *
 * The exporters themselves live in shared/export/ and are injected (`Exporters`), so that this
 * module does not depend on them being built yet and tests can pass their own. The target is an
 * absolute path (from the shell's save dialog, never from the renderer's say-so alone); it may
 * not be a draft file or a folder, and is written through `writeFileAtomic`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Draft } from '../../shared/draft/format';
import type { ExportFormat } from '../../shared/ipc/channels';
import { DRAFT_EXTENSION } from '../../shared/draft/format';
import { writeFileAtomic } from '../node/atomic-write';
import { errorCode, fsServiceError, ServiceError } from './errors';

/** The exporters (shared/export/html.ts and markdown.ts in the app). */
export interface Exporters {
  readonly html: (draft: Draft, options: { fragment?: boolean }) => string;
  readonly md: (draft: Draft) => string;
}

/** Renders `draft` in `format` and writes it atomically to `target`. */
export async function writeExport(exporters: Exporters | undefined, draft: Draft, format: ExportFormat, options: { fragment?: boolean }, target: string): Promise<void> {
  if (!exporters) throw new ServiceError('unavailable', 'Exporting is not available in this build of Copydesk.');
  if (format !== 'html' && format !== 'md') throw new ServiceError('invalid-format', 'Copydesk exports HTML or Markdown only.');
  if (typeof target !== 'string' || !path.isAbsolute(target)) throw new ServiceError('invalid-target', 'The export needs a full path to a file.');
  if (target.toLowerCase().endsWith(DRAFT_EXTENSION)) {
    throw new ServiceError('invalid-target', `An export cannot be written over a draft (${path.basename(target)}). Choose a .html or .md file.`);
  }
  try {
    if ((await fs.stat(target)).isDirectory()) throw new ServiceError('EISDIR', `${target} is a folder. Choose a file name.`);
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    if (errorCode(error) !== 'ENOENT') throw fsServiceError(error, 'export', path.basename(target));
  }
  const text = format === 'html' ? exporters.html(draft, { fragment: options.fragment === true }) : exporters.md(draft);
  try {
    await writeFileAtomic(target, text);
  } catch (error) {
    throw fsServiceError(error, 'export', path.basename(target));
  }
}
