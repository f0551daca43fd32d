/**
 * The open draft's history, as the History panel and the article column share it: the kept
 * versions (`versions.list`, reloaded after each save and checkpoint), what the article column
 * shows instead of the text (a version read-only, or a comparison), naming checkpoints and
 * versions, and restoring a version. One per open draft (`useHistory` in DraftScreen).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { compareDocs } from '../../../shared/compare/compare';
import type { Comparison } from '../../../shared/compare/types';
import { parseDraft } from '../../../shared/draft/format';
import type { CopydeskApi } from '../../../shared/ipc/api';
import type { VersionSummary } from '../../../shared/ipc/channels';
import type { DocumentSession } from '../session/document-session';
import { Observable } from '../session/observable';
import { formatWhen } from '../status-labels';
import { canRestore, restoreTransaction } from './restore';

/** One side of a comparison: a kept version, or the current text (null). */
export type CompareSide = VersionSummary | null;

/** What the article column shows instead of the draft's text. */
export type HistoryShown =
  | { readonly kind: 'version'; readonly version: VersionSummary; readonly doc: PMNode }
  | { readonly kind: 'compare'; readonly older: CompareSide; readonly newer: CompareSide; readonly comparison: Comparison };

/** The versions list: loading, loaded, or failed (a sentence). */
export type VersionsState = { readonly kind: 'loading' } | { readonly kind: 'loaded'; readonly versions: readonly VersionSummary[] } | { readonly kind: 'error'; readonly message: string };

/** A side's name for people: "the current text", a checkpoint's label, or "the version of <time>". */
export function sideName(side: CompareSide): string {
  return side === null ? 'the current text' : side.label !== undefined ? `“${side.label}”` : `the version of ${formatWhen(side.createdAt)}`;
}

/** When the list is loaded again after a change of status (ms): its checkpoint follows the save. */
const STATUS_RELOADS_MS = [1000, 3000];

/** The draft's history (see the module comment). */
export class HistoryController {
  /** The kept versions, newest first. */
  readonly versions = new Observable<VersionsState>({ kind: 'loading' });
  /** What the article column shows instead of the text, or null (the text). */
  readonly shown = new Observable<HistoryShown | null>(null);
  /** Something is being loaded or restored (buttons wait). */
  readonly busy = new Observable<boolean>(false);
  private loads = 0;
  private attached = false;

  constructor(
    private readonly api: CopydeskApi,
    private readonly session: DocumentSession,
  ) {}

  /** Starts following the draft's saves (a save may keep a new version: the list is loaded again); returns the function that stops. */
  attach(): () => void {
    this.attached = true;
    let last = this.session.saver.status.get().kind;
    const stop = this.session.saver.status.subscribe(() => {
      const kind = this.session.saver.status.get().kind;
      if (kind === 'saved' && last !== 'saved') void this.reload();
      last = kind;
    });
    // A change of status saves, then keeps a checkpoint (the hand-over, which tells no one when
    // it is done): the list is loaded again a little later, twice.
    let logged = this.session.meta.get().statusLog?.length ?? 0;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const stopMeta = this.session.meta.subscribe(() => {
      const now = this.session.meta.get().statusLog?.length ?? 0;
      if (now > logged) for (const ms of STATUS_RELOADS_MS) timers.push(setTimeout(() => void this.reload(), ms));
      logged = now;
    });
    return () => {
      this.attached = false;
      stop();
      stopMeta();
      for (const timer of timers) clearTimeout(timer);
    };
  }

  /** Lists the versions again (the latest call wins). */
  async reload(): Promise<void> {
    const load = ++this.loads;
    try {
      const versions = await this.api.versions.list({ name: this.session.name });
      if (load === this.loads && this.attached) this.versions.set({ kind: 'loaded', versions });
    } catch (e) {
      if (load === this.loads && this.attached) this.versions.set({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }

  /** The article of version `id`, as a document. */
  private async docOf(id: string): Promise<PMNode> {
    return parseDraft(await this.api.versions.restore({ name: this.session.name, id })).doc;
  }

  private async busyWhile<T>(task: () => Promise<T>): Promise<T> {
    this.busy.set(true);
    try {
      return await task();
    } finally {
      this.busy.set(false);
    }
  }

  /** Shows `version` read-only instead of the text. */
  async show(version: VersionSummary): Promise<void> {
    const doc = await this.busyWhile(() => this.docOf(version.id));
    if (this.attached) this.shown.set({ kind: 'version', version, doc });
  }

  /** Compares two sides (a version and the current text, or two versions); the older is the base. */
  async compare(a: CompareSide, b: CompareSide): Promise<void> {
    const age = (side: CompareSide): number => (side === null ? Number.POSITIVE_INFINITY : Date.parse(side.createdAt));
    const [older, newer] = age(a) <= age(b) ? [a, b] : [b, a];
    const comparison = await this.busyWhile(async () => {
      const current = this.session.store.getState().doc;
      const [oldDoc, newDoc] = await Promise.all([older === null ? current : this.docOf(older.id), newer === null ? current : this.docOf(newer.id)]);
      return compareDocs(oldDoc, newDoc);
    });
    if (this.attached) this.shown.set({ kind: 'compare', older, newer, comparison });
  }

  /** Back to the draft's text. */
  back(): void {
    this.shown.set(null);
  }

  /** Saves the draft, then keeps it as a checkpoint named `label`. */
  async checkpoint(label: string): Promise<VersionSummary> {
    return this.busyWhile(async () => {
      await this.saveFirst('no checkpoint was kept');
      const kept = await this.api.versions.checkpoint({ name: this.session.name, label });
      await this.reload();
      return kept;
    });
  }

  /** Saves what is pending; throws (saying `outcome`) when the file does not hold the current text afterwards. */
  private async saveFirst(outcome: string): Promise<void> {
    if (!(await this.session.saver.saveNow())) throw new Error(`The draft could not be saved (the bar above the text says why), so ${outcome}. Your text is as it was.`);
  }

    /** Names version `id` (it becomes a checkpoint). */
  async label(id: string, label: string): Promise<void> {
    await this.api.versions.label({ name: this.session.name, id, label });
    const shown = this.shown.get();
    if (shown?.kind === 'version' && shown.version.id === id) this.shown.set({ ...shown, version: { ...shown.version, label } });
    await this.reload();
  }

  /**
   * Restores `version`: the current text is saved and kept as a checkpoint ("Before restoring
   * <time>"), then the version's article replaces it in one transaction, which undo takes back
   * (restore.ts). False when the editor refused it (Viewing mode).
   */
  async restore(version: VersionSummary): Promise<boolean> {
    if (!canRestore(this.session.store.getState())) return false;
    return this.busyWhile(async () => {
      const doc = await this.docOf(version.id);
      // The current text must be on disk before it is kept and replaced (a conflict, a full disk: refused).
      await this.saveFirst('nothing was restored');
      const what = version.label !== undefined ? `“${version.label}”` : formatWhen(version.createdAt);
      await this.api.versions.checkpoint({ name: this.session.name, label: `Before restoring ${what}`.slice(0, 100) });
      const view = this.session.store.view;
      if (!view) return false;
      const before = view.state.doc;
      view.dispatch(restoreTransaction(view.state, doc));
      if (view.state.doc === before) return false;
      this.shown.set(null);
      await this.reload();
      return true;
    });
  }

}
