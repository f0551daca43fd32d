/**
 * The Preview panel: the draft's HTML export (the very page File > Export as HTML writes, with
 * section, byline and date: `previewPage`) shown in a sandboxed frame — `sandbox=""` with `srcdoc`: no scripts, no same-origin access, no
 * forms, no navigation of the app — rebuilt when the reporter pauses. Buttons open the desktop
 * preview (the same page at the window's width) and export the draft in each format of
 * shared/export/formats.ts (HTML page or fragment, Markdown) through the main process.
 */
import { useCallback, type ReactElement } from 'react';
import type { EditorState } from 'prosemirror-state';
import { exportButtons } from '../../../shared/export/format-uses';
import type { ExportFormat } from '../../../shared/ipc/channels';
import type { DocumentSession } from '../session/document-session';
import { useIdleValue } from '../session/use-idle-value';
import { previewPage } from './preview-page';

/** Properties of `PreviewPanel`. */
export interface PreviewPanelProps {
  readonly session: DocumentSession;
  readonly onExport: (format: ExportFormat, fragment?: boolean) => void;
  /** Opens the desktop preview. */
  readonly onDesktopPreview: () => void;
}

/** The Preview panel. */
export function PreviewPanel({ session, onExport, onDesktopPreview }: PreviewPanelProps): ReactElement {
  const render = useCallback((state: EditorState): string => previewPage(session.meta.get(), state.doc), [session]);
  const html = useIdleValue(session.store, render, 800, session.meta);
  return (
    <div className="cd-panel-body cd-preview-panel">
      <div className="cd-preview-actions">
        <button type="button" onClick={onDesktopPreview}>
          Desktop preview
        </button>
        {exportButtons().map((button) => (
          <button key={button.label} type="button" onClick={() => onExport(button.format, button.fragment)}>
            {button.label}
          </button>
        ))}
      </div>
      <iframe className="cd-preview-frame" title="Preview of the HTML export" sandbox="" srcDoc={html} />
    </div>
  );
}
