/**
 * One open draft: its editor state (`EditorStore`), its metadata (`meta`), and how it is saved
 * (`SaveController`). Created from what `drafts.open`/`drafts.create`/`recovery.take` returned;
 * the React shell renders it and disposes of it when the draft is closed.
 */
import type { SchedulerTimers } from '../../../shared/autosave';
import { headlineText } from '../../../shared/article';
import type { CopydeskApi } from '../../../shared/ipc/api';
import type { DraftText, OpenedDraft } from '../../../shared/ipc/channels';
import { DraftTextEncoder } from '../../../shared/ipc/draft-text';
import { parseDraft } from '../../../shared/draft/format';
import { followingSlug, type DraftMeta } from '../../../shared/draft/meta';
import { createEditorState } from '../../editor/create-editor';
import type { ReviewModeState } from '../../editor/review-mode';
import { EditorStore } from './editor-store';
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
    this.store = new EditorStore(createEditorState(draft.doc, { typography: options.typography, ...(options.review ? { review: options.review } : {}) }));
    this.meta = new Observable(draft.meta);
    this.headline = headlineText(draft.doc);
    this.saver = new SaveController({
      api,
      identity: { name: opened.name, hash: opened.hash },
      journalKey: options.journalKey ?? newJournalKey(),
      journalExists: options.journalKey !== undefined,
      snapshot: () => this.snapshot(),
      // The main process stamped the file's `updated`; the metadata shows what the file holds (no edit).
      saved: (updated) => this.meta.set({ ...this.meta.get(), updated }),
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

  /** Changes metadata fields (one autosaved edit). */
  setMeta(patch: Partial<DraftMeta>): void {
    const now = this.meta.get();
    const changed = (Object.keys(patch) as (keyof DraftMeta)[]).some((key) => JSON.stringify(patch[key]) !== JSON.stringify(now[key]));
    if (!changed) return;
    this.meta.set({ ...now, ...patch });
    this.saver.edited();
  }

  /**
   * The draft as it is now, as the API carries it (call only to save, journal or export). The
   * JSON text of each top-level block is kept by node identity, so a snapshot after typing
   * converts only the blocks that changed (O(blocks), not O(text)), and one string crosses to
   * the main process instead of the whole document's object graph. Serialising changes nothing:
   * `meta.updated` is stamped by the main process when it writes the file (see `saved`).
   */
  snapshot(): DraftText {
    return this.encoder.encode(this.meta.get(), this.store.getState().doc);
  }

  /** Reload theirs: replaces the content with the file on disk, dropping the edits. */
  async reload(): Promise<void> {
    const opened = await this.api.drafts.open({ name: this.name });
    const draft = parseDraft(opened.draft);
    const at = this.saver.editCount;
    this.store.replaceDoc(draft.doc);
    this.meta.set(draft.meta);
    // replaceDoc is no edit; everything up to now is the file's content.
    this.saver.adopt({ name: opened.name, hash: opened.hash }, at);
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
