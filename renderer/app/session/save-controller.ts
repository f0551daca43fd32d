/**
 * Saving one open draft: autosave and crash journal on the `AutosaveScheduler`'s timing,
 * `drafts.save` with the hash the draft was read from (so someone else's change on disk is a
 * conflict, never overwritten), and the save state the status bar shows.
 *
 * The draft is serialised (`snapshot`) only when a save or a journal write actually runs, never
 * per edit. `status` is one of saved / unsaved / saving / error (with the reason) / conflict
 * (with its cause: our save was refused, or the file changed on disk while we had edits).
 * A conflict or an error pauses autosave until the user acts (keep mine, reload theirs, save as
 * a copy, or save again); journalling goes on meanwhile, so nothing typed is lost.
 *
 * The edit count, which edit the file holds (dirty or clean) and whether a save is running are
 * the scheduler's (one owner): the controller asks it, and keeps only what the scheduler does not
 * know (the file's identity, a conflict or an error, and the status derived from all of it).
 * The time a save was stamped with (`meta.updated`) is the main process's: it comes back with the
 * save's result and is handed to `saved`.
 */
import { messageOf } from '../error-message';
import { AutosaveScheduler, type SchedulerTimers } from '../../../shared/autosave';
import type { CopydeskApi } from '../../../shared/ipc/api';
import type { DraftBytes, ExternalChange, SaveAsResult } from '../../../shared/ipc/channels';
import { Observable } from './observable';

/** What the status bar says about saving. */
export type SaveStatus =
  | { readonly kind: 'saved' }
  | { readonly kind: 'unsaved' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'conflict'; readonly cause: 'save' | 'external'; readonly deleted: boolean };

/** The file an open draft is saved to, and the hash of what is on disk as far as we know. */
export interface DraftIdentity {
  readonly name: string;
  readonly hash: string | null;
}

/** What an external change means for the open draft. */
export type ExternalVerdict = 'ignore' | 'reload' | 'conflict';

/** What the controller needs. */
export interface SaveControllerOptions {
  readonly api: CopydeskApi;
  readonly identity: DraftIdentity;
  /** Recovery journal key of this draft (unique per opening, or the key it was recovered from). */
  readonly journalKey: string;
  /** A record under `journalKey` exists already (a recovered draft): it is forgotten once saved. */
  readonly journalExists?: boolean;
  /** The draft as it is now (called only when a save or journal write runs: `purpose` says which; a save as is a save). */
  readonly snapshot: (purpose: 'save' | 'journal') => DraftBytes;
  /** Told when the draft becomes dirty or clean (the window asks before closing a dirty one). */
  readonly onDirtyChange?: (dirty: boolean) => void;
  /**
   * The file now holds the draft with `meta.updated` = `updated` (stamped by the main process as
   * it wrote it): after each successful save and save as, before `afterSave`.
   */
  readonly saved?: (updated: string) => void;
  /**
   * After each successful save of the file `name`: the name the file has now if it was renamed
   * (a new draft named from its headline), else null. Runs inside the save, so no other save
   * starts with the old name meanwhile.
   */
  readonly afterSave?: (name: string) => Promise<string | null>;
  readonly timers?: SchedulerTimers;
}

const WINDOW_TIMERS: SchedulerTimers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};

/** A fresh journal key (letters, digits and '-', as the recovery journal requires). */
export function newJournalKey(): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(36).padStart(2, '0')).join('');
  return `d-${Date.now().toString(36)}-${random}`;
}

/** Saves and journals one open draft (see the module comment). */
export class SaveController {
  /** The save state, for the status bar. */
  readonly status = new Observable<SaveStatus>({ kind: 'saved' });
  /** The draft's file name and base hash (they change with save as, rename and reload). */
  readonly identity: Observable<DraftIdentity>;
  private readonly scheduler: AutosaveScheduler;
  private readonly api: CopydeskApi;
  private lastError: string | null = null;
  private conflict: { cause: 'save' | 'external'; deleted: boolean } | null = null;
  private forceNext = false;
  private journalled = false;
  private reportedDirty = false;
  private disposed = false;
  /** `afterSave` is renaming the file: its old name going away is our own doing. */
  private renaming = false;

