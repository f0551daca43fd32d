/**
 * What the editor asks of the React shell: callbacks for the things it cannot do itself
 * (dialogs, panels, file access). Every hook is optional; a missing one makes its shortcut or
 * click do nothing, so the editor core runs (and is tested) without a shell.
 */
import type { EditorView } from 'prosemirror-view';

/** Callbacks the shell passes to `createEditorView`. */
export interface EditorHooks {
  /** Ctrl/Cmd+K: open the link dialog (prefill with `linkAt(view.state)`, apply with `setLink`). */
  onLinkRequest?(view: EditorView): void;
  /** Ctrl/Cmd+Alt+F or the toolbar: open the citation picker at the cursor. */
  onCiteRequest?(view: EditorView): void;
  /** A citation was activated (click, or Enter while it is selected): go to its source. */
  onActivateCitation?(sourceId: string, pos: number, view: EditorView): void;
  /** A citation became selected or stopped being (null): show or hide its source. */
  onCitationFocus?(sourceId: string | null, view: EditorView): void;
  /** A source in the document's sources section was activated: show it in the Sources panel. */
  onActivateSource?(sourceId: string, view: EditorView): void;
  /** The byline under the headline was clicked: edit the draft's authors (byline.ts). */
  onBylineRequest?(view: EditorView): void;
  /** A transaction was refused by the review mode (review-mode.ts): tell the user `message`. */
  onModeRefusal?(message: string, view: EditorView): void;
  /** Something the user should know that no dialog asks about (a paste made as plain text): show `message`. */
  onNotice?(message: string, view: EditorView): void;
  /** Ctrl/Cmd+Alt+M: open the comment composer for the selection (or the block at the cursor). */
  onCommentRequest?(view: EditorView): void;
  /** Escape after a review card selected its place: give the focus back to card `id`. */
  onReviewCardRequest?(id: string, view: EditorView): void;
  /** Turns a figure's `src` (`https:` URL or `assets/…` path) into a URL the page may load. */
  resolveImage?(src: string): string;
  /** A figure's image loaded, or failed to: whether its file is there may have changed. */
  onImageStatus?(src: string, loaded: boolean): void;
}

const hooksByView = new WeakMap<EditorView, EditorHooks>();

/** Attaches the shell's hooks to `view` (done by `createEditorView`). */
export function setHooks(view: EditorView, hooks: EditorHooks): void {
  hooksByView.set(view, hooks);
}

/** The hooks attached to `view` (none for a view made otherwise). */
export function hooksFor(view: EditorView): EditorHooks {
  return hooksByView.get(view) ?? {};
}
