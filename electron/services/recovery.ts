/**
 * The crash-recovery journal: the unsaved state of each open draft (including drafts never
 * saved), one record per key in `<userData>/recovery/<key>.journal` (format: journal-record.ts).
 *
 * The renderer records a draft about a second after typing and discards the record after a
 * successful save, so after a crash the journal holds exactly the work that was not on disk.
 * Each record is replaced through `writeFileAtomic`, so a crash mid-write leaves the previous
 * record whole. Listing checks every record; a damaged one is listed as unreadable with the
 * reason and is never offered as a draft.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CheckedDraft } from '../../shared/ipc/checked-draft';
import type { RecoveredDraft, RecoveryEntry } from '../../shared/ipc/channels';
import { MAX_DRAFT_FILE_BYTES, readRegularFile } from '../node/read-regular-file';
import { errorCode, fsServiceError, ServiceError } from './errors';
import type { DraftWorkers } from './draft-workers';
import { JOURNAL_KEY, type JournalHeader } from './journal-record';

const SUFFIX = '.journal';


function assertKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || !JOURNAL_KEY.test(key)) {
    throw new ServiceError('invalid-key', 'A recovery key is 1 to 64 letters, digits, “-” or “_”.');
  }
}

/** The journal in one folder. */
export class RecoveryJournal {
  // The last operation (record or discard) of each key: the next one waits for it.
  private readonly tails = new Map<string, Promise<unknown>>();
  // The latest record asked for, per key: a record still waiting when a later one comes is not written.
  private readonly latest = new Map<string, number>();
  private asked = 0;

  constructor(
    /** The journal folder, `<userData>/recovery`. */
    readonly dir: string,
    /** Where a record's bytes and checksums are made (a worker thread in the app). */
    private readonly workers: DraftWorkers,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private file(key: string): string {
    return path.join(this.dir, `${key}${SUFFIX}`);
  }

  // Runs `operation` after every operation on `key` asked before it (records and discards apply in the order asked).
  private inOrder<T>(key: string, operation: () => Promise<T>): Promise<T> {
    const run = (this.tails.get(key) ?? Promise.resolve()).then(operation, operation);
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }

  /**
   * Journals the unsaved `draft` under `key` (`name`: its workspace name, or null if never saved),
   * encoded and written atomically by a worker thread. Records and discards of one key are
   * written in the order asked, and a record overtaken by a later one of its key before its turn
   * is not written at all (the later one replaces it anyway): an earlier record never lands last.
   */
  async record(key: string, name: string | null, draft: CheckedDraft): Promise<void> {
    assertKey(key);
    const ticket = ++this.asked;
    this.latest.set(key, ticket);
    const savedAt = this.now().toISOString();
    return this.inOrder(key, async () => {
      if (this.latest.get(key) !== ticket) return;
      // Encoded and written by a worker thread, as the text came in (no second serialisation): its
      // bytes and checksum as the door's check made them (moved to the thread), else from the text.
      const { encoded } = draft;
      const body = encoded ?? { text: draft.text };
      const written = await this.workers.run({ kind: 'journal', key, name, savedAt, body, dir: this.dir, file: this.file(key) }, 'bytes' in body ? [body.bytes] : []);
      if (!written.ok) throw new ServiceError(written.code, written.message);
    });
  }

  /** Reads and checks the record of `key`; throws `ServiceError` ('unreadable', 'not-found'). */
  async read(key: string): Promise<{ readonly header: JournalHeader; readonly text: string; readonly headline: string }> {
    assertKey(key);
    let bytes: Uint8Array;
    try {
      // A record is a draft's text and a header of well under a kilobyte.
      bytes = await readRegularFile(this.file(key), { maxBytes: MAX_DRAFT_FILE_BYTES + 64 * 1024 });
    } catch (error) {
      if (errorCode(error) === 'ENOENT') throw new ServiceError('not-found', 'There is no recovered draft with that key.');
      throw new ServiceError('unreadable', `The recovered draft could not be read: ${(error as Error).message}`);
    }
    // Decoded and checked (parseDraft included) on a worker thread.
    const record = await this.workers.run({ kind: 'record', bytes });
    if (!record.ok) throw new ServiceError(record.code, record.message);
    return record;
  }

  /**
   * Every record in the journal, readable ones with their headline, damaged ones with a reason;
   * readable ones oldest first. A readable record for which `isSaved(name, sha256 of its text)`
   * says the draft on disk holds that very text is no unsaved work: it is discarded, not listed.
   */
  async list(isSaved?: (name: string, textSha256: string) => Promise<boolean>): Promise<RecoveryEntry[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw fsServiceError(error, 'list', this.dir);
    }
    const entries: RecoveryEntry[] = [];
    for (const fileName of names.sort()) {
      if (!fileName.endsWith(SUFFIX) || fileName.startsWith('.')) continue;
      const key = fileName.slice(0, -SUFFIX.length);
      if (!JOURNAL_KEY.test(key)) continue;
      try {
        const { header, headline } = await this.read(key);
        if (header.key !== key) throw new ServiceError('unreadable', 'The record belongs to another key.');
        if (header.name !== null && isSaved && (await isSaved(header.name, header.sha256).catch(() => false))) {
          await this.discard(key).catch(() => undefined);
          continue;
        }
        entries.push({ key, readable: true, name: header.name, headline, savedAt: header.savedAt });
      } catch (error) {
        entries.push({ key, readable: false, reason: (error as Error).message });
      }
    }
    return entries.sort((a, b) => (a.readable && b.readable ? a.savedAt.localeCompare(b.savedAt) : a.readable ? -1 : b.readable ? 1 : 0));
  }

  /** The recovered draft of `key`, as its text (checked). The record stays until `discard`. */
  async take(key: string): Promise<RecoveredDraft> {
    const { header, text } = await this.read(key);
    return { name: header.name, draft: text };
  }

  /** Removes the record of `key` (after a successful save, or when the user dismisses it), after the records asked before. */
  discard(key: string): Promise<void> {
    assertKey(key);
    return this.inOrder(key, async () => {
      try {
        await fs.unlink(this.file(key));
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') throw fsServiceError(error, 'journal', key);
      }
    });
  }
}
