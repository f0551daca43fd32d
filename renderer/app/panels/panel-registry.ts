/**
 * What a side panel is, without the panels themselves (`panels.tsx` lists them): a registry entry
 * (name, title, component), what the draft screen gives every panel (`PanelContext`), and the
 * one way to show something in a panel: `reveal(name, target)` opens the panel and hands it a
 * request, which the panel carries out (scroll, focus) once it is rendered. A panel's target is
 * whatever it can show: the Sources panel's is a source (from a citation, or a problem's field).
 * The open panel and the latest request of each panel are a pure state (panel-state.ts), kept
 * by `draft-screen/use-panels.ts`.
 */
import type { ComponentType } from 'react';
import type { ExportFormat } from '../../../shared/ipc/channels';
import type { HistoryController } from '../history/history-controller';
import type { DocumentSession } from '../session/document-session';
import { checkPanels, type RevealRequest } from './panel-state';
import type { Reveal } from './panels';

export type { RevealRequest };

/** What the draft screen gives every panel. */
export interface PanelContext {
  readonly session: DocumentSession;
  /** Opens a panel and reveals a target in it (the same panel or another). */
  readonly reveal: Reveal;
  /** The source of the citation that is selected in the text, or null. */
  readonly citedSource: string | null;
  /** Exports the draft (File > Export as …). */
  readonly exportDraft: (format: ExportFormat, fragment?: boolean) => void;
  /** Opens the desktop preview. */
  readonly openDesktopPreview: () => void;
  /** The draft's kept versions, and what the article column shows of them (the History panel). */
  readonly history: HistoryController;
}

/** Properties of every panel's component. */
export interface PanelProps<Target> {
  readonly context: PanelContext;
  /** The latest request to reveal a target in this panel (kept while it is closed), or null. */
  readonly request: RevealRequest<Target> | null;
}

/** One side panel: a registry entry. `Target` is what can be revealed in it (`null`: nothing, it only opens; `never` in a list of any panels). */
export interface PanelEntry<Name extends string = string, Target = never> {
  /** Unique; the landmark's heading id and class derive from it (`cd-panel-<name>`). */
  readonly name: Name;
  /** The switch's label, the heading, and the landmark's name. */
  readonly title: string;
  readonly component: ComponentType<PanelProps<Target>>;
}

/** Checks a list of entries (names unique, titles given: `checkPanels`) and returns it. */
export function definePanels<const Entries extends readonly PanelEntry[]>(entries: Entries): Entries {
  checkPanels(entries);
  return entries;
}
