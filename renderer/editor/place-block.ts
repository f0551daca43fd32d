/**
 * Where a new top-level block (a "Read also" block, a figure, a rule) goes when the reporter
 * inserts it: in place of the empty paragraph the cursor is in, or else right after the
 * top-level block that holds the cursor (after the standfirst when the cursor is in the
 * headline or standfirst, before the sources when it is in the sources). Figures and "Read
 * also" blocks may only stand at the top level, so they never split a list or a quote.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { NodeSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { bodyRange, partOf, topBlockAt } from '../../shared/article';

/** The transaction inserting `block` near the selection and selecting it, or null if it cannot go there. */
export function placeBlock(state: EditorState, block: PMNode): Transaction | null {
  const { doc, selection } = state;
  const $from = selection.$from;
  const { node: current, pos: start } = topBlockAt(doc, $from.pos);
  const name = current.type.name;
  const part = partOf(current);
  const tr = state.tr;
  let pos: number;
  if (name === 'paragraph' && current.content.size === 0 && $from.depth > 0) {
    tr.replaceWith(start, start + current.nodeSize, block);
    pos = start;
  } else {
    if (part === 'sources') pos = bodyRange(doc).to; // before the sources
    else if (part === 'headline' || part === 'standfirst') pos = bodyRange(doc).from; // after the standfirst
    else pos = start + current.nodeSize;
    if (!doc.canReplaceWith(doc.resolve(pos).index(0), doc.resolve(pos).index(0), block.type)) return null;
    tr.insert(pos, block);
  }
  return tr.setSelection(NodeSelection.create(tr.doc, pos)).scrollIntoView();
}
