/**
 * One open draft: its editor state (`EditorStore`), its metadata (`meta`), how it is saved
 * (`SaveController`), how this window holds it (`access`: editing, read-only while someone else
 * has it, unlocked: access.ts) and the version it builds on (`base`: the draft as this window
 * last opened or saved it, beside the base hash, from which "Merge their version" reads what the
 * other person changed). Created from what `drafts.open`/`drafts.create`/`recovery.take`
 * returned; the React shell renders it and disposes of it when the draft is closed.
 */
import type { SchedulerTimers } from '../../../shared/autosave';
import { headlineText } from '../../../shared/article';
import type { CopydeskApi } from '../../../shared/ipc/api';
import type { DraftBytes, DraftText, LockHolder, OpenedDraft } from '../../../shared/ipc/channels';
import { DraftTextEncoder } from '../../../shared/ipc/draft-text';
import { parseDraft, type Draft } from '../../../shared/draft/format';
import { followingSlug, type DraftMeta } from '../../../shared/draft/meta';
import { createEditorState } from '../../editor/create-editor';
import { readOnlyKey } from '../../editor/read-only';
import { reviewerOf, reviewModeKey, type ReviewModeState } from '../../editor/review-mode';
import type { Reviewer, ReviewMode } from '../../../shared/review/model';
import { windowAccessOf, type ReadOnlyCause, type WindowAccess } from './access';
import { EditorStore } from './editor-store';
import { mergeMeta } from './merge-meta';
import { mergeTransaction } from './merge-theirs';
import { Observable } from './observable';
import { newJournalKey, SaveController } from './save-controller';

/** How a session starts. */
export interface SessionOptions {
  /** Typographic input rules on or off. */
  readonly typography: boolean;
  /** The review mode and reviewer the editor starts in (default: Editing). */
  readonly review?: ReviewModeState;
  /** Journal key to reuse (a draft recovered after a crash keeps its record until saved). */
  readonly journalKey?: string;
  /** The content differs from the file (a recovered draft): autosave it soon. */
  readonly dirty?: boolean;
  /** Told when the draft becomes dirty or clean. */
  readonly onDirtyChange?: (dirty: boolean) => void;
  /** Autosave's clock (the window's by default; a fake clock in tests). */
  readonly timers?: SchedulerTimers;
  /** The file's text when the draft opened differs from it (a recovered draft): what merging reads as the base. */
  readonly baseDraft?: DraftText;
}

/** What "Merge their version" did. */
export interface MergeOutcome {
  /** Whose changes were merged (the name the suggestions carry). */
  readonly author: string;
  /** How many of their changes became suggestions. */
  readonly changes: number;
  /** The draft was saved afterwards (false: it is unsaved, or met another conflict). */
  readonly saved: boolean;
}

let sessions = 0;

/** Runs `task` when the page is idle (within 2 s), or soon where idle callbacks do not exist (Node, in tests). */
function whenIdle(task: () => void): void {
  if (typeof globalThis.requestIdleCallback === 'function') globalThis.requestIdleCallback(task, { timeout: 2000 });
  else globalThis.setTimeout(task, 200);
}

/** An open draft (see the module comment). */
export class DocumentSession {
  /** Distinguishes sessions (a React key). */
  readonly id = `session-${String(++sessions)}`;
  /** The editor state. */
  readonly store: EditorStore;
  /** The draft's metadata (slug, section, tags, authors, status, dates). */
  readonly meta: Observable<DraftMeta>;
  /** Saving, the save state and the file's name. */
  readonly saver: SaveController;
  /** How this window holds the draft (its lock). */
  readonly access: Observable<WindowAccess>;
  /** The draft as this window last opened or saved it (the base of a merge). */
  private base: Draft;
  /** What the save running now writes (it becomes `base` once written). */
  private saving: Draft | null = null;
  private readonly stopListening: () => void;
  private readonly encoder = new DraftTextEncoder();
  /** The headline as of the last transaction (the slug follows its changes). */
  private headline: string;
  /** The headline the file was last named from (it is renamed again only when this changes). */
  private namedFrom: string | null = null;

