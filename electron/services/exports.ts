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

/** The spec of `format` in `formats`, if `target` may be written: an absolute path, not a draft. Throws `ServiceError`. */
export function checkExportTarget(formats: readonly ExportFormatSpec[], format: ExportFormat, target: string): ExportFormatSpec {
  const spec = formats.find((entry) => entry.name === format);
  if (spec === undefined) throw new ServiceError('invalid-format', `Copydesk exports ${joinOr(formats.map((entry) => entry.label))} only.`);
  if (typeof target !== 'string' || !path.isAbsolute(target)) throw new ServiceError('invalid-target', 'The export needs a full path to a file.');
  if (target.toLowerCase().endsWith(DRAFT_EXTENSION)) {
    const extensions = joinOr(formats.map((entry) => `.${entry.extensions[0]}`));
    throw new ServiceError('invalid-target', `An export cannot be written over a draft (${path.basename(target)}). Choose a ${extensions} file.`);
  }
  return spec;
}

/** `draft` rendered by `spec`'s writer. */
export function renderWith(spec: ExportFormatSpec, draft: Draft, options: { fragment?: boolean; review?: boolean; readAsset?: ExportWriteOptions['readAsset'] }): Promise<string | Uint8Array> {
  return renderExport(spec, draft, {
    fragment: spec.fragment !== null && options.fragment === true,
    review: options.review === true,
    ...(options.readAsset ? { readAsset: options.readAsset } : {}),
  });
}

/** Writes an export's `output` atomically to `target` (checked by `checkExportTarget`), unless it is a folder. */
export async function writeExportOutput(output: string | Uint8Array, target: string): Promise<void> {
  try {
    if ((await fs.stat(target)).isDirectory()) throw new ServiceError('EISDIR', `${target} is a folder. Choose a file name.`);
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    if (errorCode(error) !== 'ENOENT') throw fsServiceError(error, 'export', path.basename(target));
  }
  try {
    await writeFileAtomic(target, output);
  } catch (error) {
    throw fsServiceError(error, 'export', path.basename(target));
  }
}

/**
 * Renders `draft` in `format` with that format's writer in `formats` (the table of
 * shared/export/formats.ts in the app) and writes it atomically to `target`, on this thread.
 */
export async function writeExport(
  formats: readonly ExportFormatSpec[],
  draft: Draft,
  format: ExportFormat,
  options: { fragment?: boolean; review?: boolean; readAsset?: ExportWriteOptions['readAsset'] },
  target: string,
): Promise<void> {
  const spec = checkExportTarget(formats, format, target);
  await writeExportOutput(await renderWith(spec, draft, options), target);
}
