/**
 * Versions: time-spaced snapshots of each draft, kept outside the draft file in
 * `<userData>/versions/<id>/<createdAt ms>-<hash>.copydesk`, where `<id>` is derived from the
 * draft's absolute path (a rename by the app moves the folder along, see `move`).
 *
 * A snapshot is taken when a save happens and the newest snapshot is at least `minSpacingMs`
 * old (five minutes by default) and differs from the saved text, so continuous autosaving yields
 * about one version per five minutes of editing. Versions are bounded in number and age
 * (pruned after each snapshot and at start-up). Snapshot files are immutable; their summaries
 * are cached by file name. The clock is injected, so that tests control time.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { headlineText } from '../../shared/article';
import { parseDraft } from '../../shared/draft/format';
import type { DraftText } from '../../shared/ipc/channels';
import { documentWords } from '../../shared/words';
import { writeFileAtomic } from '../node/atomic-write';
import { sha256Hex } from '../node/draft-file';
import { MAX_DRAFT_FILE_BYTES, readRegularFile } from '../node/read-regular-file';
import { errorCode, ServiceError } from './errors';

/** How versions are spaced and bounded. */
export interface VersionPolicy {
  /** Minimum time between two snapshots of a draft. */
  readonly minSpacingMs: number;
  /** At most this many versions per draft (the oldest go first). */
  readonly maxCount: number;
  /** Versions older than this are removed. */
  readonly maxAgeMs: number;
}

/** Five minutes apart, at most 50 per draft, at most 30 days old. */
export const DEFAULT_VERSION_POLICY: VersionPolicy = { minSpacingMs: 5 * 60_000, maxCount: 50, maxAgeMs: 30 * 24 * 3_600_000 };

/** One version as the versions panel lists it: the type the API sends (shared/ipc/channels.ts). */
import type { VersionSummary } from '../../shared/ipc/channels';
export type { VersionSummary };

const ID = /^(\d{13})-([0-9a-f]{12})$/u;
const EXT = '.copydesk';

interface Snapshot {
  readonly id: string;
  readonly createdMs: number;
  readonly hashPrefix: string;
}

function parseId(fileName: string): Snapshot | null {
  if (!fileName.endsWith(EXT)) return null;
  const id = fileName.slice(0, -EXT.length);
  const match = ID.exec(id);
  return match ? { id, createdMs: Number(match[1]), hashPrefix: match[2] as string } : null;
}

/** A version's text: only a regular file, never through a link (read-regular-file.ts). */
async function readVersion(file: string): Promise<string> {
  return (await readRegularFile(file, { maxBytes: MAX_DRAFT_FILE_BYTES })).toString('utf8');
}

/** The versions of every draft, in one folder. */
export class VersionStore {
  private readonly summaries = new Map<string, VersionSummary>();

  constructor(
    /** `<userData>/versions`. */
    readonly root: string,
    private readonly now: () => Date = () => new Date(),
    readonly policy: VersionPolicy = DEFAULT_VERSION_POLICY,
  ) {}

  /** The folder holding the versions of the draft at `file` (an absolute path). */
  folderFor(file: string): string {
    return path.join(this.root, sha256Hex(path.resolve(file)).slice(0, 24));
  }

  private async snapshots(dir: string): Promise<Snapshot[]> {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
    return names.flatMap((n) => parseId(n) ?? []).sort((a, b) => a.createdMs - b.createdMs || a.id.localeCompare(b.id));
  }

  /**
   * Takes a snapshot of `text` (the draft's saved text) for the draft at `file`, unless the newest
   * snapshot is younger than the policy's spacing or holds the same text. Returns the new id or null.
   */
  async maybeSnapshot(file: string, text: string): Promise<string | null> {
    const dir = this.folderFor(file);
    const nowMs = this.now().getTime();
    const existing = await this.snapshots(dir);
    const newest = existing.at(-1);
    const hash = sha256Hex(text);
    if (newest) {
      const age = nowMs - newest.createdMs;
      // A newest snapshot "from the future" (the clock was set back) does not block new ones.
      if (age >= 0 && age < this.policy.minSpacingMs) return null;
      if (newest.hashPrefix === hash.slice(0, 12)) return null;
    }
    const id = `${String(nowMs).padStart(13, '0')}-${hash.slice(0, 12)}`;
    await fs.mkdir(dir, { recursive: true });
    await writeFileAtomic(path.join(dir, `${id}${EXT}`), text, { skipDirSync: true });
    await this.prune(dir);
    return id;
  }

