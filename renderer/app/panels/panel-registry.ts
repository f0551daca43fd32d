/**
 * What a side panel is, without the panels themselves (`panels.tsx` lists them): a registry entry
 * (name, title, component), what the draft screen gives every panel (`PanelContext`), and the
 * one way to show something in a panel: `reveal(name, target)` opens the panel and hands it a
 * request, which the panel carries out (scroll, focus) once it is rendered. A panel's target is
 * whatever it can show: the Sources panel's is a source (from a citation, or a problem's field).
 * The open panel and the latest request of each panel are a pure state (`panelsReducer`), kept
 * by `draft-screen/use-panels.ts`.
 */
import type { ComponentType } from 'react';
import type { ExportFormat } from '../../../shared/ipc/channels';
import type { DocumentSession } from '../session/document-session';
import type { Reveal } from './panels';

/** A request to reveal `target`; `seq` increases with each request, so that asking twice for the same target reveals it again. */
export interface RevealRequest<Target> {
  readonly target: Target;
  readonly seq: number;
}

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

/** Checks a list of entries (names unique, titles given) and returns it. */
export function definePanels<const Entries extends readonly PanelEntry[]>(entries: Entries): Entries {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.name === '' || entry.title.trim() === '') throw new Error(`A panel needs a name and a title (${JSON.stringify(entry.name)}).`);
    if (seen.has(entry.name)) throw new Error(`Two panels are named ${JSON.stringify(entry.name)}.`);
    seen.add(entry.name);
  }
  return entries;
}

/** The panels' state: the open panel (one at a time, or none) and each panel's latest reveal request. */
export interface PanelsState<Name extends string = string> {
  readonly open: Name | null;
  readonly requests: Partial<Readonly<Record<Name, RevealRequest<unknown>>>>;
}

/** A change of the panels' state. */
export type PanelsAction<Name extends string = string> =
  | { readonly kind: 'toggle'; readonly name: Name }
  | { readonly kind: 'show'; readonly name: Name }
  | { readonly kind: 'close' }
  | { readonly kind: 'reveal'; readonly name: Name; readonly target: unknown };

/** The state after `action`: toggle opens a panel or closes it when open; reveal opens the panel with a new request. */
export function panelsReducer<Name extends string>(state: PanelsState<Name>, action: PanelsAction<Name>): PanelsState<Name> {
  switch (action.kind) {
    case 'toggle':
      return { ...state, open: state.open === action.name ? null : action.name };
    case 'show':
      return state.open === action.name ? state : { ...state, open: action.name };
    case 'close':
      return state.open === null ? state : { ...state, open: null };
    case 'reveal': {
      const seq = (state.requests[action.name]?.seq ?? 0) + 1;
      return { open: action.name, requests: { ...state.requests, [action.name]: { target: action.target, seq } } };
    }
  }
}