  /**
   * Opens `opened`: its draft's text is read by `parseDraft`, as a file is (throws a message for
   * the user when it is not a valid draft).
   */
  constructor(
    private readonly api: CopydeskApi,
    opened: OpenedDraft,
    options: SessionOptions,
  ) {
    const draft = parseDraft(opened.draft);
    this.access = new Observable(windowAccessOf(opened.access));
    const readOnly = this.access.get().kind === 'read-only';
    // A read-only draft shows Viewing (and stays so until it is taken over).
    const review = readOnly ? { mode: 'viewing' as const, reviewer: options.review?.reviewer ?? null } : options.review;
    this.store = new EditorStore(createEditorState(draft.doc, { typography: options.typography, readOnly, ...(review ? { review } : {}) }));
    this.meta = new Observable(draft.meta);
    this.base = options.baseDraft === undefined ? draft : parseDraft(options.baseDraft);
    this.headline = headlineText(draft.doc);
    this.saver = new SaveController({
      api,
      identity: { name: opened.name, hash: opened.hash },
      journalKey: options.journalKey ?? newJournalKey(),
      journalExists: options.journalKey !== undefined,
      snapshot: (purpose) => (purpose === 'save' ? this.snapshotForSave() : this.snapshot()),
      // The main process stamped the file's `updated`; the metadata shows what the file holds (no edit).
      saved: (updated) => {
        this.meta.set({ ...this.meta.get(), updated });
        if (this.saving) this.base = { ...this.saving, meta: { ...this.saving.meta, updated } };
        this.saving = null;
      },
      afterSave: (name) => this.nameFromHeadline(name),
      ...(options.onDirtyChange ? { onDirtyChange: options.onDirtyChange } : {}),
      ...(options.timers ? { timers: options.timers } : {}),
    });
    this.stopListening = this.store.listen((state, tr) => {
      if (!tr?.docChanged) return;
      this.followHeadline(headlineText(state.doc));
      this.saver.edited();
    });
    if (options.dirty) this.saver.edited();
    // The first write would otherwise convert every block (about 12 ms at 100,000 words).
    whenIdle(() => {
      this.encoder.prime(this.store.getState().doc);
    });
  }

  /** The file name of the draft. */
  get name(): string {
    return this.saver.identity.get().name;
  }

  /** The slug follows a changed headline unless set by hand (`followingSlug`); part of the same edit. */
  private followHeadline(headline: string): void {
    if (headline === this.headline) return;
    const meta = this.meta.get();
    const slug = followingSlug(meta, this.headline, headline);
    this.headline = headline;
    if (slug !== null) this.meta.set({ ...meta, slug });
  }

  /** After a save: a new draft's file takes its headline's name (main process), once per headline. */
  private async nameFromHeadline(name: string): Promise<string | null> {
    if (this.meta.get().autoName !== true || this.namedFrom === this.headline) return null;
    // Nothing typed since the save: the file holds this headline (else the next save tries again).
    const settled = this.saver.dirty ? null : this.headline;
    const renamed = await this.api.drafts.nameFromHeadline({ name });
    if (settled !== null) this.namedFrom = settled;
    return renamed.name;
  }

  /** The user names the file (rename, save as): from now on it no longer follows the headline. */
  nameByHand(): void {
    if (this.meta.get().autoName === true) this.setMeta({ autoName: false });
  }

  /** Changes metadata fields (one autosaved edit); nothing while the draft is read-only. */
  setMeta(patch: Partial<DraftMeta>): void {
    if (this.access.get().kind === 'read-only') return;
    const now = this.meta.get();
    const changed = (Object.keys(patch) as (keyof DraftMeta)[]).some((key) => JSON.stringify(patch[key]) !== JSON.stringify(now[key]));
    if (!changed) return;
    this.meta.set({ ...now, ...patch });
    this.saver.edited();
  }

  /**
   * The draft as it is now, as the API carries it (call only to save, journal or export). The
   * JSON text of each top-level block is kept by node identity, so a snapshot after typing
   * converts only the blocks that changed (O(blocks), not O(text)); the text crosses to the main
   * process as its UTF-8 bytes (`DraftBytes`), not as the whole document's object graph.
   * Serialising changes nothing: `meta.updated` is stamped by the main process when it writes
   * the file (see `saved`).
   */
  snapshot(): DraftBytes {
    return this.encoder.encodeBytes(this.meta.get(), this.store.getState().doc);
  }

  /** The snapshot a save writes; remembered, to become the base once written. */
  private snapshotForSave(): DraftBytes {
    this.saving = { doc: this.store.getState().doc, meta: this.meta.get() };
    return this.snapshot();
  }

  /** The draft as this window last opened or saved it. */
  get baseDraft(): Draft {
    return this.base;
  }

  /** Reload theirs: replaces the content with the file on disk, dropping the edits. */
  async reload(): Promise<void> {
    await this.saver.idle();
    const readOnly = this.access.get().kind === 'read-only';
    const opened = await this.api.drafts.open({ name: this.name, ...(readOnly ? { access: 'read-only' as const } : {}) });
    this.adoptFile(opened);
    // Someone took it over before this window heard of it.
    if (opened.access?.kind === 'held') this.turnReadOnly(opened.access.holder, 'taken');
  }

  /** The file `opened` replaces the content (no edit: everything up to now is the file's content). */
  private adoptFile(opened: OpenedDraft): void {
    const draft = parseDraft(opened.draft);
    const at = this.saver.editCount;
    this.store.replaceDoc(draft.doc);
    this.meta.set(draft.meta);
    this.base = draft;
    this.saver.adopt({ name: opened.name, hash: opened.hash }, at);
  }

