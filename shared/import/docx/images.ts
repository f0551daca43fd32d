/**
 * The images of a Word file: each becomes a file of the draft's assets folder,
 * `assets/<assetStem>/image-<n>.<ext>`, its format checked by its first bytes (what the file
 * says its type is does not count). Only formats a browser shows are kept (PNG, JPEG, GIF, WebP,
 * AVIF); others (EMF, WMF, TIFF…) are left out and listed. The same check as the app's image
 * intake (electron/services/assets.ts `sniffImage`), kept here because shared/ cannot import it.
 */
import type { ImportedAsset } from './types';

/** An image format a draft keeps, by its file extension. */
export type ImageExtension = 'png' | 'jpg' | 'gif' | 'webp' | 'avif';

/** The format of an image by its magic bytes, or null. */
export function imageExtension(bytes: Uint8Array): ImageExtension | null {
  const ascii = (from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.length >= 8 && ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (bytes.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'gif';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 12 && ascii(4, 8) === 'ftyp' && /^avi[fs]$/u.test(ascii(8, 12))) return 'avif';
  return null;
}

/** A folder name safe on every file system and in an `assets/` path; `imported` when nothing is left. */
export function safeAssetStem(stem: string | undefined): string {
  const safe = (stem ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[^A-Za-z0-9_.-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/gu, '')
    .slice(0, 80);
  return safe === '' ? 'imported' : safe;
}

/** Collects a Word file's images as assets. */
export class AssetCollector {
  readonly assets: ImportedAsset[] = [];
  /** One line per image left out. */
  readonly refused: string[] = [];

  constructor(private readonly stem: string) {}

  /** Takes an image's bytes: its `src` in the draft, or null when its format is not kept. */
  add(bytes: Uint8Array, contentType: string): string | null {
    const ext = imageExtension(bytes);
    if (ext === null) {
      this.refused.push(`An image of type ${contentType || 'unknown'} (${String(bytes.length)} bytes): only PNG, JPEG, GIF, WebP and AVIF images are kept.`);
      return null;
    }
    const src = `assets/${this.stem}/image-${String(this.assets.length + 1)}.${ext}`;
    this.assets.push({ src, bytes });
    return src;
  }
}
