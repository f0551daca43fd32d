/**
 * The screen side of find (find.ts): which part of the article is on screen, and scrolling a
 * match into view in the article's own scroller.
 *
 * Why a window: highlighting every match of a common word at 100,000 words (over a thousand
 * matches of "the") made ProseMirror redraw as many paragraphs, off screen ones too (the cost is
 * in renderer/editor/README.md, "Find and replace").
 * find.ts highlights only the matches in the top-level blocks around the viewport (and the
 * selected one), and moves that window as the article scrolls; the count and the stepping use
 * every match, from the plugin state.
 */
import { scrollBoxWithin } from './scroll-within';
import type { Selection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/** A range of document positions. */
export interface PosRange {
  readonly from: number;
  readonly to: number;
}

/**
 * The editor's scroll container by style (the shell's article column), even while its content
 * does not overflow yet: where the find bar listens for scrolling. (scroll-within.ts's
 * `scrollerOf` is the ancestor that scrolls now, for moving things into view.)
 */
export function scrollerOf(view: EditorView): HTMLElement | null {
  for (let p = view.dom.parentElement; p; p = p.parentElement) {
    if (/(auto|scroll)/u.test(getComputedStyle(p).overflowY)) return p;
  }
  return null;
}

/**
 * The top-level blocks that lie within `screens` screen heights above and below the scroller's
 * visible box, as a document range; null when there is no scroller or no layout (tests). A
 * binary search over the blocks' boxes (a block skipped by `content-visibility: auto` still has
 * its estimated box): about 11 measurements at 2,000 blocks.
 */
export function blocksInView(view: EditorView, screens: number): PosRange | null {
  const scroller = scrollerOf(view);
  const doc = view.state.doc;
  if (!scroller || doc.childCount === 0) return null;
  const box = scroller.getBoundingClientRect();
  if (box.height === 0) return null;
  const top = box.top - screens * box.height;
  const bottom = box.bottom + screens * box.height;
  const starts: number[] = [];
  doc.forEach((_node, offset) => starts.push(offset));
  const rect = (i: number): DOMRect | null => {
    const dom = view.nodeDOM(starts[i] ?? 0);
    return dom instanceof Element ? dom.getBoundingClientRect() : null;
  };
  // First block whose bottom is below `top`; last block whose top is above `bottom`.
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rect(mid)?.bottom ?? Infinity) < top) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  lo = first;
  hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((rect(mid)?.top ?? -Infinity) > bottom) hi = mid - 1;
    else lo = mid;
  }
  const last = lo;
  return { from: starts[first] ?? 0, to: (starts[last] ?? 0) + doc.child(last).nodeSize };
}

/**
 * Scrolls the selection into view in the article's scroller only, when it is in the same
 * top-level block as `previous`. A selection in another block is left to reveal-selection.ts
 * (it centres a selection that moved to another block without `scrollIntoView`, and checks again
 * once the blocks around have rendered). ProseMirror's own `scrollIntoView` does nothing while
 * the focus is in the find bar, outside the editor.
 */
export function revealNear(view: EditorView, previous: Selection): void {
  const sel = view.state.selection;
  if (previous.$head.index(0) !== sel.$head.index(0)) return;
  const scroller = scrollerOf(view);
  if (!scroller) return;
  const start = view.coordsAtPos(sel.from);
  const end = view.coordsAtPos(sel.to);
  const box = scroller.getBoundingClientRect();
  const top = Math.min(start.top, end.top);
  const bottom = Math.max(start.bottom, end.bottom);
  if (top >= box.top && bottom <= box.top + scroller.clientHeight) return;
  scrollBoxWithin(scroller, { top, bottom }, 'center');
}