  /**
   * The window no longer holds the lock (`holder` has it, `cause` says how): nothing can be changed
   * from now on, and the editor shows Viewing. What was typed and not saved yet is saved by the
   * caller (`lockLost`).
   */
  turnReadOnly(holder: LockHolder | null, cause: ReadOnlyCause): void {
    this.access.set({ kind: 'read-only', holder, cause });
    const state = this.store.getState();
    const review: ReviewModeState = { mode: 'viewing', reviewer: reviewerOf(state) };
    this.store.dispatch(state.tr.setMeta(readOnlyKey, true).setMeta(reviewModeKey, review).setMeta('addToHistory', false));
  }

  /**
   * Someone took the draft over from this window (the `lockLost` event): typing stops at once, and
   * what was typed and not saved yet is saved now. True when the file holds everything (false: a
   * conflict, which "Merge their version" resolves, or an error).
   */
  async lockLost(holder: LockHolder): Promise<boolean> {
    this.turnReadOnly(holder, 'taken');
    if (!this.saver.dirty) return true;
    return this.saver.saveNow();
  }

  /**
   * Takes the draft over from whoever has it (`drafts.open` with `take-over`): the window gets the
   * file as it is now (unless it has unsaved edits, kept for the conflict they are in) and edits
   * again in `mode` as `reviewer`.
   */
  async takeOver(mode: ReviewMode, reviewer: Reviewer | null): Promise<void> {
    const opened = await this.api.drafts.open({ name: this.name, access: 'take-over' });
    if (!this.saver.dirty && opened.hash !== this.saver.identity.get().hash) this.adoptFile(opened);
    this.editAgain(windowAccessOf(opened.access), mode, reviewer);
  }

  /**
   * The draft's status handed it to someone else (filed to the desk, or sent back): this window
   * lets go of the lock, so that the other person opens it without being asked, then saves what is
   * pending (the change of status: whoever watches the file sees it once the lock is gone), and
   * follows the file read-only until it comes back (`takeBack`). True when the file holds everything.
   */
  async handOver(): Promise<boolean> {
    const access = this.access.get();
    if (access.kind === 'editing') await this.api.drafts.release({ name: this.name });
    if (access.kind !== 'read-only') this.turnReadOnly(null, 'handed');
    return this.saver.saveNow();
  }

  /**
   * The draft came back to this person (a change of status, here or in the file): the window takes
   * its lock again and edits in `mode`; when someone still has it open, it stays read-only and says who.
   */
  async takeBack(mode: ReviewMode, reviewer: Reviewer | null): Promise<void> {
    const access = this.access.get();
    if (access.kind !== 'read-only' || access.cause !== 'handed') return;
    const opened = await this.api.drafts.open({ name: this.name });
    if (opened.access?.kind === 'held') {
      this.turnReadOnly(opened.access.holder, 'asked');
      return;
    }
    if (!this.saver.dirty && opened.hash !== this.saver.identity.get().hash) this.adoptFile(opened);
    this.editAgain(windowAccessOf(opened.access), mode, reviewer);
  }

  /** The window holds the draft again (`access`: taken over, or saved as a copy of its own): it edits in `mode` as `reviewer`. */
  editAgain(access: WindowAccess, mode: ReviewMode, reviewer: Reviewer | null): void {
    this.access.set(access);
    const state = this.store.getState();
    const review: ReviewModeState = { mode: mode === 'suggesting' && reviewer === null ? 'editing' : mode, reviewer };
    this.store.dispatch(state.tr.setMeta(readOnlyKey, false).setMeta(reviewModeKey, review).setMeta('addToHistory', false));
  }

  /**
   * "Merge their version": reads the file on disk, puts the other person's changes (since `base`)
   * over the current text as suggestions by whoever saved it (one step of undo; merge-theirs.ts),
   * merges the metadata (merge-meta.ts), builds on the file from now on (its hash and its draft
   * become the base) and saves. Nothing either person wrote is lost.
   */
  async mergeTheirs(now = new Date()): Promise<MergeOutcome> {
    // A save still on its way is answered first: its refusal then cannot come after the merge.
    await this.saver.idle();
    const opened = await this.api.drafts.open({ name: this.name, access: 'read-only' });
    const theirs = parseDraft(opened.draft);
    const { tr, changes, author } = mergeTransaction(this.store.getState(), this.base.doc, theirs.doc, theirs.meta.savedBy, now);
    const meta = mergeMeta(this.base.meta, this.meta.get(), theirs.meta);
    // The merge first: only once their changes are in the text does this window build on their file.
    if (!this.store.dispatch(tr)) throw new Error('Their version could not be merged here.');
    this.saver.rebase(opened.hash);
    this.base = theirs;
    this.meta.set(meta);
    this.saver.edited();
    const saved = await this.saver.saveNow();
    return { author: author.name, changes, saved };
  }

  /** Renames the draft's file (after saving what is pending). */
  async rename(newName: string): Promise<string> {
    this.nameByHand();
    await this.saver.saveNow();
    const { name } = await this.api.drafts.rename({ name: this.name, newName });
    this.saver.renamed(name);
    return name;
  }

  /** Stops saving and listening (call after `saver.settle()` when closing). */
  dispose(): void {
    this.stopListening();
    this.saver.dispose();
  }
}
