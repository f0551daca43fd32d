/**
 * Panels concern of the draft screen: which side panel is open (one at a time, or none; the
 * registry in panels/panels.tsx lists them) and each panel's latest reveal request.
 */
import { useCallback, useMemo, useReducer } from 'react';
import { panelsReducer, type PanelsState, type RevealRequest } from '../panels/panel-state';
import type { PanelName, Reveal } from '../panels/panels';

/** The open panel and the reveal requests, with their setters. */
export interface Panels {
  readonly open: PanelName | null;
  /** Opens `name`, or closes it when it is open. */
  toggle(name: PanelName): void;
  show(name: PanelName): void;
  close(): void;
  /** Opens a panel and reveals a target in it. */
  readonly reveal: Reveal;
  /** The latest reveal request of panel `name`, or null. */
  requestOf(name: PanelName): RevealRequest<unknown> | null;
}

/** The panels' state. */
export function usePanels(initial: PanelName | null = 'sources'): Panels {
  const [state, dispatch] = useReducer(panelsReducer<PanelName>, { open: initial, requests: {} } satisfies PanelsState<PanelName>);
  const toggle = useCallback((name: PanelName) => dispatch({ kind: 'toggle', name }), []);
  const show = useCallback((name: PanelName) => dispatch({ kind: 'show', name }), []);
  const close = useCallback(() => dispatch({ kind: 'close' }), []);
  const reveal = useCallback<Reveal>((name, target) => dispatch({ kind: 'reveal', name, target }), []);
  const { open, requests } = state;
  return useMemo(() => ({ open, toggle, show, close, reveal, requestOf: (name: PanelName) => requests[name] ?? null }), [open, requests, toggle, show, close, reveal]);
}