  /** Removes the versions in `dir` beyond the policy's bounds; returns how many were removed. */
  private async prune(dir: string): Promise<number> {
    const nowMs = this.now().getTime();
    const all = await this.snapshots(dir);
    const keepFrom = Math.max(0, all.length - this.policy.maxCount);
    let removed = 0;
    for (const [i, snapshot] of all.entries()) {
      if (i >= keepFrom && nowMs - snapshot.createdMs <= this.policy.maxAgeMs) continue;
      const file = path.join(dir, `${snapshot.id}${EXT}`);
      await fs.unlink(file).catch(() => undefined);
      this.summaries.delete(file);
      removed++;
    }
    if (removed === all.length) await fs.rmdir(dir).catch(() => undefined);
    return removed;
  }

  /** Prunes the versions of every draft (also of drafts trashed or renamed outside the app). */
  async pruneAll(): Promise<number> {
    let dirs: string[];
    try {
      dirs = await fs.readdir(this.root);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const dir of dirs) removed += await this.prune(path.join(this.root, dir)).catch(() => 0);
    return removed;
  }

  /** The versions of the draft at `file`, newest first. */
  async list(file: string): Promise<VersionSummary[]> {
    const dir = this.folderFor(file);
    const out: VersionSummary[] = [];
    for (const snapshot of (await this.snapshots(dir)).reverse()) {
      const snapshotFile = path.join(dir, `${snapshot.id}${EXT}`);
      let summary = this.summaries.get(snapshotFile);
      if (!summary) {
        const createdAt = new Date(snapshot.createdMs).toISOString();
        try {
          const draft = parseDraft(await readVersion(snapshotFile));
          summary = { id: snapshot.id, createdAt, words: documentWords(draft.doc), headline: headlineText(draft.doc) };
        } catch (error) {
          if (errorCode(error) === 'ENOENT') continue; // Pruned meanwhile.
          summary = { id: snapshot.id, createdAt, words: 0, headline: '', error: (error as Error).message };
        }
        this.summaries.set(snapshotFile, summary);
      }
      out.push(summary);
    }
    return out;
  }

  /** The draft of version `id` of the draft at `file`, as its text (checked: it is a draft). Nothing is written. */
  async restore(file: string, id: unknown): Promise<DraftText> {
    if (typeof id !== 'string' || !ID.test(id)) throw new ServiceError('invalid-version', 'That is not a version id.');
    let text: string;
    try {
      text = await readVersion(path.join(this.folderFor(file), `${id}${EXT}`));
    } catch (error) {
      if (errorCode(error) === 'ENOENT') throw new ServiceError('not-found', 'That version no longer exists (versions older than the limit are removed).');
      throw error;
    }
    parseDraft(text);
    return text;
  }

  /**
   * Detaches the versions of the draft at `file` (trashed, or its name reused by a new draft):
   * they are kept aside until pruned by age, and no longer listed for that path.
   */
  async detach(file: string): Promise<void> {
    const dir = this.folderFor(file);
    try {
      await fs.rename(dir, `${dir}-detached-${String(this.now().getTime())}`);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
    for (const key of this.summaries.keys()) if (path.dirname(key) === dir) this.summaries.delete(key);
  }

  /** Attaches the versions of the draft at `from` to the draft at `to` (after a rename). */
  async move(from: string, to: string): Promise<void> {
    const source = this.folderFor(from);
    const target = this.folderFor(to);
    if (source === target) return;
    const snapshots = await this.snapshots(source);
    if (snapshots.length === 0) return;
    // Versions left at the new name by an earlier draft of that name belong to that draft.
    await this.detach(to);
    await fs.mkdir(target, { recursive: true });
    for (const snapshot of snapshots) {
      const name = `${snapshot.id}${EXT}`;
      await fs.rename(path.join(source, name), path.join(target, name));
      this.summaries.delete(path.join(source, name));
    }
    await fs.rmdir(source).catch(() => undefined);
    await this.prune(target);
  }
}
