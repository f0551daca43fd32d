/**
 * Arrow keys around the canvas's field atoms: "Read also" items and the sources at the end.
 *
 * Their views are forms (inputs and buttons in a `contenteditable=false` element). ProseMirror's
 * own arrow handling selects such a node when the cursor leaves a textblock towards it, and
 * Chromium then puts the DOM selection somewhere in the form's text, which ProseMirror reads back
 * as a cursor far away (an ArrowDown from the last paragraph landed in the headline). Here the
 * arrows step over these atoms instead: to the next place where text can be typed in that
 * direction, or nowhere (the cursor stays) when there is none, as at the end of a document. A
 * node selection already on one of them (a click) leaves it the same way. Their fields are
 * reached with Tab or the mouse; the Sources panel edits sources.
 */
import { keymap } from 'prosemirror-keymap';
import { NodeSelection, Selection, TextSelection, type Command, type Plugin } from 'prosemirror-state';

/** Node types whose views are forms the arrows step over. */
export const FIELD_ATOMS: ReadonlySet<string> = new Set(['read_also_item', 'source']);

const isFieldAtom = (selection: Selection): boolean => selection instanceof NodeSelection && FIELD_ATOMS.has(selection.node.type.name);

/**
 * The command of one arrow key: `dir` 1 (down, right) or -1 (up, left); `vertical` for up/down.
 * It applies only where ProseMirror would otherwise select a field atom, or one is selected.
 */
export function stepOverFieldAtoms(dir: 1 | -1, vertical: boolean): Command {
  return (state, dispatch, view) => {
    const selection = state.selection;
    if (isFieldAtom(selection)) {
      const ahead = Selection.findFrom(dir > 0 ? selection.$to : selection.$from, dir, true);
      const behind = Selection.findFrom(dir > 0 ? selection.$from : selection.$to, -dir as 1 | -1, true);
      const target = ahead ?? behind;
      if (target && dispatch) dispatch(state.tr.setSelection(target).scrollIntoView());
      return true;
    }
    if (!(selection instanceof TextSelection) || !selection.empty || !view) return false;
    const $head = selection.$head;
    if (!$head.parent.isTextblock || $head.depth === 0) return false;
    if (!view.endOfTextblock(vertical ? (dir > 0 ? 'down' : 'up') : dir > 0 ? 'forward' : 'backward')) return false;
    // Where ProseMirror's own handling would go (prosemirror-view's moveSelectionBlock).
    const $outside = state.doc.resolve(dir > 0 ? $head.after() : $head.before());
    if (!isFieldAtom(Selection.findFrom($outside, dir) ?? selection)) return false;
    const text = Selection.findFrom($outside, dir, true);
    if (text && dispatch) dispatch(state.tr.setSelection(text).scrollIntoView());
    return true;
  };
}

/** The keymap plugin: ArrowUp/Down/Left/Right step over "Read also" items and sources. */
export function atomArrowsPlugin(): Plugin {
  return keymap({
    ArrowDown: stepOverFieldAtoms(1, true),
    ArrowRight: stepOverFieldAtoms(1, false),
    ArrowUp: stepOverFieldAtoms(-1, true),
    ArrowLeft: stepOverFieldAtoms(-1, false),
  });
}
