/**
 * Copy, cut, paste and drop that keep citations with their sources.
 *
 * - Copy and cut write, besides ProseMirror's text/html and text/plain, the payload
 *   `application/x-copydesk-slice+json` (shared/clipboard/payload.ts): the slice and the data
 *   carried with it (shared/clipboard/carriers.ts: the sources its citations name). Dragging
 *   content out of the editor adds the same payload.
 * - Paste and drop read the payload when it is there (checked as untrusted input; a refused
 *   payload falls back to the HTML) and insert its slice in a transaction marked with `carry`,
 *   so the carried-data plugin (carried-data.ts) merges its sources in the same undo step.
 * - Any other HTML is cleaned (`sanitizeHTML`, which also removes `data-pm-slice`), and every
 *   pasted slice goes through `bodySlice`. The cleaner's first pass (parse5) is loaded when the
 *   page is idle after the editor mounts; a paste or drop of HTML before it is there is taken
 *   from the clipboard at once and made when it arrives (deferred-paste.ts).
 * - Other pasted text that holds citations and a reference list is pasted as usual, then the user
 *   is offered to turn them into footnotes (paste-offer.ts; the offer is this plugin's state).
 * Shift+Ctrl/Cmd+V (paste as plain text) ignores the payload and makes no offer.
 * - Under review (shared/clipboard/review.ts): copy and cut write the text as it would read with
 *   every suggestion accepted, in all three forms; a cut keeps its comment marks, a copy does not.
 *   A pasted payload brings no suggestion mark, and comment marks only of this draft's threads.
 *   (Dragging inside the editor is a move: its slice is left as it is.)
 */
import type { Slice } from 'prosemirror-model';
import { Plugin, TextSelection, type Selection } from 'prosemirror-state';
import { dropPoint } from 'prosemirror-transform';
import type { EditorView } from 'prosemirror-view';
import { decodePayload, encodePayload, SLICE_MIME, type ClipboardContent } from '../../shared/clipboard/payload';
import { copiedSlice, pastedSlice } from '../../shared/clipboard/review';
import { reviewDataOf } from '../../shared/review/authors';
import { schema } from '../../shared/schema';
import { carry } from './carried-data';
import { deferPaste, deferredPastePlugin } from './deferred-paste';
import { bodySlice, htmlCleaner, sanitizeHTML } from './html-sanitize';
import { whenIdle } from './idle';
import { applyPasteState, clipboardKey, focusPasteOffer, keepPaste, PasteOfferBar, pasteOfferOf, recordPaste, type PasteState } from './paste-offer';

/** The payload for `slice` copied from `view`'s document. */
export function payloadFor(view: EditorView, slice: Slice): string {
  return encodePayload(slice, view.state.doc);
}

/** The checked payload in `data`, or null when there is none or it is refused. */
export function readPayload(data: DataTransfer | null | undefined): ClipboardContent | null {
  const text = data?.getData(SLICE_MIME);
  if (!text) return null;
  try {
    return decodePayload(text, schema);
  } catch (error) {
    console.warn(`Copydesk: ignored the copied structure (${(error as Error).message}); pasting the HTML instead.`);
    return null;
  }
}

/** Writes `view`'s selection to `data` (HTML, text and payload); true when there was something to write. `cut`: comments are kept. */
export function writeSelection(view: EditorView, data: DataTransfer, cut = false): boolean {
  const { selection } = view.state;
  if (selection.empty) return false;
  const slice = copiedSlice(selection.content(), cut);
  const { dom, text } = view.serializeForClipboard(slice);
  data.clearData();
  data.setData('text/html', dom.innerHTML);
  data.setData('text/plain', text);
  data.setData(SLICE_MIME, payloadFor(view, slice));
  return true;
}

const plainPaste = new WeakMap<EditorView, boolean>();

function copyOrCut(view: EditorView, event: ClipboardEvent): boolean {
  if (!event.clipboardData || !writeSelection(view, event.clipboardData, event.type === 'cut')) return false;
  event.preventDefault();
  if (event.type === 'cut' && view.editable) view.dispatch(view.state.tr.deleteSelection().scrollIntoView().setMeta('uiEvent', 'cut'));
  return true;
}

function insertContent(view: EditorView, content: ClipboardContent, at: number | null, uiEvent: 'paste' | 'drop'): void {
  const slice = pastedSlice(content.slice, new Set(reviewDataOf(view.state.doc).threads.map((thread) => thread.id)));
  const single = slice.openStart === 0 && slice.openEnd === 0 && slice.content.childCount === 1 ? slice.content.firstChild : null;
  const tr = view.state.tr;
  if (at === null) {
    if (single) tr.replaceSelectionWith(single, false);
    else tr.replaceSelection(slice);
    tr.setMeta('paste', true);
  } else {
    if (single) tr.replaceRangeWith(at, at, single);
    else tr.replaceRange(at, at, slice);
    tr.setSelection(TextSelection.near(tr.doc.resolve(tr.mapping.map(at, 1)), -1));
  }
  view.dispatch(carry(tr.scrollIntoView().setMeta('uiEvent', uiEvent), content.carried));
}

