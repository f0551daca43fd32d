/**
 * A figure's picture for the Word export: read from the draft's `assets/` folder through the
 * caller's `readAsset`, never from the web (an https picture is not fetched: the writer gives its
 * address as a link instead). Word holds JPEG, PNG, GIF and BMP; the format and the size in
 * pixels are read from the file's own header, so that the picture keeps its proportions.
 */
import { isExportableUrl } from '../url';

/** An image format Word holds. */
export type WordImageType = 'jpg' | 'png' | 'gif' | 'bmp';

/** A picture Word can show: its format and its size in pixels. */
export interface ImageInfo {
  readonly type: WordImageType;
  readonly width: number;
  readonly height: number;
}

/** A figure's picture read from the draft's assets, at the size it is shown. */
export interface FigurePicture {
  readonly type: WordImageType;
  readonly data: Uint8Array;
  /** Display size in pixels (at 96 to the inch), fitted to the text width. */
  readonly width: number;
  readonly height: number;
}

/** The widest a picture is shown, in pixels at 96 to the inch: the text width of an A4 or Letter page with 1-inch margins. */
export const MAX_PICTURE_WIDTH = 600;

const be16 = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const le16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const be32 = (b: Uint8Array, i: number): number => be16(b, i) * 65536 + be16(b, i + 2);
const le32 = (b: Uint8Array, i: number): number => le16(b, i) + le16(b, i + 2) * 65536;
const ascii = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, to));

/** The JPEG size from its first start-of-frame segment, or null. */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++;
      continue;
    }
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { height: be16(b, i + 5), width: be16(b, i + 7) };
    i += 2 + be16(b, i + 2);
  }
  return null;
}

/** The format and size of `bytes` when it is a picture Word holds, else null (WebP, AVIF, not a picture). */
export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  let found: ImageInfo | null = null;
  if (bytes.length >= 24 && be32(bytes, 0) === 0x89504e47 && ascii(bytes, 12, 16) === 'IHDR') {
    found = { type: 'png', width: be32(bytes, 16), height: be32(bytes, 20) };
  } else if (bytes.length >= 10 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) {
    found = { type: 'gif', width: le16(bytes, 6), height: le16(bytes, 8) };
  } else if (bytes.length >= 26 && ascii(bytes, 0, 2) === 'BM') {
    found = { type: 'bmp', width: le32(bytes, 18), height: Math.abs(le32(bytes, 22) | 0) };
  } else if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    const size = jpegSize(bytes);
    if (size) found = { type: 'jpg', ...size };
  }
  return found && found.width > 0 && found.height > 0 ? found : null;
}

/** True for a figure `src` in the draft's own assets folder (the only kind the writer reads). */
export function isAssetSrc(src: string): boolean {
  return src.startsWith('assets/') && isExportableUrl(src, 'image');
}

/**
 * The picture of a figure whose `src` is in the draft's assets, read through `readAsset`; null
 * when there is no reader, the src is anything else (a web address is never asked for), the
 * reader has none or it is not a picture Word holds.
 */
export async function figurePicture(src: string, readAsset: ((src: string) => Promise<Uint8Array | null>) | undefined): Promise<FigurePicture | null> {
  if (!readAsset || !isAssetSrc(src)) return null;
  const data = await readAsset(src);
  const info = data ? imageInfo(data) : null;
  if (!data || !info) return null;
  const scale = Math.min(1, MAX_PICTURE_WIDTH / info.width);
  return { type: info.type, data, width: Math.max(1, Math.round(info.width * scale)), height: Math.max(1, Math.round(info.height * scale)) };
}
