/**
 * The lock file beside a draft: `.<draft file name>.lock` in the workspace folder (a hidden
 * name, so the library and the watcher, which list only `isDraftFileName` names, never see it),
 * a small JSON record naming who has the draft open, on which machine, since when and when the
 * lock was last refreshed. locks.ts takes, refreshes and removes them; the library reads them.
 *
 * A lock is read only from a regular file, never through a link (read-regular-file.ts); one that
 * is missing, unreadable, not a lock, or refreshed more than `LOCK_STALE_MS` ago (or too far in
 * the future: a clock set back) holds nothing.
 */
import path from 'node:path';
import * as z from 'zod';
import { LOCK_STALE_MS, type LockHolder } from '../../shared/ipc/channels';
import { REVIEW_ID } from '../../shared/review/model';
import { TEMP_NAME_EXTRA_BYTES } from '../node/atomic-write';
import { sha256Hex } from '../node/draft-file';
import { readRegularFile } from '../node/read-regular-file';

/** How far in the future a lock's `refreshed` may be (another machine's clock running ahead) and still count. */
export const LOCK_CLOCK_SKEW_MS = 60_000;

const isoDate = z.iso.datetime({ offset: true });

const lockSchema = z.strictObject({
  format: z.literal('copydesk-lock'),
  version: z.literal(1),
  /** The installation's author id. */
  id: z.string().regex(REVIEW_ID),
  name: z.string().min(1).max(100),
  /** The machine's host name. */
  machine: z.string().max(255),
  /** The running app that wrote it (random per start): tells a lock taken over from one refreshed by us. */
  instance: z.string().regex(/^[0-9a-f]{8,64}$/u),
  since: isoDate,
  refreshed: isoDate,
});

/** A lock file's content. */
export type LockRecord = z.infer<typeof lockSchema>;

/**
 * The lock file's name for draft `name`: `.<name>.lock`, or, for a name so long that the lock's
 * temporary name would pass the file system's 255 bytes, `.<hash of the name>.lock`.
 */
export function lockFileName(name: string): string {
  const plain = `.${name}.lock`;
  return Buffer.byteLength(plain, 'utf8') + TEMP_NAME_EXTRA_BYTES <= 255 ? plain : `.${sha256Hex(name).slice(0, 32)}.lock`;
}

/** The lock file of the draft at absolute path `file`. */
export function lockPathOf(file: string): string {
  return path.join(path.dirname(file), lockFileName(path.basename(file)));
}

/** The lock in `lockFile`, or null when there is none, or it is not a regular file, unreadable or not a lock. */
export async function readLock(lockFile: string): Promise<LockRecord | null> {
  try {
    const parsed = lockSchema.safeParse(JSON.parse((await readRegularFile(lockFile, { maxBytes: 64 * 1024 })).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** True while `lock` was refreshed within `LOCK_STALE_MS` of `nowMs` (and not beyond the clock skew allowed). */
export function isFresh(lock: LockRecord, nowMs: number): boolean {
  const age = nowMs - Date.parse(lock.refreshed);
  return age < LOCK_STALE_MS && age >= -LOCK_CLOCK_SKEW_MS;
}

/** Who a lock names, as the API says it. */
export function holderOf(lock: LockRecord): LockHolder {
  return { id: lock.id, name: lock.name, machine: lock.machine, since: lock.since, refreshed: lock.refreshed };
}

/** Who has the draft at `file` open now (a fresh lock, anyone's), or null. */
export async function freshHolder(file: string, nowMs: number): Promise<LockHolder | null> {
  const lock = await readLock(lockPathOf(file));
  return lock !== null && isFresh(lock, nowMs) ? holderOf(lock) : null;
}

/** The text of a lock file. */
export function lockText(lock: LockRecord): string {
  return `${JSON.stringify(lock, null, 2)}\n`;
}
