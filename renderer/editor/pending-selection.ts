/**
 * A selection change ProseMirror has not heard of yet. The browser moves the caret at once (a
 * click, End, an arrow) but tells of it in a `selectionchange` event that comes later, after
 * keys already queued: without a look at the DOM first, End then Enter typed in one breath
 * splits the paragraph where the caret was, and Ctrl+K right after a click links the old place.
 */
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/**
 * Has ProseMirror read the DOM's selection now, as its `selectionchange` handler would (its DOM
 * observer's `flush`, not part of the typed API: checked before use).
 */
export function readPendingSelection(view: EditorView): void {
  const observer = (view as unknown as { domObserver?: { flush?: () => void } }).domObserver;
  if (typeof observer?.flush === 'function') observer.flush();
}

/** Reads the DOM's selection before any keymap acts on a key (not on an input method's keys, which are its own). */
export function pendingSelectionPlugin(): Plugin {
  return new Plugin({
    props: {
      handleDOMEvents: {
        keydown: (view, event) => {
          if (!event.isComposing && event.keyCode !== 229) readPendingSelection(view);
          return false;
        },
      },
    },
  });
}
