/**
 * Reading a file to import (plain text, Markdown, HTML; a Word file as bytes), the same way for the command
 * line (`copydesk import`) and for File > Import in the app:
 *
 * - only a regular file (or, with `allowSpecial`, a pipe: never a device) no larger than
 *   `maxBytes` is read (`readRegularFile`: the limit holds while reading, so `/dev/zero` or a
 *   growing file cannot make it read without bound);
 * - its bytes are decoded as UTF-8, strictly: a stray Latin-1 byte is an error, never a U+FFFD in
 *   the draft (a leading byte-order mark is dropped);
 * - an HTML file that declares another charset in its first 1024 bytes (`<meta charset=…>`) is
 *   decoded in that charset; windows-1252 (and its WHATWG aliases) as the real code page.
 *
 * Failures throw `ImportFileError`, whose message starts with the file's label and says what to do.
 */
import type { ImportKind } from '../../shared/import/types';
import { DraftFileError, describeFileError, type DraftFileErrorKind } from './draft-file';
import { FileTooLargeError, NotRegularFileError, readRegularFile } from './read-regular-file';

/** Why a file could not be read for an import. */
export type ImportFileErrorKind = DraftFileErrorKind | 'too-large' | 'not-a-file' | 'unknown-charset';

/** A file that cannot be imported as text; `message` is a sentence for the user. */
export class ImportFileError extends Error {
  /** What class of problem this is. */
  readonly kind: ImportFileErrorKind;
  /** The system error code (ENOENT…), when there was one. */
  readonly code: string | undefined;

  constructor(kind: ImportFileErrorKind, message: string, code?: string) {
    super(message);
    this.name = 'ImportFileError';
    this.kind = kind;
    this.code = code;
  }
}

/** Options of `readImportFile`. */
export interface ReadImportOptions {
  /** The largest file read, in bytes. */
  readonly maxBytes: number;
  /** How messages name the file (default: the path as given). */
  readonly label?: string;
  /** Also read a pipe (such as `/dev/stdin`, for the command line); a device is never read. */
  readonly allowSpecial?: boolean;
}

/** The charset an HTML file declares in its first 1024 bytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)/iu.exec(head)?.[1] ?? null;
}

// windows-1252's characters at 0x80–0x9F (Node 20's TextDecoder decodes that label as ISO-8859-1,
// which has control characters there); 0 where the code page has none.
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Decodes `bytes` in `charset`; the WHATWG labels of windows-1252 are decoded as windows-1252. Throws RangeError for an unknown charset. */
export function decodeCharset(bytes: Uint8Array, charset: string): string {
  const decoder = new TextDecoder(charset);
  if (decoder.encoding !== 'windows-1252') return decoder.decode(bytes);
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] || byte : byte);
  return text;
}

/** `bytes` as text for an import of `kind` (see the module comment); `label` names the file in messages. */
export function decodeImportBytes(bytes: Uint8Array, kind: ImportKind, label: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const charset = kind === 'html' ? declaredCharset(bytes) : null;
    if (charset && !/^utf-?8$/iu.test(charset)) {
      try {
        return decodeCharset(bytes, charset);
      } catch {
        throw new ImportFileError('unknown-charset', `${label}: declares the character set ${charset}, which this Copydesk cannot decode.`);
      }
    }
    throw new ImportFileError('not-utf8', `${label}: not UTF-8 text. Convert it to UTF-8 first (for example: iconv -f windows-1252 -t utf-8 ${label}).`);
  }
}

function tooLarge(label: string, size: number, maxBytes: number): ImportFileError {
  const mb = (n: number, digits: number): string => `${(n / 1024 / 1024).toFixed(digits)} MB`;
  return new ImportFileError('too-large', `${label}: too large to import (${mb(size, 1)}; the limit is ${mb(maxBytes, maxBytes % (1024 * 1024) === 0 ? 0 : 1)}).`);
}

/**
 * The bytes of `file` for an import (a regular file, or with `allowSpecial` a pipe, of at most
 * `maxBytes`: see the module comment); failures throw `ImportFileError`. A Word file is read so.
 */
export async function readImportBytes(file: string, options: ReadImportOptions): Promise<Uint8Array> {
  const label = options.label ?? file;
  try {
    // The user named this file: a link to it is followed.
    return await readRegularFile(file, { maxBytes: options.maxBytes, followLinks: true, allowPipe: options.allowSpecial === true });
  } catch (error) {
    if (error instanceof FileTooLargeError) throw tooLarge(label, error.size, options.maxBytes);
    if (error instanceof NotRegularFileError && error.fileType !== 'folder') {
      throw new ImportFileError('not-a-file', `${label}: is a ${error.fileType}, not a regular file.`, error.code);
    }
    const described = describeFileError(error, label, 'read');
    if (described instanceof DraftFileError) throw new ImportFileError(described.kind, described.message, described.code);
    throw described;
  }
}

/** Reads `file` as text for an import of `kind` (see the module comment). */
export async function readImportFile(file: string, kind: ImportKind, options: ReadImportOptions): Promise<string> {
  return decodeImportBytes(await readImportBytes(file, options), kind, options.label ?? file);
}
