/**
 * The side panels, in the order of their switches in the app bar. A panel is one entry here
 * (name, title, component taking `PanelProps<Target>`); the switches, the side panel's landmark,
 * heading and close button, and `reveal(name, target)` all come from this list. Adding a panel:
 * write its component and add its entry. The entries below adapt the panels that predate the
 * registry to their own properties.
 */
import type { ComponentType, ReactElement } from 'react';
import { headlineText } from '../../../shared/article';
import { definePanels, type PanelProps } from './panel-registry';
import { MetadataPanel } from './MetadataPanel';
import { PreviewPanel } from './PreviewPanel';
import { ProblemsPanel } from './ProblemsPanel';
import { SourcesPanel } from './SourcesPanel';
import { ReviewPanel } from '../review/ReviewPanel';
import { HistoryPanel } from '../history/HistoryPanel';

function DetailsPanel({ context }: PanelProps<null>): ReactElement {
  const { session } = context;
  return <MetadataPanel session={session} headline={() => headlineText(session.store.getState().doc)} />;
}

function ProblemsPanelEntry({ context }: PanelProps<null>): ReactElement {
  return <ProblemsPanel store={context.session.store} onSourceProblem={(id, field) => context.reveal('sources', { id, from: null, field })} />;
}

function PreviewPanelEntry({ context }: PanelProps<null>): ReactElement {
  return <PreviewPanel session={context.session} onExport={context.exportDraft} onDesktopPreview={context.openDesktopPreview} />;
}

/** The side panels. */
export const PANELS = definePanels([
  { name: 'sources', title: 'Sources', component: SourcesPanel },
  { name: 'details', title: 'Details', component: DetailsPanel },
  { name: 'problems', title: 'Problems', component: ProblemsPanelEntry },
  { name: 'preview', title: 'Preview', component: PreviewPanelEntry },
  { name: 'review', title: 'Review', component: ReviewPanel },
  { name: 'history', title: 'History', component: HistoryPanel },
]);

type AnyPanel = (typeof PANELS)[number];

/** A side panel's name. */
export type PanelName = AnyPanel['name'];

/** What can be revealed in panel `N`. */
export type PanelTarget<N extends PanelName> = Extract<AnyPanel, { readonly name: N }>['component'] extends ComponentType<PanelProps<infer T>> ? T : never;

/** Opens panel `name` and reveals `target` in it. */
export type Reveal = <N extends PanelName>(name: N, target: PanelTarget<N>) => void;

/** The entry of panel `name`. */
export function panelEntry(name: PanelName): AnyPanel {
  const entry = PANELS.find((p) => p.name === name);
  if (!entry) throw new Error(`No panel is named ${name}.`);
  return entry;
}
