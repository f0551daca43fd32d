/**
 * Restoring a kept version in the editor, pure: the transaction that replaces the whole article
 * (its content and the document's attributes, e.g. the review data) with the version's, one step
 * of history that undo takes back.
 *
 * It is marked as a review decision (`asReviewDecision`) in every mode: in Editing that keeps
 * the version's own pending suggestions as they were (the Editing clean-up would otherwise treat
 * them as typed text); in Suggesting it applies as a plain change, as accepting a suggestion
 * does, rather than as one suggestion deleting the whole article and inserting it again (which
 * the reporter could only accept or reject whole; the text before it is kept as a checkpoint and
 * "Compare" shows what changed). Viewing refuses it (`canRestore`).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Selection, type EditorState, type Transaction } from 'prosemirror-state';
import { asReviewDecision, reviewModeOf } from '../../editor/review-mode';

/** Whether a version may be restored in `state` (not in Viewing mode, where the text is read-only). */
export function canRestore(state: EditorState): boolean {
  return reviewModeOf(state) !== 'viewing';
}

/** The transaction that makes `state`'s document `doc` (same schema), with the cursor at the start. */
export function restoreTransaction(state: EditorState, doc: PMNode): Transaction {
  const tr = state.tr.replaceWith(0, state.doc.content.size, doc.content);
  for (const [name, value] of Object.entries(doc.attrs)) {
    if (JSON.stringify(tr.doc.attrs[name]) !== JSON.stringify(value)) tr.setDocAttribute(name, value);
  }
  tr.setSelection(Selection.atStart(tr.doc)).scrollIntoView();
  return asReviewDecision(tr);
}
