/**
 * The side panels' state, pure (the React side is draft-screen/use-panels.ts, the registry
 * panel-registry.ts and panels.tsx): the open panel, one at a time or none, and each panel's
 * latest reveal request, which it keeps while closed so that reopening it shows the same target.
 */

/** A request to reveal `target`; `seq` increases with each request, so that asking twice for the same target reveals it again. */
export interface RevealRequest<Target> {
  readonly target: Target;
  readonly seq: number;
}

/** Throws unless every panel has a name and a title and no two share a name. */
export function checkPanels(entries: readonly { readonly name: string; readonly title: string }[]): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.name === '' || entry.title.trim() === '') throw new Error(`A panel needs a name and a title (${JSON.stringify(entry.name)}).`);
    if (seen.has(entry.name)) throw new Error(`Two panels are named ${JSON.stringify(entry.name)}.`);
    seen.add(entry.name);
  }
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
