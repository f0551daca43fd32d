/**
 * A paste (or a drop) of HTML that comes before the paste cleaner's first pass is loaded
 * (`htmlCleaner`, html-sanitize.ts). ProseMirror's paste hooks are synchronous and the cleaner
 * cannot run without its first pass, so the clipboard plugin takes the clipboard's HTML and text
 * at once (they cannot be read later), prevents the browser's paste and calls `deferPaste`:
 * - where the paste goes (the selection it replaced, or the drop point) is kept in this plugin's
 *   state and mapped through every change made meanwhile (`mapTarget`: text typed at an empty
 *   selection comes after the paste, as it would have);
 * - once the cleaner is there, that selection is restored in a transaction that closes the undo
 *   group, and the HTML goes through ProseMirror's paste (`view.pasteHTML`), hence through the
 *   same cleaning, fitting, review mode and paste offer as any paste, as one undo step;
 * - when the cleaner cannot be loaded, the clipboard's plain text is pasted instead (never the
 *   HTML), and the user is told why.
 */
import { closeHistory } from 'prosemirror-history';
import { Plugin, PluginKey, Selection, TextSelection, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { LazyModule } from './lazy-module';
import { hooksFor } from './hooks';
import { textOfHTML } from './html-sanitize';

/** What was on the clipboard (or in the drop). */
export interface ClipboardText {
  readonly html: string;
  readonly text: string;
}

interface Waiting {
  readonly id: number;
  readonly target: Selection;
}

type Meta = { readonly add: Waiting } | { readonly remove: number };

const deferredKey = new PluginKey<readonly Waiting[]>('deferredPaste');
let lastId = 0;

/** Where a waiting paste goes after `tr`: an empty selection stays before what was typed at it meanwhile. */
export function mapTarget(target: Selection, tr: Transaction): Selection {
  if (!(target instanceof TextSelection) || !target.empty) return target.map(tr.doc, tr.mapping);
  return Selection.near(tr.doc.resolve(tr.mapping.map(target.head, -1)));
}

/** The plugin that keeps the waiting pastes' places (see the module comment). */
export function deferredPastePlugin(): Plugin<readonly Waiting[]> {
  return new Plugin<readonly Waiting[]>({
    key: deferredKey,
    state: {
      init: () => [],
      apply(tr, waiting) {
        let next = tr.docChanged && waiting.length > 0 ? waiting.map((entry) => ({ id: entry.id, target: mapTarget(entry.target, tr) })) : waiting;
        const meta = tr.getMeta(deferredKey) as Meta | undefined;
        if (meta && 'add' in meta) next = [...next, meta.add];
        if (meta && 'remove' in meta) next = next.filter((entry) => entry.id !== meta.remove);
        return next;
      },
    },
  });
}

/** How many pastes wait for the cleaner in `view` (tests). */
export function waitingPastes(view: EditorView): number {
  return deferredKey.getState(view.state)?.length ?? 0;
}

/** A paste event carrying `data` (what the paste offer reads). */
function pasteEvent(data: Readonly<Record<string, string>>): ClipboardEvent {
  const clipboardData = new DataTransfer();
  for (const [type, value] of Object.entries(data)) if (value) clipboardData.setData(type, value);
  return new ClipboardEvent('paste', { clipboardData });
}

/**
 * Pastes `clip` at `at` (a selection of `view`'s current state) once `cleaner` is loaded, or its
 * plain text if it cannot be. Resolves when done (or dropped: the view was destroyed).
 */
export async function deferPaste(view: EditorView, clip: ClipboardText, at: Selection, cleaner: LazyModule<unknown>): Promise<void> {
  const id = ++lastId;
  view.dispatch(view.state.tr.setMeta(deferredKey, { add: { id, target: at } } satisfies Meta));
  let failure: string | null = null;
  try {
    await cleaner.load();
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    console.warn(`Copydesk: the paste cleaner could not be loaded (${failure}); pasting the plain text.`);
  }
  if (view.isDestroyed) return;
  const target = deferredKey.getState(view.state)?.find((entry) => entry.id === id)?.target ?? view.state.selection;
  view.dispatch(closeHistory(view.state.tr.setSelection(target).setMeta(deferredKey, { remove: id } satisfies Meta)));
  if (failure === null) {
    view.pasteHTML(clip.html, pasteEvent({ 'text/html': clip.html, 'text/plain': clip.text }));
    return;
  }
  const text = clip.text || textOfHTML(clip.html, view.dom.ownerDocument);
  if (text) view.pasteText(text, pasteEvent({ 'text/plain': text }));
  hooksFor(view).onNotice?.('The formatting of the pasted text could not be read (part of Copydesk failed to load), so it was pasted as plain text. Reload the window if this happens again.', view);
}
