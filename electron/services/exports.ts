/**
 * Writing an export of a draft to a file the user chose, in one of the formats of
 * shared/export/formats.ts (its writer gives text, written as UTF-8, or bytes).
 *
 * A format that embeds pictures (Word) reads the draft's images through `readAsset` (the app
 * gives assets.ts's `readAssetFile` over the workspace: no link followed, no `..`).
 *
 * The target is an absolute path (from the shell's save dialog, never from the renderer's say-so
 * alone); it may not be a draft file or a folder, and is written through `writeFileAtomic`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Draft } from '../../shared/draft/format';
import { DRAFT_EXTENSION } from '../../shared/draft/format';
import { joinOr, renderExport } from '../../shared/export/format-uses';
import type { ExportFormat, ExportFormatSpec, ExportWriteOptions } from '../../shared/export/formats';
import { writeFileAtomic } from '../node/atomic-write';
import { errorCode, fsServiceError, ServiceError } from './errors';

/**
 * Renders `draft` in `format` with that format's writer in `formats` (the table of
 * shared/export/formats.ts in the app) and writes it atomically to `target`.
 */
export async function writeExport(
  formats: readonly ExportFormatSpec[],
  draft: Draft,
  format: ExportFormat,
  options: { fragment?: boolean; review?: boolean; readAsset?: ExportWriteOptions['readAsset'] },
  target: string,
): Promise<void> {
  const spec = formats.find((entry) => entry.name === format);
  if (spec === undefined) throw new ServiceError('invalid-format', `Copydesk exports ${joinOr(formats.map((entry) => entry.label))} only.`);
  if (typeof target !== 'string' || !path.isAbsolute(target)) throw new ServiceError('invalid-target', 'The export needs a full path to a file.');
  if (target.toLowerCase().endsWith(DRAFT_EXTENSION)) {
    const extensions = joinOr(formats.map((entry) => `.${entry.extensions[0]}`));
    throw new ServiceError('invalid-target', `An export cannot be written over a draft (${path.basename(target)}). Choose a ${extensions} file.`);
  }
  try {
    if ((await fs.stat(target)).isDirectory()) throw new ServiceError('EISDIR', `${target} is a folder. Choose a file name.`);
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    if (errorCode(error) !== 'ENOENT') throw fsServiceError(error, 'export', path.basename(target));
  }
  const output: string | Uint8Array = await renderExport(spec, draft, {
    fragment: spec.fragment !== null && options.fragment === true,
    review: options.review === true,
    ...(options.readAsset ? { readAsset: options.readAsset } : {}),
  });
  try {
    await writeFileAtomic(target, output);
  } catch (error) {
    throw fsServiceError(error, 'export', path.basename(target));
  }
}
