/**
 * The side panel beside the article: a complementary landmark named after the panel it shows
 * (its registry entry's title: panels.tsx), with a heading and a close button, around the
 * entry's component.
 */
import type { ReactElement } from 'react';
import type { PanelContext, RevealRequest } from './panel-registry';
import { panelEntry, type PanelName } from './panels';

/** Properties of `SidePanel`. */
export interface SidePanelProps {
  readonly name: PanelName;
  readonly context: PanelContext;
  /** The panel's latest reveal request, or null. */
  readonly request: RevealRequest<unknown> | null;
  readonly onClose: () => void;
}

/** The side panel. */
export function SidePanel({ name, context, request, onClose }: SidePanelProps): ReactElement {
  const { title, component } = panelEntry(name);
  // The registry pairs each panel with the requests made for it (`reveal(name, target)` is typed by panel).
  const Panel = component as (props: { context: PanelContext; request: RevealRequest<unknown> | null }) => ReactElement;
  const headingId = `cd-panel-title-${name}`;
  return (
    <aside className={`cd-side-panel cd-panel-${name}`} aria-labelledby={headingId} data-region="Panel">
      <div className="cd-panel-head">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="cd-icon-button" aria-label={`Close the ${title} panel`} onClick={onClose}>
          ×
        </button>
      </div>
      <Panel context={context} request={request} />
    </aside>
  );
}
