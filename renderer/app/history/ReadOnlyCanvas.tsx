/**
 * A document shown read-only in the article column (a kept version, a comparison): the editor's
 * own rendering (renderer/editor/read-only-view.ts), on the same page-like canvas as the text,
 * with one range highlighted and scrolled to (the compare view's current change).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { useEffect, useRef, type ReactElement } from 'react';
import { createReadOnlyView, type HighlightRange, type ReadOnlyView } from '../../editor/read-only-view';
import { centreWithin } from '../../editor/scroll-within';

/** Properties of `ReadOnlyCanvas`. */
export interface ReadOnlyCanvasProps {
  readonly doc: PMNode;
  /** The text's accessible name ("Version of 2 Dec 2026, 16:30 (read-only)"). */
  readonly label: string;
  readonly highlight?: HighlightRange;
}

/** The read-only canvas. */
export function ReadOnlyCanvas({ doc, label, highlight = null }: ReadOnlyCanvasProps): ReactElement {
  const mount = useRef<HTMLDivElement>(null);
  const shown = useRef<ReadOnlyView | null>(null);

  useEffect(() => {
    const element = mount.current;
    if (!element) return;
    const view = createReadOnlyView(element, doc, label);
    shown.current = view;
    return () => {
      shown.current = null;
      view.destroy();
    };
  }, [doc, label]);

  useEffect(() => {
    const view = shown.current;
    if (!view) return;
    view.highlight(highlight);
    const active = view.view.dom.querySelector('.cd-change-active');
    if (active) centreWithin(active, () => shown.current === view);
  }, [doc, label, highlight]);

  return <div ref={mount} className="cd-editor-frame cd-canvas cd-readonly-canvas" />;
}
