/**
 * Versions: time-spaced snapshots of each draft, and named checkpoints, kept outside the draft
 * file in `<userData>/versions/<id>/<createdAt ms>-<hash>.copydesk`, where `<id>` is derived from
 * the draft's absolute path (a rename by the app moves the folder along, see `move`).
 *
 * A snapshot is taken when a save happens and the newest snapshot is at least `minSpacingMs`
 * old (five minutes by default) and differs from the saved text, so continuous autosaving yields
 * about one version per five minutes of editing. A checkpoint ("Filed", "Before legal read") is
 * a snapshot with a name: `checkpoint` keeps the saved file as one at once, whatever the spacing,
 * and `label` names an existing snapshot. The names live in a sidecar beside the snapshots
 * (version-labels.ts); the snapshot files themselves are immutable, their summaries cached by
 * file name (the names are read at each listing).
 *
 * Time-spaced snapshots are bounded in number and age (pruned after each snapshot and at
 * start-up); checkpoints are never pruned with them: at most `MAX_CHECKPOINTS` per draft are
 * kept (the oldest go first), whatever their age, until the draft is trashed (its versions,
 * detached, are then all pruned by age). The clock is injected, so that tests control time.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DraftError, type DraftErrorKind } from '../../shared/draft/errors';
import type { DraftText } from '../../shared/ipc/channels';
import { writeFileAtomic } from '../node/atomic-write';
import { describeFileError, sha256Hex } from '../node/draft-file';
import { MAX_DRAFT_FILE_BYTES, readRegularFile } from '../node/read-regular-file';
import type { DraftWorkers } from './draft-workers';
import { errorCode, ServiceError } from './errors';
import { readLabels, writeLabels, type Labels } from './version-labels';

/** How versions are spaced and bounded. */
export interface VersionPolicy {
  /** Minimum time between two snapshots of a draft. */
  readonly minSpacingMs: number;
  /** At most this many time-spaced snapshots per draft (the oldest go first); checkpoints do not count. */
  readonly maxCount: number;
  /** Time-spaced snapshots older than this are removed (checkpoints only once detached). */
  readonly maxAgeMs: number;
}

/** Five minutes apart, at most 50 per draft, at most 30 days old. */
export const DEFAULT_VERSION_POLICY: VersionPolicy = { minSpacingMs: 5 * 60_000, maxCount: 50, maxAgeMs: 30 * 24 * 3_600_000 };

/** At most this many checkpoints are kept per draft (the oldest go first); the time-spaced policy never removes one. */
export const MAX_CHECKPOINTS = 200;

/** One version as the History panel lists it: the type the API sends (shared/ipc/channels.ts). */
import type { VersionSummary } from '../../shared/ipc/channels';
export type { VersionSummary };

const ID = /^(\d{13})-([0-9a-f]{12})$/u;
const EXT = '.copydesk';
const DETACHED = '-detached-';

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

function idFor(ms: number, hash: string): string {
  return `${String(ms).padStart(13, '0')}-${hash.slice(0, 12)}`;
}

/** A version's text: only a regular file, never through a link (read-regular-file.ts). */
async function readVersion(file: string): Promise<string> {
  return (await readRegularFile(file, { maxBytes: MAX_DRAFT_FILE_BYTES })).toString('utf8');
}

function labelsError(error: unknown): ServiceError {
  return new ServiceError('unreadable', `The names of this draft’s checkpoints cannot be read (${(error as Error).message}); nothing was changed.`);
}

