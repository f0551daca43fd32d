/**
 * Dialogs concern of the draft screen: which of its dialogs is open (link, citation picker,
 * figure, conflict, desktop preview: one at a time), the ways to open them, and the focus put
 * back in the text when one closes (`DraftDialogs` renders them).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import { linkAt } from '../../editor/commands';
import type { Box } from '../dialogs/place-popover';
import { notify } from '../notices';
import type { EditorStore } from '../session/editor-store';
import { canCiteAt } from './toolbar-state';

/** The open dialog of the draft screen. */
export type OpenDialog =
  | { readonly kind: 'link'; readonly current: string | null; readonly anchor: Box | undefined }
  | { readonly kind: 'cite'; readonly anchor: Box | undefined }
  | { readonly kind: 'figure' }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'desktop-preview' };

/** The open dialog and the ways to open and close one. */
export interface DraftDialogs {
  readonly open: OpenDialog | null;
  /** The link dialog for the selection (its link, if any), at the caret. */
  openLink(): void;
  /** The citation picker at the caret, or a notice when the caret cannot take a citation. */
  openCite(): void;
  openFigure(): void;
  openConflict(): void;
  openDesktopPreview(): void;
  close(): void;
}

/** The caret's box, which popups for the cursor are placed against. */
export function caretBox(view: EditorView): Box | undefined {
  try {
    const { top, bottom, left, right } = view.coordsAtPos(view.state.selection.from);
    return { top, bottom, left, right };
  } catch {
    return undefined;
  }
}

/** The draft screen's dialogs. */
export function useDraftDialogs(store: EditorStore): DraftDialogs {
  const [open, setOpen] = useState<OpenDialog | null>(null);
  // When a dialog closes with the focus back in the editor (or nowhere), ProseMirror must put the
  // DOM selection back where its state says (edits made while the dialog had the focus moved it).
  const hadDialog = useRef(false);
  useEffect(() => {
    if (open !== null) {
      hadDialog.current = true;
      return;
    }
    if (!hadDialog.current) return;
    hadDialog.current = false;
    const view = store.view;
    const active = document.activeElement;
    if (view && (active === null || active === document.body || view.dom.contains(active))) view.focus();
  }, [open, store]);

  const openLink = useCallback(() => setOpen({ kind: 'link', current: linkAt(store.getState())?.href ?? null, anchor: store.view ? caretBox(store.view) : undefined }), [store]);
  const openCite = useCallback(() => {
    const view = store.view;
    if (!view) return;
    if (!canCiteAt(view.state)) {
      notify('Put the cursor in the article’s text to cite a source there.');
      return;
    }
    setOpen({ kind: 'cite', anchor: caretBox(view) });
  }, [store]);
  const openFigure = useCallback(() => setOpen({ kind: 'figure' }), []);
  const openConflict = useCallback(() => setOpen({ kind: 'conflict' }), []);
  const openDesktopPreview = useCallback(() => setOpen({ kind: 'desktop-preview' }), []);
  const close = useCallback(() => setOpen(null), []);
  return useMemo(() => ({ open, openLink, openCite, openFigure, openConflict, openDesktopPreview, close }), [open, openLink, openCite, openFigure, openConflict, openDesktopPreview, close]);
}
