/**
 * The images a draft holds, known by their first bytes (what a file's name or a package says its
 * type is does not count): PNG, JPEG, GIF, WebP and AVIF, the formats a browser shows. One check
 * for every way an image comes in: a file picked for a figure (electron/services/assets.ts) and
 * the pictures of a Word file (shared/import/docx/images.ts).
 */

/** An image format Copydesk accepts. */
export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif';

/** The file extensions accepted, with the format their first bytes must show. */
export const IMAGE_EXTENSIONS: Readonly<Record<string, ImageFormat>> = Object.freeze({
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.png': 'png',
  '.gif': 'gif',
  '.webp': 'webp',
  '.avif': 'avif',
});

/** The extension a file of each format is given (without the dot). */
export const FORMAT_EXTENSION: Readonly<Record<ImageFormat, string>> = Object.freeze({ jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp', avif: 'avif' });

/** The format the first bytes of a file show, or null when they show none of the accepted ones. */
export function sniffImage(bytes: Uint8Array): ImageFormat | null {
  const ascii = (from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (bytes.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'gif';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 12 && ascii(4, 8) === 'ftyp' && /^avi[fs]$/u.test(ascii(8, 12))) return 'avif';
  return null;
}

/**
 * One file or folder name safe on every file system, from `text`: letters, digits, "-", "_" and
 * "." kept (accents dropped), everything else a "-", no leading or trailing dot or dash, at most
 * 80 characters; `fallback` when nothing is left.
 */
export function safeNameSegment(text: string, fallback: string): string {
  const safe = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[^A-Za-z0-9_.-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/gu, '')
    .slice(0, 80);
  return safe === '' ? fallback : safe;
}
