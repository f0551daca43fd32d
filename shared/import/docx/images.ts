/**
 * The images of a Word file: each becomes a file of the draft's assets folder,
 * `assets/<assetStem>/image-<n>.<ext>`, its format checked by its first bytes (what the file
 * says its type is does not count). Only formats a browser shows are kept (PNG, JPEG, GIF, WebP,
 * AVIF: shared/image-format.ts, the app's one check); others (EMF, WMF, TIFF…) are left out and
 * listed.
 */
import { FORMAT_EXTENSION, safeNameSegment, sniffImage } from '../../image-format';
import type { ImportedAsset } from './types';

/** A folder name safe on every file system and in an `assets/` path; `imported` when nothing is left. */
export function safeAssetStem(stem: string | undefined): string {
  return safeNameSegment(stem ?? '', 'imported');
}

/** Collects a Word file's images as assets. */
export class AssetCollector {
  readonly assets: ImportedAsset[] = [];
  /** One line per image left out. */
  readonly refused: string[] = [];

  constructor(private readonly stem: string) {}

  /** Takes an image's bytes: its `src` in the draft, or null when its format is not kept. */
  add(bytes: Uint8Array, contentType: string): string | null {
    const format = sniffImage(bytes);
    if (format === null) {
      this.refused.push(`An image of type ${contentType || 'unknown'} (${String(bytes.length)} bytes): only PNG, JPEG, GIF, WebP and AVIF images are kept.`);
      return null;
    }
    const src = `assets/${this.stem}/image-${String(this.assets.length + 1)}.${FORMAT_EXTENSION[format]}`;
    this.assets.push({ src, bytes });
    return src;
  }
}
