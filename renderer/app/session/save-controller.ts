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
 */
import { AutosaveScheduler, type SchedulerTimers } from '../../../shared/autosave';
import type { CopydeskApi } from '../../../shared/ipc/api';
import type { DraftText, ExternalChange, SaveAsResult } from '../../../shared/ipc/channels';
import { messageOf } from '../api';
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
  /** The draft as it is now (called only when a save or journal write runs). */
  readonly snapshot: () => DraftText;
  /** Told when the draft becomes dirty or clean (the window asks before closing a dirty one). */
  readonly onDirtyChange?: (dirty: boolean) => void;
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
  /** Edits so far, and the count the file holds (equal when clean). */
  private edits = 0;
  private cleanAt = 0;
  private saving: Promise<boolean> | null = null;
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
    this.scheduler = new AutosaveScheduler({ save: () => this.write(), journal: () => this.journal() }, options.timers ?? WINDOW_TIMERS);
  }

  /** True when there are edits the file does not hold. */
  get dirty(): boolean {
    return this.edits !== this.cleanAt;
  }

  /** The journal key of this draft. */
  get journalKey(): string {
    return this.options.journalKey;
  }

  /** Call on every change of the draft (document or metadata). */
  edited(): void {
    if (this.disposed) return;
    this.edits++;
    this.scheduler.edited();
    this.refresh();
  }

  /** Saves now (menu Save): waits for a save in progress, then saves what is left. True when clean afterwards. */
  async saveNow(): Promise<boolean> {
    while (this.saving) await this.saving;
    if (this.conflict) return false;
    this.lastError = null;
    this.scheduler.resume();
    await this.scheduler.flush();
    while (this.saving) await this.saving;
    this.refresh();
    return !this.dirty;
  }

  /** Keep mine: writes this version over whatever is on disk. */
  async forceSave(): Promise<boolean> {
    while (this.saving) await this.saving;
    this.conflict = null;
    this.lastError = null;
    this.forceNext = true;
    // A clean draft whose file vanished is written again too.
    if (!this.dirty) this.edited();
    return this.saveNow();
  }

  /** The draft now matches the file `identity` (after a reload, save as or rename); what was typed since `atEdit` stays dirty. */
  adopt(identity: DraftIdentity, atEdit = this.edits): void {
    this.identity.set(identity);
    this.conflict = null;
    this.lastError = null;
    this.markClean(atEdit);
  }

  /** The file was renamed to `name` (same bytes, so the same base hash). */
  renamed(name: string): void {
    this.identity.set({ ...this.identity.get(), name });
  }

  /** The edit counter (to pass back to `adopt` after an asynchronous step). */
  get editCount(): number {
    return this.edits;
  }

  /** Saves under a new name (never over an existing file); on success the draft is that file from now on. */
  async saveAs(newName: string): Promise<SaveAsResult> {
    while (this.saving) await this.saving;
    const at = this.edits;
    const result = await this.api.drafts.saveAs({ name: this.identity.get().name, draft: this.options.snapshot(), newName });
    if (result.ok) this.adopt({ name: result.name, hash: result.hash }, at);
    return result;
  }

  /** Decides what an external change of a draft file means for this draft (and pauses autosave on a conflict). */
  externalChange(change: ExternalChange): ExternalVerdict {
    const { name, hash } = this.identity.get();
    if (change.name !== name) return 'ignore';
    // A file that is really gone shows at the next save (a conflict: nothing on disk).
    if (change.kind === 'deleted' && this.renaming) return 'ignore';
    if (change.kind === 'changed' && change.hash !== null && change.hash === hash) return 'ignore';
    if (change.kind === 'changed' && !this.dirty && !this.saving) return 'reload';
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

  private markClean(atEdit: number): void {
    this.cleanAt = atEdit;
    this.scheduler.savedExternally();
    if (this.edits !== atEdit) this.scheduler.edited();
    this.refresh();
  }

  /** The scheduler's save action. */
  private write(): Promise<boolean> {
    const run = this.writeOnce();
    this.saving = run;
    this.refresh();
    void run.finally(() => {
      if (this.saving === run) this.saving = null;
      this.refresh();
    });
    return run;
  }

  private async writeOnce(): Promise<boolean> {
    if (this.conflict && !this.forceNext) return false;
    const force = this.forceNext;
    this.forceNext = false;
    const at = this.edits;
    const { name, hash } = this.identity.get();
    try {
      const result = await this.api.drafts.save({ name, draft: this.options.snapshot(), baseHash: hash, ...(force ? { force: true } : {}) });
      if (result.ok) {
        this.identity.set({ name, hash: result.hash });
        this.cleanAt = at;
        this.lastError = null;
        if (this.journalled && !this.dirty) void this.forgetJournal();
        this.renaming = true;
        const renamed = await this.options.afterSave?.(name).catch(() => null);
        this.renaming = false;
        if (renamed && renamed !== name && !this.disposed) this.identity.set({ name: renamed, hash: result.hash });
        return true;
      }
      if (result.reason === 'conflict') this.conflict = { cause: 'save', deleted: result.diskHash === null };
      else this.lastError = result.message;
      return false;
    } catch (error) {
      this.lastError = messageOf(error);
      return false;
    }
  }

  /** The scheduler's journal action. */
  private async journal(): Promise<boolean> {
    const at = this.edits;
    if (at === this.cleanAt) return true;
    try {
      await this.api.recovery.record({ key: this.options.journalKey, name: this.identity.get().name, draft: this.options.snapshot() });
      this.journalled = true;
      // Saved meanwhile up to what this record holds: the record is not needed.
      if (this.cleanAt >= at && !this.saving) void this.forgetJournal();
      return true;
    } catch {
      return false;
    }
  }

  private refresh(): void {
    const dirty = this.dirty;
    let next: SaveStatus;
    if (this.conflict) next = { kind: 'conflict', ...this.conflict };
    else if (this.saving) next = { kind: 'saving' };
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
