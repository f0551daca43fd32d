/**
 * The desktop preview: the same page as the Preview panel (`previewPage`: the HTML export with
 * section, byline and date) at the window's full width, as a reader on a desktop sees it, in a
 * modal dialog over the whole window (Escape or Close returns to the draft). The page sits in
 * the same sandboxed frame as the panel's: `sandbox=""` with `srcdoc`.
 */
import { useCallback, type ReactElement } from 'react';
import type { EditorState } from 'prosemirror-state';
import { Dialog } from '../dialogs/Dialog';
import type { DocumentSession } from '../session/document-session';
import { useIdleValue } from '../session/use-idle-value';
import { previewPage } from './preview-page';
import './DesktopPreview.css';

/** Properties of `DesktopPreview`. */
export interface DesktopPreviewProps {
  readonly session: DocumentSession;
  readonly onClose: () => void;
}

/** The desktop preview dialog. */
export function DesktopPreview({ session, onClose }: DesktopPreviewProps): ReactElement {
  const render = useCallback((state: EditorState): string => previewPage(session.meta.get(), state.doc), [session]);
  const html = useIdleValue(session.store, render, 800, session.meta);
  return (
    <Dialog title="Desktop preview" onClose={onClose} className="cd-desktop-preview" description="The HTML export at the width of the window. Escape returns to the draft.">
      <iframe className="cd-desktop-preview-frame" title="Desktop preview of the HTML export" sandbox="" srcDoc={html} />
    </Dialog>
  );
}
