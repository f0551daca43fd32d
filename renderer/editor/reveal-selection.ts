/**
 * A text range that the browser selects elsewhere in the article is scrolled into view.
 *
 * ProseMirror scrolls to the selection when a command or a key moves it, and on purpose not when
 * the mouse does. A selection made by anything else reaches ProseMirror as a bare DOM selection
 * change, and stays where it is: `window.find()` (and tools built on it), an assistive
 * technology selecting a word, an extension. Chromium's own reveal after `window.find()` scrolls
 * only the window, never an inner scrolling element such as the shell's article column, so a
 * match deep in a long article was selected but off screen.
 *
 * When, with the document unchanged and no mouse involved, the selection becomes a non-empty
 * text range in another top-level block, this plugin centres it in view. Not with ProseMirror's
 * `scrollIntoView()`: that scrolls just far enough, measured while the blocks around the target
 * still have their estimated heights (`content-visibility: auto`, editor.css); once they render,
 * the target can slide out of view. Centring leaves room for that, and one frame later, with real
 * heights on screen, it centres again if the target is not fully visible.
 * Collapsed selections are left alone (focusing the editable may place a caret), and so is
 * select-all (an `AllSelection`). The check is constant work per transaction.
 */
import { centreWithin } from './scroll-within';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/** The plugin's key; its state counts the reveals asked for so far. */
export const revealSelectionKey = new PluginKey<number>('copydesk-reveal-selection');

/** Whether `tr` moved the selection to another block by itself (see the module comment). */
export function wantsReveal(tr: Transaction, before: EditorState, after: EditorState): boolean {
  const selection = after.selection;
  if (!tr.selectionSet || tr.docChanged || tr.scrolledIntoView || tr.getMeta('pointer') !== undefined) return false;
  if (!(selection instanceof TextSelection) || selection.empty) return false;
  return before.selection.$head.index(0) !== selection.$head.index(0);
}

// The element holding the selection's head (a text node's parent).
function headElement(view: EditorView): Element | null {
  const { node } = view.domAtPos(view.state.selection.head);
  return node instanceof Element ? node : node.parentElement;
}

function reveal(view: EditorView): void {
  const selection = view.state.selection;
  const element = headElement(view);
  // Centred in the article column only, and again once the blocks around have rendered.
  if (element) centreWithin(element, () => !view.isDestroyed && view.state.selection.eq(selection));
}

/** The plugin (see the module comment). */
export function revealSelectionPlugin(): Plugin<number> {
  return new Plugin<number>({
    key: revealSelectionKey,
    state: {
      init: () => 0,
      apply: (tr, count, before, after) => (wantsReveal(tr, before, after) ? count + 1 : count),
    },
    view: () => ({
      update(view, previous) {
        if (revealSelectionKey.getState(view.state) !== revealSelectionKey.getState(previous)) reveal(view);
      },
    }),
  });
}
