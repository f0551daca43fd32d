/**
 * The cursor at the end of the article's text: where a click below the text or on the sources
 * list's heading puts it (typing in the read-only sources list would go nowhere).
 */
import { Selection, type Command } from 'prosemirror-state';

/**
 * Puts a text cursor at the end of the last body block and scrolls it into view. A text cursor,
 * not a node selection: a selected last "Read also" item would be replaced by the next key.
 */
export const cursorAtTextEnd: Command = (state, dispatch) => {
  const doc = state.doc;
  const $end = doc.resolve(doc.content.size - (doc.lastChild?.nodeSize ?? 0));
  dispatch?.(state.tr.setSelection(Selection.findFrom($end, -1, true) ?? Selection.near($end, -1)).scrollIntoView());
  return true;
};
