/**
 * Which live DOM views show which source's number, per editor view, so that a renumbering
 * redraws only the citations and sources whose number (or source) changed: inserting a citation
 * at the start of a 500-source article touches the text of the chips whose number moved, and
 * nothing else.
 */
import type { EditorView } from 'prosemirror-view';

/** A node view that shows something derived from a source id and can redraw it. */
export interface NumberedView {
  /** Redraws the number, labels and tooltip from the editor's current footnote index. */
  refresh(): void;
}

/** Live numbered views of one editor view, by source id. */
export class FootnoteViewRegistry {
  private readonly byId = new Map<string, Set<NumberedView>>();

  /** Registers `view` as showing source `id`. */
  add(id: string, view: NumberedView): void {
    let set = this.byId.get(id);
    if (!set) this.byId.set(id, (set = new Set()));
    set.add(view);
  }

  /** Forgets `view` (destroyed, or now showing another id). */
  remove(id: string, view: NumberedView): void {
    const set = this.byId.get(id);
    if (!set) return;
    set.delete(view);
    if (set.size === 0) this.byId.delete(id);
  }

  /** Redraws the views of the given ids; returns how many views it redrew. */
  refresh(ids: Iterable<string>): number {
    let n = 0;
    for (const id of ids) {
      for (const view of this.byId.get(id) ?? []) {
        view.refresh();
        n++;
      }
    }
    return n;
  }

  /** Number of live views (for tests and diagnostics). */
  get size(): number {
    let n = 0;
    for (const set of this.byId.values()) n += set.size;
    return n;
  }
}

const registries = new WeakMap<EditorView, FootnoteViewRegistry>();

/** The registry of `view` (made on first use, by whichever node view or plugin view asks first). */
export function registryFor(view: EditorView): FootnoteViewRegistry {
  let registry = registries.get(view);
  if (!registry) registries.set(view, (registry = new FootnoteViewRegistry()));
  return registry;
}
