/**
 * Which side panel is open (Sources, Details, Problems, Preview: one at a time, or none), and
 * the latest request to show a source in the Sources panel.
 */
import { useCallback, useState } from 'react';
import type { ProblemField } from '../../../shared/problems';
import type { SourceRequest } from '../panels/SourcesPanel';

/** The side panels. */
export const PANELS = [
  { name: 'sources', title: 'Sources' },
  { name: 'details', title: 'Details' },
  { name: 'problems', title: 'Problems' },
  { name: 'preview', title: 'Preview' },
] as const;

/** A side panel's name. */
export type PanelName = (typeof PANELS)[number]['name'];

/** The open panel and the source request, with their setters. */
export interface Panels {
  readonly open: PanelName | null;
  readonly request: SourceRequest | null;
  /** Opens `name`, or closes it when it is open. */
  toggle(name: PanelName): void;
  show(name: PanelName): void;
  close(): void;
  /** Opens the Sources panel at source `id` (from the citation at `from`, if any), focusing its `field` if given. */
  showSource(id: string, from: number | null, field?: ProblemField | null): void;
}

/** The panels' state. */
export function usePanels(initial: PanelName | null = 'sources'): Panels {
  const [open, setOpen] = useState<PanelName | null>(initial);
  const [request, setRequest] = useState<SourceRequest | null>(null);
  const toggle = useCallback((name: PanelName) => setOpen((now) => (now === name ? null : name)), []);
  const show = useCallback((name: PanelName) => setOpen(name), []);
  const close = useCallback(() => setOpen(null), []);
  const showSource = useCallback((id: string, from: number | null, field: ProblemField | null = null) => {
    setOpen('sources');
    setRequest((now) => ({ id, from, field, seq: (now?.seq ?? 0) + 1 }));
  }, []);
  return { open, request, toggle, show, close, showSource };
}
