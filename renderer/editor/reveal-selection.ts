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

// The nearest ancestor that scrolls vertically (the shell's article column), or the page's.
function scrollerOf(element: Element): Element | null {
  for (let p = element.parentElement; p; p = p.parentElement) {
    if (/(auto|scroll)/u.test(getComputedStyle(p).overflowY) && p.scrollHeight > p.clientHeight) return p;
  }
  return element.ownerDocument.scrollingElement;
}

// Centres `element` in its scroller only: `Element.scrollIntoView` would also scroll every
// clipping ancestor, shifting the shell's fixed layout.
function centre(element: Element, onlyIfHidden: boolean): void {
  const scroller = scrollerOf(element);
  if (!scroller) return;
  const box = element.getBoundingClientRect();
  const isPage = scroller === element.ownerDocument.scrollingElement;
  const top = isPage ? 0 : scroller.getBoundingClientRect().top;
  const height = isPage ? (element.ownerDocument.defaultView?.innerHeight ?? scroller.clientHeight) : scroller.clientHeight;
  if (onlyIfHidden && box.top >= top && box.bottom <= top + height) return;
  scroller.scrollTop += box.top - top - Math.max(0, (height - box.height) / 2);
}

function reveal(view: EditorView): void {
  const selection = view.state.selection;
  const element = headElement(view);
  if (element) centre(element, false);
  const window = view.dom.ownerDocument.defaultView;
  window?.requestAnimationFrame(() => {
    window.requestAnimationFrame(() => {
      if (view.isDestroyed || !view.state.selection.eq(selection)) return;
      const again = headElement(view);
      if (again) centre(again, true);
    });
  });
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