  constructor(private readonly options: SaveControllerOptions) {
    this.api = options.api;
    this.identity = new Observable(options.identity);
    this.journalled = options.journalExists === true;
    this.scheduler = new AutosaveScheduler(
      { save: (at) => this.write(at), journal: (at) => this.journal(at), changed: () => this.refresh() },
      options.timers ?? WINDOW_TIMERS,
    );
  }

  /** True when there are edits the file does not hold (the scheduler's count). */
  get dirty(): boolean {
    return this.scheduler.dirty;
  }

  /** Waits until no save is running (before the draft's base is replaced: merge, reload). */
  async idle(): Promise<void> {
    for (let running = this.scheduler.saving; running; running = this.scheduler.saving) await running;
  }

  /** The journal key of this draft. */
  get journalKey(): string {
    return this.options.journalKey;
  }

  /** Call on every change of the draft (document or metadata). */
  edited(): void {
    if (this.disposed) return;
    this.scheduler.edited();
  }

  /** Saves now (menu Save): waits for a save in progress, then saves what is left. True when clean afterwards. */
  async saveNow(): Promise<boolean> {
    await this.idle();
    if (this.conflict) return false;
    this.lastError = null;
    this.scheduler.resume();
    await this.scheduler.flush();
    await this.idle();
    this.refresh();
    return !this.dirty;
  }

  /** Keep mine: writes this version over whatever is on disk. */
  async forceSave(): Promise<boolean> {
    await this.idle();
    this.conflict = null;
    this.lastError = null;
    this.forceNext = true;
    // A clean draft whose file vanished is written again too.
    if (!this.dirty) this.edited();
    return this.saveNow();
  }

  /** The draft now matches the file `identity` (after a reload, save as or rename); what was typed since `atEdit` stays dirty. */
  adopt(identity: DraftIdentity, atEdit = this.scheduler.editCount): void {
    this.identity.set(identity);
    this.conflict = null;
    this.lastError = null;
    this.scheduler.markSaved(atEdit);
  }

  /**
   * The draft now builds on the file on disk whose hash is `hash` (its changes were merged into
   * the draft): the conflict is over, autosave goes on, and the next save writes over that file
   * unless it changed again meanwhile.
   */
  rebase(hash: string): void {
    this.identity.set({ ...this.identity.get(), hash });
    this.conflict = null;
    this.lastError = null;
    this.scheduler.resume();
    this.refresh();
  }

  /** The file was renamed to `name` (same bytes, so the same base hash). */
  renamed(name: string): void {
    this.identity.set({ ...this.identity.get(), name });
  }

  /** The edit counter (to pass back to `adopt` after an asynchronous step). */
  get editCount(): number {
    return this.scheduler.editCount;
  }

  /** Saves under a new name (never over an existing file); on success the draft is that file from now on. */
  async saveAs(newName: string): Promise<SaveAsResult> {
    await this.idle();
    const at = this.scheduler.editCount;
    const result = await this.api.drafts.saveAs({ name: this.identity.get().name, draft: this.options.snapshot('save'), newName });
    if (result.ok) {
      this.options.saved?.(result.updated);
      this.adopt({ name: result.name, hash: result.hash }, at);
    }
    return result;
  }

  /** Decides what an external change of a draft file means for this draft (and pauses autosave on a conflict). */
  externalChange(change: ExternalChange): ExternalVerdict {
    const { name, hash } = this.identity.get();
    if (change.name !== name) return 'ignore';
    // A file that is really gone shows at the next save (a conflict: nothing on disk).
    if (change.kind === 'deleted' && this.renaming) return 'ignore';
    if (change.kind === 'changed' && change.hash !== null && change.hash === hash) return 'ignore';
    if (change.kind === 'changed' && !this.dirty && !this.scheduler.saving) return 'reload';
    this.conflict = { cause: 'external', deleted: change.kind === 'deleted' };
    this.scheduler.pause();
    this.refresh();
    return 'conflict';
  }

