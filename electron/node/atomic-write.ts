/**
 * The one atomic file writer that every part of Copydesk that writes a file goes through
 * (the `copydesk` command, saving drafts, the recovery journal, snapshots).
 *
 * A write goes to a temporary file in the destination's own folder (so the rename cannot cross
 * file systems), is flushed with fsync, then renamed over the destination, and the folder is
 * fsynced so that the rename itself survives a power cut. The destination is never opened for
 * writing, so it is never truncated in place: after a crash at any moment it holds the old bytes
 * or the new ones. On failure the temporary file is removed and the error is passed on.
 *
 * Temporary names are recognisable (`.<name>.<pid>.<random>.cd-tmp`), so that leftovers of a
 * process killed mid-write (SIGKILL leaves no chance to clean up) are swept by the next write to
 * the same destination once their process is gone. (write-file-atomic does the first half of
 * this, but neither fsyncs the folder nor lets a later process recognise its leftovers.)
 *
 * A write replaces only a regular file: a destination that is a symbolic link, a named pipe, a
 * device or a folder is refused (`NotRegularFileError`), checked before writing and again right
 * before the rename. With `noReplace` the destination must not exist at all, and the last step is
 * a hard link of the temporary file (which fails if a file appeared meanwhile) instead of a rename.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { NotRegularFileError, specialFileType } from './read-regular-file';

const TMP_SUFFIX = '.cd-tmp';

/**
 * How many bytes the temporary name adds, at most, to the destination's name: a dot before it,
 * then a dot, a process id of up to 10 digits, a dot, 12 random hex digits and the suffix. A
 * destination name longer than the file system's limit minus this cannot be written.
 */
export const TEMP_NAME_EXTRA_BYTES = 3 + 10 + 12 + TMP_SUFFIX.length;

/** Options of `writeFileAtomic`. */
export interface AtomicWriteOptions {
  /** File mode for a new file; an existing file's mode is kept. Default 0o644 (before umask). */
  readonly mode?: number;
  /** Skip the folder fsync (only for files whose loss on power failure does not matter). */
  readonly skipDirSync?: boolean;
  /**
   * Runs once the new bytes are durable in the temporary file, right before the rename; if it
   * throws, the temporary file is removed, the target is left as it is, and the error propagates
   * (a save re-checks there that nobody else wrote the file meanwhile).
   */
  readonly beforeRename?: () => Promise<void>;
  /**
   * The destination must not exist: refused with EEXIST before writing, and also when a file
   * appeared there while writing (the last step is `link`, which never replaces anything).
   */
  readonly noReplace?: boolean;
}

/** An EEXIST error for `target`, like the system's. */
function existsError(target: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EEXIST: file already exists, '${target}'`), { code: 'EEXIST', path: target });
}

/**
 * The mode of the regular file at `target`, or null when there is none; throws
 * `NotRegularFileError` when something else is there (a link, a pipe, a device, a folder).
 */
async function regularTargetMode(target: string): Promise<number | null> {
  let stat;
  try {
    stat = await fs.lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const type = specialFileType(stat);
  if (type !== null) throw new NotRegularFileError(target, type);
  return stat.mode & 0o7777;
}

// File systems without hard links (FAT, some network shares) say so with one of these.
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** Moves `temp` to `target` only if `target` does not exist (link, then unlink of the temporary name). */
async function moveIntoPlaceNoReplace(temp: string, target: string): Promise<void> {
  try {
    await fs.link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!NO_HARD_LINKS.has(code)) throw error;
    // No hard links here: check, then rename (the window is the time between the two calls).
    if ((await regularTargetMode(target)) !== null) throw existsError(target);
    await fs.rename(temp, target);
    return;
  }
  await fs.unlink(temp);
}

function tempNameFor(target: string): string {
  const dir = path.dirname(target);
  const base = path.basename(target);
  return path.join(dir, `.${base}.${String(process.pid)}.${randomBytes(6).toString('hex')}${TMP_SUFFIX}`);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files left beside `target` by writers that no longer run. Returns how many
 * were removed. Errors are ignored: a sweep must never stop a save.
 */
export async function sweepStaleTemps(target: string): Promise<number> {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let removed = 0;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TMP_SUFFIX)) continue;
    const pid = Number.parseInt(name.slice(prefix.length).split('.')[0] ?? '', 10);
    if (pid === process.pid || (Number.isSafeInteger(pid) && pid > 0 && isProcessAlive(pid))) continue;
    try {
      await fs.unlink(path.join(dir, name));
      removed++;
    } catch {
      // Another writer may have swept it first.
    }
  }
  return removed;
}

/** Fsyncs a folder so that a rename inside it is durable. Not supported on Windows: skipped there. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Atomically replaces `target` with `data`: temporary file in the same folder, fsync, rename,
 * fsync of the folder. Throws the underlying error (ENOSPC, EROFS, EACCES, ENOENT…), a
 * `NotRegularFileError` for a destination that is not a regular file, or EEXIST with `noReplace`,
 * with the destination untouched.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const absolute = path.resolve(target);
  const existingMode = await regularTargetMode(absolute);
  if (existingMode !== null && options.noReplace) throw existsError(absolute);
  await sweepStaleTemps(absolute);
  const mode = existingMode ?? options.mode ?? 0o644;
  const temp = tempNameFor(absolute);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (options.beforeRename) await options.beforeRename();
    if (options.noReplace) {
      await moveIntoPlaceNoReplace(temp, absolute);
    } else {
      // Whatever appeared there while writing must be a regular file too.
      await regularTargetMode(absolute);
      await fs.rename(temp, absolute);
    }
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  if (!options.skipDirSync) await fsyncDir(path.dirname(absolute));
}
