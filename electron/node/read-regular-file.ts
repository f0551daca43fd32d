/**
 * The one way Copydesk reads a file: only a regular file, never more than a limit.
 *
 * A named pipe, a device, a socket or a folder given a draft's name is refused before a byte is
 * read: a pipe would block one of libuv's few file threads until someone writes to it, and
 * `/dev/zero` never ends. The type is checked twice: with `lstat` (or `stat` when links may be
 * followed) before opening, and with `fstat` on the open handle, which is opened non-blocking
 * (a pipe swapped in meanwhile opens at once instead of waiting for a writer) and, unless links
 * may be followed, with O_NOFOLLOW. The limit applies while reading: at most `maxBytes + 1`
 * bytes are read, whatever the file claims its size is.
 */
import { constants, promises as fs, type Stats } from 'node:fs';

/**
 * The largest draft file read or hashed: the longest draft text the app sends (`MAX_DRAFT_TEXT`,
 * shared/ipc/validate.ts) at three UTF-8 bytes a character. Written out here so that hashing a
 * draft does not load the draft parser; a unit test holds the two together.
 */
export const MAX_DRAFT_FILE_BYTES = 192 * 1024 * 1024;

/** What a path is when it is not a regular file, in words a user reads. */
export type SpecialFileType = 'folder' | 'symbolic link' | 'named pipe' | 'character device' | 'block device' | 'socket' | 'special file';

/** The error code of `NotRegularFileError` (not a system code: none says exactly this). */
export const NOT_REGULAR_FILE = 'ENOTREG';

/** The path is something other than a regular file; `fileType` says what. */
export class NotRegularFileError extends Error {
  /** EISDIR for a folder (as the system says it), else `NOT_REGULAR_FILE`. */
  readonly code: string;

  constructor(
    /** The path concerned. */
    readonly path: string,
    /** What it is. */
    readonly fileType: SpecialFileType,
  ) {
    super(`${path}: is a ${fileType}, not a regular file`);
    this.name = 'NotRegularFileError';
    this.code = fileType === 'folder' ? 'EISDIR' : NOT_REGULAR_FILE;
  }
}

/** The file holds more than the limit; `size` is what is known of its size (at least `maxBytes + 1`). */
export class FileTooLargeError extends Error {
  /** The system's own code for a file too large. */
  readonly code = 'EFBIG';

  constructor(
    readonly path: string,
    readonly size: number,
    readonly maxBytes: number,
  ) {
    super(`${path}: larger than ${String(maxBytes)} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/** What `stat` shows other than a regular file, or null for a regular file. */
export function specialFileType(stat: Stats): SpecialFileType | null {
  if (stat.isFile()) return null;
  if (stat.isDirectory()) return 'folder';
  if (stat.isSymbolicLink()) return 'symbolic link';
  if (stat.isFIFO()) return 'named pipe';
  if (stat.isCharacterDevice()) return 'character device';
  if (stat.isBlockDevice()) return 'block device';
  if (stat.isSocket()) return 'socket';
  return 'special file';
}

/** Options of `readRegularFile`. */
export interface ReadRegularOptions {
  /** The most bytes read; a file holding more is refused (`FileTooLargeError`). */
  readonly maxBytes: number;
  /** Follow a symbolic link at the path (default false: a link is refused as a 'symbolic link'). */
  readonly followLinks?: boolean;
  /** Also read a named pipe or socket (the command line's `/dev/stdin`); devices are always refused. */
  readonly allowPipe?: boolean;
}

const CHUNK = 1024 * 1024;

/**
 * The bytes of the regular file at `file` (see the module comment). Throws `NotRegularFileError`,
 * `FileTooLargeError`, or the system error (ENOENT, EACCES…).
 */
export async function readRegularFile(file: string, options: ReadRegularOptions): Promise<Buffer<ArrayBuffer>> {
  const follow = options.followLinks === true;
  const before = follow ? await fs.stat(file) : await fs.lstat(file);
  const refusal = (stat: Stats): SpecialFileType | null => {
    const type = specialFileType(stat);
    return type === null || (options.allowPipe === true && (type === 'named pipe' || type === 'socket')) ? null : type;
  };
  const refusedBefore = refusal(before);
  if (refusedBefore !== null) throw new NotRegularFileError(file, refusedBefore);
  if (before.isFile() && before.size > options.maxBytes) throw new FileTooLargeError(file, before.size, options.maxBytes);
  // A pipe the caller allows is read blocking (its writer is there: a shell's pipe); anything else
  // is opened non-blocking, so that a pipe swapped in after the check cannot hold the open.
  let flags = constants.O_RDONLY;
  if (before.isFile()) flags |= constants.O_NONBLOCK ?? 0;
  if (!follow) flags |= constants.O_NOFOLLOW ?? 0;
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, flags);
  } catch (error) {
    // O_NOFOLLOW meeting a link that replaced the file after the check.
    if (!follow && (error as NodeJS.ErrnoException).code === 'ELOOP') throw new NotRegularFileError(file, 'symbolic link');
    throw error;
  }
  try {
    const opened = await handle.stat();
    const refusedOpened = refusal(opened);
    if (refusedOpened !== null) throw new NotRegularFileError(file, refusedOpened);
    const chunks: Buffer<ArrayBuffer>[] = [];
    let total = 0;
    let want = opened.isFile() ? Math.min(opened.size + 1, options.maxBytes + 1) : Math.min(CHUNK, options.maxBytes + 1);
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.max(1, want));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > options.maxBytes) throw new FileTooLargeError(file, Math.max(total, opened.size), options.maxBytes);
      want = Math.min(CHUNK, options.maxBytes + 1 - total);
    }
    return chunks.length === 1 ? (chunks[0] as Buffer<ArrayBuffer>) : Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}
