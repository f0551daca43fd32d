/**
 * Saving a draft's bytes without ever losing someone else's work or the draft on disk.
 *
 * Before writing, the bytes on disk are hashed and compared with the hash the draft was read at
 * (the content, not the modification time, which coarse clocks and copies get wrong). If they
 * differ, or the file is gone, the save stops with a conflict and writes nothing, unless forced.
 * The write itself goes through `writeFileAtomic` (temporary file, fsync, rename, folder fsync),
 * so the file holds the old bytes or the new ones whatever happens. A system error becomes a
 * result with a message (see errors.ts), never an exception: the caller keeps the draft open.
 *
 * The check runs twice: before writing, and again once the new bytes are durable in the
 * temporary file, right before the rename. An external write landing between that second check
 * and the rename (a window of one hash of the file, not of a whole write and fsync) is still not
 * detected: no portable file lock closes it, and the programs that write drafts take none anyway.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../node/atomic-write';
import { MAX_DRAFT_FILE_BYTES, readRegularFile } from '../node/read-regular-file';
import { describeFsError, errorCode } from './errors';
import type { SaveResult } from '../../shared/ipc/channels';

/** What a write of the bytes gives: a save's result before the draft service adds the time it stamped. */
export type WriteResult = Exclude<SaveResult, { readonly ok: true }> | { readonly ok: true; readonly hash: string };

// The same digest as draft-file.ts's sha256Hex; computed here so that this module does not load
// the draft parser (zod, ProseMirror), which keeps the kill test's child process quick to start.
const sha256Hex = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Options of `saveBytes`. */
export interface SaveBytesOptions {
  /** The hash of the file's bytes when the draft was read or last saved; null: the file must not exist. */
  readonly baseHash: string | null;
  /** Write even if the file changed or vanished (the user chose to overwrite). */
  readonly force?: boolean;
  /** How to name the file in messages (the draft's name). */
  readonly subject: string;
  /** Tests only: runs after the new bytes are written, before the second check (an external write at the worst moment). */
  readonly duringWrite?: () => Promise<void>;
}

// Thrown by the second check to stop the rename; carries what is on disk now.
class ChangedMeanwhile extends Error {
  constructor(readonly diskHash: string | null) {
    super('the file changed on disk during the save');
  }
}

/**
 * The SHA-256 of the file's bytes, or null when there is no file. Other errors are thrown, among
 * them `NotRegularFileError` for a link, a pipe or a device (never followed, opened or waited on).
 */
export async function hashOnDisk(file: string): Promise<string | null> {
  try {
    return sha256Hex(await readRegularFile(file, { maxBytes: MAX_DRAFT_FILE_BYTES }));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

async function folderExists(dir: string): Promise<boolean> {
  try {
    return (await fs.stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Writes `bytes` (whose SHA-256 is `hash`) to `file` if the file still holds what the caller
 * last saw (`baseHash`), or unconditionally with `force`. Returns the result; never throws for
 * file-system reasons.
 */
export async function saveBytes(file: string, bytes: Uint8Array, hash: string, options: SaveBytesOptions): Promise<WriteResult> {
  const dir = path.dirname(file);
  if (!options.force) {
    let diskHash: string | null;
    try {
      diskHash = await hashOnDisk(file);
    } catch (error) {
      return { ok: false, reason: 'error', ...describeFsError(error, 'save', options.subject) };
    }
    if (diskHash === null && !(await folderExists(dir))) {
      // The draft is not "deleted": its whole folder is gone (unmounted disk, moved folder).
      return { ok: false, reason: 'error', ...describeFsError(Object.assign(new Error('folder missing'), { code: 'ENOENT' }), 'save', options.subject) };
    }
    if (diskHash !== options.baseHash) return { ok: false, reason: 'conflict', diskHash };
  }
  const recheck = async (): Promise<void> => {
    await options.duringWrite?.();
    if (options.force) return;
    const now = await hashOnDisk(file);
    if (now !== options.baseHash) throw new ChangedMeanwhile(now);
  };
  // A new file (no base) is put in place only if no file appeared there meanwhile, even after the recheck.
  const noReplace = options.baseHash === null && options.force !== true;
  try {
    await writeFileAtomic(file, bytes, { beforeRename: recheck, noReplace });
  } catch (error) {
    if (error instanceof ChangedMeanwhile) return { ok: false, reason: 'conflict', diskHash: error.diskHash };
    if (noReplace && errorCode(error) === 'EEXIST') return { ok: false, reason: 'conflict', diskHash: await hashOnDisk(file).catch(() => null) };
    return { ok: false, reason: 'error', ...describeFsError(error, 'save', options.subject) };
  }
  return { ok: true, hash };
}
