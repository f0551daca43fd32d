/**
 * Reading and writing `.copydesk` draft files on disk.
 *
 * Reading checks, in order: that the file can be read (a missing file, a folder, a symbolic link,
 * a pipe or device, a file over the size limit or a permission problem each gets its own sentence;
 * `readRegularFile` reads only regular files), that its bytes are UTF-8 (decoded strictly: a stray Latin-1
 * byte is refused, never turned into U+FFFD and saved back), and that the text is a valid draft
 * (`parseDraft`, which throws `DraftError`). Both reading and writing return the SHA-256 of the
 * bytes, which the main process keeps to notice a file changed on disk by someone else.
 * Writing goes through `writeFileAtomic`, like every file Copydesk writes.
 */
import { createHash } from 'node:crypto';
import { parseDraft, serializeDraft, type Draft } from '../../shared/draft/format';
import { draftTextOf, notUtf8Message } from '../../shared/draft/utf8';
import { writeFileAtomic } from './atomic-write';
import { FileTooLargeError, MAX_DRAFT_FILE_BYTES, NotRegularFileError, readRegularFile } from './read-regular-file';

/** What went wrong with a file itself (as opposed to its content, which is a `DraftError`). */
export type DraftFileErrorKind = 'not-found' | 'is-directory' | 'not-a-file' | 'too-large' | 'exists' | 'no-access' | 'not-utf8' | 'disk-full' | 'read-only' | 'io';

/** A file that cannot be read or written. The message starts with the file's name: `x.copydesk: no such file.` */
export class DraftFileError extends Error {
  /** What class of problem this is. */
  readonly kind: DraftFileErrorKind;
  /** The file concerned, as the caller named it. */
  readonly path: string;
  /** The system error code (ENOENT…), when there was one. */
  readonly code: string | undefined;

  constructor(kind: DraftFileErrorKind, path: string, message: string, code?: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'DraftFileError';
    this.kind = kind;
    this.path = path;
    this.code = code;
  }
}

/** A draft read from disk. */
export interface LoadedDraftFile {
  readonly draft: Draft;
  /** The file's text (after UTF-8 decoding). */
  readonly text: string;
  /** SHA-256 of the file's bytes, lower-case hex. */
  readonly hash: string;
}

/** SHA-256 of some bytes (or of a string's UTF-8 bytes), lower-case hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Turns a system error from reading or writing `path` into a `DraftFileError` with a sentence a
 * user understands. Anything that is not a system error (no `code`) is returned unchanged.
 */
export function describeFileError(error: unknown, path: string, action: 'read' | 'write'): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return error;
  const make = (kind: DraftFileErrorKind, message: string): DraftFileError => new DraftFileError(kind, path, message, code, error);
  if (error instanceof NotRegularFileError) {
    if (error.fileType === 'folder') return make('is-directory', `${path}: is a folder, not a file.`);
    return make('not-a-file', `${path}: is a ${error.fileType}, not a regular file, so Copydesk does not ${action === 'read' ? 'read it' : 'write over it'}.`);
  }
  if (error instanceof FileTooLargeError) return make('too-large', `${path}: too large (over ${String(Math.round(error.maxBytes / 1024 / 1024))} MB), so Copydesk does not read it.`);
  switch (code) {
    case 'EEXIST':
      return make('exists', `${path}: already exists; nothing was written.`);
    case 'ENOENT':
    case 'ENOTDIR':
      return make('not-found', action === 'read' ? `${path}: no such file.` : `${path}: cannot write it, its folder does not exist.`);
    case 'EISDIR':
      return make('is-directory', `${path}: is a folder, not a file.`);
    case 'EACCES':
    case 'EPERM':
      return make('no-access', `${path}: permission denied, cannot ${action} it.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return make('disk-full', `${path}: cannot write it, the disk is full (nothing was changed).`);
    case 'EROFS':
      return make('read-only', `${path}: cannot write it, the disk is read-only.`);
    default:
      return make('io', `${path}: cannot ${action} it (${(error as Error).message}).`);
  }
}

/**
 * Reads and parses the draft at `path`. Throws `DraftFileError` when the file cannot be read (or
 * is not a regular file, or is a symbolic link unless `followLinks`) or is not UTF-8, and
 * `DraftError` (from `parseDraft`) when its content is not a valid draft.
 */
export async function readDraftFile(path: string, options: { followLinks?: boolean } = {}): Promise<LoadedDraftFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(path, { maxBytes: MAX_DRAFT_FILE_BYTES, followLinks: options.followLinks === true });
  } catch (error) {
    throw describeFileError(error, path, 'read');
  }
  const text = draftTextOf(bytes);
  if (text === null) throw new DraftFileError('not-utf8', path, notUtf8Message(path));
  return { draft: parseDraft(text), text, hash: sha256Hex(bytes) };
}

/**
 * Writes `draft` to `path` atomically (see `writeFileAtomic`; with `noReplace`, only if no file is
 * there, even one that appears while writing) and returns the text written and its SHA-256.
 * Throws `DraftFileError` when the file cannot be written; the old file is then left as it was.
 */
export async function writeDraftFile(path: string, draft: Draft, options: { noReplace?: boolean } = {}): Promise<{ text: string; hash: string }> {
  const text = serializeDraft(draft);
  const bytes = new TextEncoder().encode(text);
  try {
    await writeFileAtomic(path, bytes, { noReplace: options.noReplace === true });
  } catch (error) {
    throw describeFileError(error, path, 'write');
  }
  return { text, hash: sha256Hex(bytes) };
}
