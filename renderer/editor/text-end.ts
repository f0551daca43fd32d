/**
 * The cursor at the end of the article's text: where a click below the text or on the sources
 * list's heading puts it, and where Ctrl+End goes (typing in the read-only sources list would go
 * nowhere).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Selection, type Command } from 'prosemirror-state';
import { bodyRange } from '../../shared/article';

/**
 * A text cursor at the end of the last body block's text (before the sources), or the last place
 * text can be typed before it (a trailing "Read also" block or figure is stepped back over). A
 * text cursor, not a node selection: a selected last "Read also" item would be replaced by the
 * next key.
 */
export function textEndSelection(doc: PMNode): Selection {
  const $end = doc.resolve(bodyRange(doc).to);
  return Selection.findFrom($end, -1, true) ?? Selection.near($end, -1);
}

/** Puts a text cursor at the end of the text (`textEndSelection`) and scrolls it into view. */
export const cursorAtTextEnd: Command = (state, dispatch) => {
  dispatch?.(state.tr.setSelection(textEndSelection(state.doc)).scrollIntoView());
  return true;
};