  /** Runs what is pending (before closing the draft); true when the file holds everything. */
  async settle(): Promise<boolean> {
    if (!this.conflict) await this.saveNow();
    else await this.scheduler.flush();
    return !this.dirty;
  }

  /**
   * Puts everything typed on disk before the page goes (reload, close, quit): saves what is
   * pending and then forgets the journal record, so that nothing is offered as recovered after a
   * crash; when the draft cannot be saved (a conflict, a disk error), the journal holds the edits.
   * True when the file holds everything.
   */
  async flushForUnload(): Promise<boolean> {
    if (!(await this.settle())) return false;
    await this.forgetJournal();
    return true;
  }

  /** Forgets the journal record (the draft is closed clean, or the user discarded the edits). */
  async forgetJournal(): Promise<void> {
    this.journalled = false;
    await this.api.recovery.discard({ key: this.options.journalKey }).catch(() => undefined);
  }

  /** Stops all timers; the controller does nothing afterwards. */
  dispose(): void {
    this.disposed = true;
    this.scheduler.dispose();
    if (this.reportedDirty) this.options.onDirtyChange?.(false);
    this.reportedDirty = false;
  }

  /** The scheduler's save action: writes the draft as of edit `at` (now). */
  private async write(at: number): Promise<boolean> {
    if (this.conflict && !this.forceNext) return false;
    const force = this.forceNext;
    this.forceNext = false;
    const { name, hash } = this.identity.get();
    try {
      const result = await this.api.drafts.save({ name, draft: this.options.snapshot('save'), baseHash: hash, ...(force ? { force: true } : {}) });
      if (result.ok) {
        this.identity.set({ name, hash: result.hash });
        this.lastError = null;
        this.options.saved?.(result.updated);
        // The file holds edit `at` from now on (for `afterSave`, which asks whether anything was typed since).
        this.scheduler.markSaved(at);
        if (this.journalled && !this.dirty) void this.forgetJournal();
        this.renaming = true;
        const renamed = await this.options.afterSave?.(name).catch(() => null);
        this.renaming = false;
        if (renamed && renamed !== name && !this.disposed) this.identity.set({ name: renamed, hash: result.hash });
        return true;
      }
      if (result.reason === 'conflict') {
        // A refusal of a base this window no longer builds on (merged or reloaded meanwhile) is stale.
        if (this.identity.get().hash === hash) this.conflict = { cause: 'save', deleted: result.diskHash === null };
      } else this.lastError = result.message;
      return false;
    } catch (error) {
      this.lastError = messageOf(error);
      return false;
    }
  }

  /** The scheduler's journal action: records the draft as of edit `at` (now). */
  private async journal(at: number): Promise<boolean> {
    if (this.scheduler.savedAt >= at) return true;
    try {
      await this.api.recovery.record({ key: this.options.journalKey, name: this.identity.get().name, draft: this.options.snapshot('journal') });
      this.journalled = true;
      // Saved meanwhile up to what this record holds: the record is not needed.
      if (this.scheduler.savedAt >= at && !this.scheduler.saving) void this.forgetJournal();
      return true;
    } catch {
      return false;
    }
  }

  private refresh(): void {
    const dirty = this.dirty;
    let next: SaveStatus;
    if (this.conflict) next = { kind: 'conflict', ...this.conflict };
    else if (this.scheduler.saving) next = { kind: 'saving' };
    else if (this.lastError !== null && dirty) next = { kind: 'error', message: this.lastError };
    else next = dirty ? { kind: 'unsaved' } : { kind: 'saved' };
    const now = this.status.get();
    if (!sameStatus(now, next)) this.status.set(next);
    if (dirty !== this.reportedDirty && !this.disposed) {
      this.reportedDirty = dirty;
      this.options.onDirtyChange?.(dirty);
    }
  }
}

function sameStatus(a: SaveStatus, b: SaveStatus): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'error' && b.kind === 'error') return a.message === b.message;
  if (a.kind === 'conflict' && b.kind === 'conflict') return a.cause === b.cause && a.deleted === b.deleted;
  return true;
}
