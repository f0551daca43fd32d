/**
 * The side panel beside the article: a complementary landmark named after the panel it shows
 * (Sources, Details, Problems or Preview), with a heading and a close button.
 */
import type { ReactElement } from 'react';
import { headlineText } from '../../../shared/article';
import type { ExportFormat } from '../../../shared/ipc/channels';
import type { ProblemField } from '../../../shared/problems';
import { PANELS, type PanelName } from '../draft-screen/use-panels';
import type { DocumentSession } from '../session/document-session';
import { MetadataPanel } from './MetadataPanel';
import { PreviewPanel } from './PreviewPanel';
import { ProblemsPanel } from './ProblemsPanel';
import { SourcesPanel, type SourceRequest } from './SourcesPanel';

/** Properties of `SidePanel`. */
export interface SidePanelProps {
  readonly name: PanelName;
  readonly session: DocumentSession;
  readonly request: SourceRequest | null;
  readonly highlighted: string | null;
  readonly onClose: () => void;
  readonly onBack: (id: string, from: number | null) => void;
  /** Shows source `id` in the Sources panel, focusing its `field` when given (from a problem). */
  readonly onShowSource: (id: string, field?: ProblemField | null) => void;
  readonly onExport: (format: ExportFormat, fragment?: boolean) => void;
  readonly onDesktopPreview: () => void;
}

/** The side panel. */
export function SidePanel({ name, session, request, highlighted, onClose, onBack, onShowSource, onExport, onDesktopPreview }: SidePanelProps): ReactElement {
  const title = PANELS.find((p) => p.name === name)?.title ?? name;
  const headingId = `cd-panel-title-${name}`;
  const headline = (): string => headlineText(session.store.getState().doc);
  return (
    <aside className={`cd-side-panel cd-panel-${name}`} aria-labelledby={headingId} data-region="Panel">
      <div className="cd-panel-head">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="cd-icon-button" aria-label={`Close the ${title} panel`} onClick={onClose}>
          ×
        </button>
      </div>
      {name === 'sources' ? <SourcesPanel store={session.store} request={request} highlighted={highlighted} onBack={onBack} /> : null}
      {name === 'details' ? <MetadataPanel session={session} headline={headline} /> : null}
      {name === 'problems' ? <ProblemsPanel store={session.store} onSourceProblem={onShowSource} /> : null}
      {name === 'preview' ? <PreviewPanel session={session} onExport={onExport} onDesktopPreview={onDesktopPreview} /> : null}
    </aside>
  );
}
