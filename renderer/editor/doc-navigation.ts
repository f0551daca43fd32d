/**
 * Moving through the whole article as in Word and Google Docs: Ctrl+Home / Ctrl+End (Cmd+Up /
 * Cmd+Down on macOS) to the start of the headline / the end of the text, PageUp / PageDown by
 * about one column, and with Shift the selection is extended from its anchor to there.
 *
 * The end of the text is `textEndSelection` (text-end.ts): never inside the read-only sources
 * section, whose fields the browser's own Ctrl+End selected (the next keys then went to the
 * headline). The caret is scrolled into view in the article column only, below whatever sticks
 * over the column's top (the shell's headline meter), and checked again two frames later, once
 * the blocks around it have their real heights instead of `content-visibility`'s estimates.
 *
 * PageDown / PageUp scroll the column by its visible height less two lines and put the caret
 * where the text under its old place on screen is now (`posAtCoords`). A block that has just
 * come into view may still be skipped by the browser (`content-visibility: auto`) and answer
 * only its start; the caret is put there, made visible, and moved to the exact point two frames
 * later unless a key moved it or changed the text meanwhile. On the last page PageDown goes to
 * the end of the text, on the first PageUp to the start of the headline.
 */
import { Selection, TextSelection, type Command, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { scrollerOf } from './scroll-within';
import { textEndSelection } from './text-end';

/** The selection that goes to `target` (a text cursor), or extends the current one to it. */
function moveTo(state: EditorState, target: Selection, extend: boolean): Selection {
  if (!extend) return target;
  return TextSelection.between(state.doc.resolve(state.selection.anchor), target.$head);
}

/** The text cursor at the start of the headline. */
export function textStartSelection(state: EditorState): Selection {
  return Selection.atStart(state.doc);
}

/**
 * Ctrl+Home (`edge` 'start') or Ctrl+End ('end'), extending the selection with `extend`. Works on
 * a state alone; with a view, the caret is revealed in the article column (see the module comment).
 */
export function toTextEdge(edge: 'start' | 'end', extend = false): Command {
  return (state, dispatch, view) => {
    if (!dispatch) return true;
    const target = edge === 'start' ? textStartSelection(state) : textEndSelection(state.doc);
    const tr = state.tr.setSelection(moveTo(state, target, extend));
    if (!view) {
      dispatch(tr.scrollIntoView());
      return true;
    }
    dispatch(tr);
    revealCaret(view);
    return true;
  };
}

/** The part of the viewport where the column's text can be seen: its scroller's box, below anything stuck over its top. */
function visibleBox(view: EditorView, scroller: Element, x: number): { top: number; bottom: number } {
  const win = view.dom.ownerDocument.defaultView;
  let top = 0;
  let bottom = win?.innerHeight ?? 0;
  if (scroller !== scroller.ownerDocument.scrollingElement) {
    const rect = scroller.getBoundingClientRect();
    top = Math.max(top, rect.top + scroller.clientTop);
    bottom = Math.min(bottom, top + scroller.clientHeight);
  }
  // A sticky or fixed element over the column's top (the headline meter) hides the text under it.
  let over = view.dom.ownerDocument.elementFromPoint(x, top + 1);
  while (over && over !== scroller && !view.dom.contains(over)) {
    const position = getComputedStyle(over).position;
    if (position === 'sticky' || position === 'fixed') {
      top = Math.max(top, over.getBoundingClientRect().bottom);
      break;
    }
    over = over.parentElement;
  }
  return { top, bottom };
}

/** The caret's box on screen (the head of the selection). */
function caretBox(view: EditorView): { left: number; top: number; bottom: number } {
  const { left, top, bottom } = view.coordsAtPos(view.state.selection.head);
  return { left, top, bottom };
}

// Scrolls the column (only) so that the caret and a line around it are visible; true when it moved.
function revealNow(view: EditorView): boolean {
  const scroller = scrollerOf(view.dom);
  if (!scroller) return false;
  const caret = caretBox(view);
  const box = visibleBox(view, scroller, caret.left);
  const line = Math.max(caret.bottom - caret.top, 1);
  let delta = 0;
  if (caret.top - line < box.top) delta = caret.top - line - box.top;
  else if (caret.bottom + line > box.bottom) delta = Math.min(caret.bottom + line - box.bottom, caret.top - line - box.top);
  if (Math.abs(delta) < 1) return false;
  scroller.scrollTop += delta;
  return true;
}

/** Calls `task` two frames from now, when the blocks that came into view have been rendered. */
function afterRender(view: EditorView, task: () => void): void {
  const win = view.dom.ownerDocument.defaultView;
  if (!win) return;
  win.requestAnimationFrame(() => win.requestAnimationFrame(() => view.isDestroyed || task()));
}

/** Scrolls the article column so that the caret is visible (not under a sticky header), now and once the blocks around it have rendered. */
export function revealCaret(view: EditorView): void {
  revealNow(view);
  const { selection, doc } = view.state;
  afterRender(view, () => {
    if (view.state.doc === doc && view.state.selection.eq(selection)) revealNow(view);
  });
}

/** The text cursor nearest the document position `pos`, never past the end of the text. */
function cursorNear(state: EditorState, pos: number, dir: 1 | -1): Selection {
  const end = textEndSelection(state.doc);
  if (pos >= end.head) return end;
  const $pos = state.doc.resolve(pos);
  if ($pos.parent.inlineContent) return TextSelection.create(state.doc, pos);
  return Selection.findFrom($pos, -dir as 1 | -1, true) ?? Selection.findFrom($pos, dir, true) ?? end;
}

/**
 * PageDown (`dir` 1) or PageUp (-1), extending the selection with `extend` (see the module
 * comment). Needs a view (it measures); without one it does nothing and lets the key through.
 */
export function pageMove(dir: 1 | -1, extend = false): Command {
  return (state, dispatch, view) => {
    if (!view) return false;
    if (!dispatch) return true;
    const scroller = scrollerOf(view.dom);
    const caret = caretBox(view);
    const line = Math.max(caret.bottom - caret.top, 1);
    const box = scroller ? visibleBox(view, scroller, caret.left) : { top: 0, bottom: 0 };
    const page = Math.max(box.bottom - box.top - 2 * line, line);
    const edge = dir > 0 ? textEndSelection(state.doc) : textStartSelection(state);
    const edgeBox = view.coordsAtPos(edge.head);
    // Within a page of the edge (or no scroller): to the edge, as Google Docs does on the last page.
    const wanted = caret.top + dir * page;
    if (!scroller || (dir > 0 ? wanted >= edgeBox.top : wanted <= edgeBox.top)) {
      dispatch(state.tr.setSelection(moveTo(state, edge, extend)));
      revealCaret(view);
      return true;
    }
    const before = scroller.scrollTop;
    scroller.scrollTop = before + dir * page;
    const scrolled = scroller.scrollTop - before;
    // Where the caret's text is now on screen, kept inside the visible column.
    const y = Math.min(Math.max((caret.top + caret.bottom) / 2 + dir * page - scrolled, box.top + line / 2), box.bottom - line / 2);
    const point = { left: caret.left, top: y };
    const at = (): Selection | null => {
      const found = view.posAtCoords(point);
      return found ? cursorNear(view.state, found.pos, dir) : null;
    };
    const target = at() ?? edge;
    dispatch(state.tr.setSelection(moveTo(state, target, extend)));
    revealNow(view);
    const placed = view.state;
    afterRender(view, () => {
      if (view.state.doc !== placed.doc || !view.state.selection.eq(placed.selection)) return;
      const exact = at();
      if (exact && exact.head !== placed.selection.head) view.dispatch(view.state.tr.setSelection(moveTo(state, exact, extend)));
      revealNow(view);
    });
    return true;
  };
}