/** Inserts a dropped payload at the drop point; false when the point is outside the text. */
function dropContent(view: EditorView, event: DragEvent, content: ClipboardContent): boolean {
  const coords = view.posAtCoords({ left: event.clientX, top: event.clientY });
  if (!coords) return false;
  const at = content.slice.size ? (dropPoint(view.state.doc, coords.pos, content.slice) ?? coords.pos) : coords.pos;
  view.focus();
  insertContent(view, content, at, 'drop');
  return true;
}

/**
 * A paste or drop from elsewhere while the cleaner's first pass is not loaded (ProseMirror would
 * read its HTML before any hook could wait): a Copydesk payload is inserted at once (it needs no
 * cleaning), and HTML is read now and pasted at `at` once the cleaner is there. False when the
 * cleaner is ready or there is nothing of the kind: ProseMirror handles the event as usual.
 */
function takeEarly(view: EditorView, event: Event, data: DataTransfer | null, at: () => Selection | null, payload: (content: ClipboardContent) => boolean): boolean {
  if (htmlCleaner.current || !data || !view.editable || view.composing) return false;
  const content = readPayload(data);
  const html = data.getData('text/html');
  if (!content && !html) return false;
  const target = content ? null : at();
  if (content ? !payload(content) : !target) return false;
  event.preventDefault();
  if (target) void deferPaste(view, { html, text: data.getData('text/plain') }, target, htmlCleaner);
  return true;
}

/** The clipboard plugins: copy, cut, paste and drop (see the module comment), and the pastes waiting for the cleaner. */
export function clipboardPlugins(): Plugin[] {
  return [clipboardPlugin(), deferredPastePlugin()];
}

function clipboardPlugin(): Plugin<PasteState> {
  return new Plugin<PasteState>({
    key: clipboardKey,
    state: {
      init: () => ({ id: 0, range: null, offer: null }),
      apply: applyPasteState,
    },
    props: {
      handleDOMEvents: {
        copy: (view, event) => copyOrCut(view, event),
        cut: (view, event) => copyOrCut(view, event),
        keydown: (view, event) => {
          plainPaste.set(view, event.shiftKey && event.key.toLowerCase() === 'v');
          // While a paste offer is open, Tab goes to it and Escape keeps the text as pasted.
          if (!pasteOfferOf(view.state) || event.ctrlKey || event.metaKey || event.altKey) return false;
          const handled = (event.key === 'Tab' && !event.shiftKey && focusPasteOffer(view)) || (event.key === 'Escape' && keepPaste(view.state, view.dispatch));
          if (handled) event.preventDefault();
          return handled;
        },
        // Before ProseMirror reads the HTML (transformPastedHTML runs before handlePaste).
        paste: (view, event) => {
          if (plainPaste.get(view) === true) return false;
          const taken = takeEarly(view, event, event.clipboardData, () => view.state.selection, (content) => {
            insertContent(view, content, null, 'paste');
            return true;
          });
          if (taken) plainPaste.delete(view);
          return taken;
        },
        drop: (view, event) => {
          if (view.dragging) return false; // a move or copy inside this editor: no HTML is read
          const at = (): Selection | null => {
            const coords = view.posAtCoords({ left: event.clientX, top: event.clientY });
            if (!coords) return null;
            view.focus();
            return TextSelection.near(view.state.doc.resolve(coords.pos));
          };
          return takeEarly(view, event, event.dataTransfer, at, (content) => dropContent(view, event, content));
        },
      },
      transformPastedHTML: (html, view) => sanitizeHTML(html, view.dom.ownerDocument),
      transformPasted: (slice) => bodySlice(slice),
      handlePaste(view, event, slice) {
        const plain = plainPaste.get(view) === true;
        plainPaste.delete(view);
        if (plain) return false;
        const content = readPayload(event.clipboardData);
        if (!content) return recordPaste(view, event.clipboardData, slice);
        insertContent(view, content, null, 'paste');
        return true;
      },
      handleDrop(view, event, _slice, moved) {
        if (moved || view.dragging) return false; // a move inside this editor: ProseMirror's own
        const content = readPayload(event.dataTransfer);
        return content ? dropContent(view, event, content) : false;
      },
    },
    // ProseMirror's own dragstart handler clears the drag data; this listener runs after it. The
    // paste offer's bar is drawn after the editable.
    view(view) {
      const onDragStart = (event: DragEvent): void => {
        if (view.dragging && event.dataTransfer) event.dataTransfer.setData(SLICE_MIME, payloadFor(view, copiedSlice(view.dragging.slice, true)));
      };
      view.dom.addEventListener('dragstart', onDragStart);
      const bar = new PasteOfferBar(view);
      // The cleaner's first pass, so that it is there before the first paste of HTML.
      const cancelLoad = whenIdle(() => void htmlCleaner.load().catch(() => undefined));
      return {
        update: () => bar.update(),
        destroy: () => {
          cancelLoad();
          view.dom.removeEventListener('dragstart', onDragStart);
          bar.destroy();
        },
      };
    },
  });
}