/** The versions of every draft, in one folder. */
export class VersionStore {
  /** Summaries of snapshot files (immutable), without their names (read from the sidecar at each listing). */
  private readonly summaries = new Map<string, VersionSummary>();
  /** Changes of the folders run one after another (the sidecar is read, changed and written). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    /** `<userData>/versions`. */
    readonly root: string,
    /** Where snapshots are read as drafts (a worker thread in the app). */
    private readonly workers: DraftWorkers,
    private readonly now: () => Date = () => new Date(),
    readonly policy: VersionPolicy = DEFAULT_VERSION_POLICY,
  ) {}

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

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
   * Takes a snapshot of `text` (the draft's saved text, or its UTF-8 bytes; `hash`: their SHA-256) for the draft at `file`, unless the newest
   * snapshot is younger than the policy's spacing or holds the same text. Returns the new id or null.
   */
  maybeSnapshot(file: string, text: string | Uint8Array, hash = sha256Hex(text)): Promise<string | null> {
    return this.serial(async () => {
      const dir = this.folderFor(file);
      const nowMs = this.now().getTime();
      const newest = (await this.snapshots(dir)).at(-1);
      if (newest) {
        const age = nowMs - newest.createdMs;
        // A newest snapshot "from the future" (the clock was set back) does not block new ones.
        if (age >= 0 && age < this.policy.minSpacingMs) return null;
        if (newest.hashPrefix === hash.slice(0, 12)) return null;
      }
      const id = idFor(nowMs, hash);
      await this.write(dir, id, text);
      await this.prune(dir);
      return id;
    });
  }

  private async write(dir: string, id: string, text: string | Uint8Array): Promise<void> {
    await fs.mkdir(dir, { recursive: true });
    await writeFileAtomic(path.join(dir, `${id}${EXT}`), text, { skipDirSync: true });
  }

  /**
   * Keeps the text of the saved draft at `file` as a checkpoint named `label`, now, whatever the
   * spacing. When the newest version already holds that text (and no other name), it gets the
   * name instead of a new file. Returns the checkpoint's summary.
   */
  checkpoint(file: string, label: string): Promise<VersionSummary> {
    return this.serial(async () => {
      let text: string;
      try {
        // The file's bytes here, decoded and checked on a worker thread (as readDraftFile would).
        let bytes: Uint8Array;
        try {
          bytes = await readRegularFile(file, { maxBytes: MAX_DRAFT_FILE_BYTES, followLinks: false });
        } catch (error) {
          throw describeFileError(error, file, 'read');
        }
        const read = await this.workers.run({ kind: 'decode', bytes, path: file });
        if (!read.ok) throw new Error(read.message);
        text = read.text;
      } catch (error) {
        throw new ServiceError('unreadable', `The draft cannot be kept as a checkpoint: ${(error as Error).message}`);
      }
      const dir = this.folderFor(file);
      const labels = await readLabels(dir).catch((error: unknown) => Promise.reject(labelsError(error)));
      const existing = await this.snapshots(dir);
      const hash = sha256Hex(text);
      const newest = existing.at(-1);
      let id: string;
      if (newest && newest.hashPrefix === hash.slice(0, 12) && (labels.get(newest.id) ?? label) === label) {
        id = newest.id;
      } else {
        let ms = this.now().getTime();
        while (existing.some((s) => s.id === idFor(ms, hash))) ms++;
        id = idFor(ms, hash);
        await this.write(dir, id, text);
      }
      labels.set(id, label);
      await writeLabels(dir, labels);
      await this.prune(dir);
      return this.summaryOf(dir, id, labels);
    });
  }

  /** Names version `id` of the draft at `file` `label` (it becomes a checkpoint); returns its summary. */
  label(file: string, id: string, label: string): Promise<VersionSummary> {
    return this.serial(async () => {
      if (!ID.test(id)) throw new ServiceError('invalid-version', 'That is not a version id.');
      const dir = this.folderFor(file);
      const labels = await readLabels(dir).catch((error: unknown) => Promise.reject(labelsError(error)));
      if (!(await this.snapshots(dir)).some((s) => s.id === id)) throw new ServiceError('not-found', 'That version no longer exists (versions older than the limit are removed).');
      labels.set(id, label);
      await writeLabels(dir, labels);
      return this.summaryOf(dir, id, labels);
    });
  }

  /**
   * Removes the versions in `dir` beyond the bounds: time-spaced snapshots past the policy's count
   * or age, checkpoints past `MAX_CHECKPOINTS` (and, in a detached folder, past the age too).
   * A folder whose names cannot be read is left alone. Returns how many were removed.
   */
  private async prune(dir: string): Promise<number> {
    const nowMs = this.now().getTime();
    const all = await this.snapshots(dir);
    let labels: Labels;
    try {
      labels = await readLabels(dir);
    } catch {
      return 0; // Which are checkpoints is unknown: remove nothing.
    }
    const detached = path.basename(dir).includes(DETACHED);
    const spaced = all.filter((s) => !labels.has(s.id));
    const checkpoints = all.filter((s) => labels.has(s.id));
    const old = (s: Snapshot): boolean => nowMs - s.createdMs > this.policy.maxAgeMs;
    const doomed = [
      ...spaced.filter((s, i) => i < spaced.length - this.policy.maxCount || old(s)),
      ...checkpoints.filter((s, i) => i < checkpoints.length - MAX_CHECKPOINTS || (detached && old(s))),
    ];
    for (const snapshot of doomed) {
      const file = path.join(dir, `${snapshot.id}${EXT}`);
      await fs.unlink(file).catch(() => undefined);
      this.summaries.delete(file);
    }
    const ids = new Set(all.map((s) => s.id));
    for (const snapshot of doomed) ids.delete(snapshot.id);
    const kept = new Map([...labels].filter(([id]) => ids.has(id)));
    if (kept.size !== labels.size) await writeLabels(dir, kept).catch(() => undefined);
    if (doomed.length === all.length) await fs.rmdir(dir).catch(() => undefined);
    return doomed.length;
  }

  /** Prunes the versions of every draft (also of drafts trashed or renamed outside the app). */
  pruneAll(): Promise<number> {
    return this.serial(async () => {
      let dirs: string[];
      try {
        dirs = await fs.readdir(this.root);
      } catch {
        return 0;
      }
      let removed = 0;
      for (const dir of dirs) removed += await this.prune(path.join(this.root, dir)).catch(() => 0);
      return removed;
    });
  }

  /** The summary of snapshot `id` in `dir` (cached), with its name from `labels`; null when gone. */
  private async summaryOf(dir: string, id: string, labels: Labels): Promise<VersionSummary>;
  private async summaryOf(dir: string, id: string, labels: Labels, missing: 'null'): Promise<VersionSummary | null>;
  private async summaryOf(dir: string, id: string, labels: Labels, missing?: 'null'): Promise<VersionSummary | null> {
    const snapshotFile = path.join(dir, `${id}${EXT}`);
    let summary = this.summaries.get(snapshotFile);
    if (!summary) {
      const createdAt = new Date(Number(id.slice(0, 13))).toISOString();
      try {
        const read = await this.workers.run({ kind: 'summary', text: await readVersion(snapshotFile) });
        if (!read.ok) throw new DraftError(read.code as DraftErrorKind, read.message);
        summary = { id, createdAt, words: read.words, headline: read.headline, status: read.status, author: read.author };
      } catch (error) {
        if (errorCode(error) === 'ENOENT' && missing === 'null') return null; // Pruned meanwhile.
        summary = { id, createdAt, words: 0, headline: '', status: null, author: null, error: (error as Error).message };
      }
      this.summaries.set(snapshotFile, summary);
    }
    const label = labels.get(id);
    return label === undefined ? summary : { ...summary, label };
  }

  /** The versions of the draft at `file`, newest first (checkpoints with their names). */
  async list(file: string): Promise<VersionSummary[]> {
    const dir = this.folderFor(file);
    // Names that cannot be read are not shown; the snapshots still are.
    const labels = await readLabels(dir).catch((): Labels => new Map());
    const out: VersionSummary[] = [];
    for (const snapshot of (await this.snapshots(dir)).reverse()) {
      const summary = await this.summaryOf(dir, snapshot.id, labels, 'null');
      if (summary) out.push(summary);
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
    const checked = await this.workers.run({ kind: 'check', content: text });
    if (!checked.ok) throw new DraftError(checked.code as DraftErrorKind, checked.message);
    return text;
  }

  /**
   * Detaches the versions of the draft at `file` (trashed, or its name reused by a new draft),
   * checkpoints included: they are kept aside until pruned by age, and no longer listed for that path.
   */
  detach(file: string): Promise<void> {
    return this.serial(() => this.detachNow(file));
  }

  private async detachNow(file: string): Promise<void> {
    const dir = this.folderFor(file);
    try {
      await fs.rename(dir, `${dir}${DETACHED}${String(this.now().getTime())}`);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
    for (const key of this.summaries.keys()) if (path.dirname(key) === dir) this.summaries.delete(key);
  }

  /** Attaches the versions of the draft at `from` (checkpoints and their names included) to the draft at `to` (after a rename). */
  move(from: string, to: string): Promise<void> {
    return this.serial(async () => {
      const source = this.folderFor(from);
      const target = this.folderFor(to);
      if (source === target) return;
      const snapshots = await this.snapshots(source);
      if (snapshots.length === 0) return;
      const labels = await readLabels(source);
      // Versions left at the new name by an earlier draft of that name belong to that draft.
      await this.detachNow(to);
      await fs.mkdir(target, { recursive: true });
      for (const snapshot of snapshots) {
        const name = `${snapshot.id}${EXT}`;
        await fs.rename(path.join(source, name), path.join(target, name));
        this.summaries.delete(path.join(source, name));
      }
      await writeLabels(target, labels);
      await writeLabels(source, new Map());
      await fs.rmdir(source).catch(() => undefined);
      await this.prune(target);
    });
  }
}
