/**
 * The review panel's calls into the review index and the comment threads, in the shape the panel
 * uses them (the mode and the decisions it asks review-mode.ts and resolve.ts for directly).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { indexReview } from '../../shared/review/index';
import type { ReviewIndex, Reviewer } from '../../shared/review/model';
import { addComment, commentOnSuggestion, reopenThread, replyToThread, resolveThread } from '../../shared/review/threads';

/** Every pending suggestion and thread of `state`'s document, or of a document (a walk of it: call on demand or on idle). */
export function reviewIndexOf(state: EditorState | PMNode): ReviewIndex {
  return indexReview(state instanceof EditorState ? state.doc : state);
}

/**
 * The thread operations, as the panel calls them (each adds steps to `tr`). Their steps change
 * review data only (comment marks, the doc's review attribute), which every mode applies as they
 * are, Viewing too (`changesReviewDataOnly`).
 */
export const threadOps = {
  add: (tr: Transaction, from: number, to: number, who: Reviewer, text: string, now: Date): string => addComment(tr, from, to, who, text, now),
  reply: (tr: Transaction, id: string, who: Reviewer, text: string, now: Date): void => void replyToThread(tr, id, who, text, now),
  resolve: (tr: Transaction, id: string, who: Reviewer, now: Date): void => void resolveThread(tr, id, who, now),
  reopen: (tr: Transaction, id: string, who: Reviewer): void => void reopenThread(tr, id, who),
  onSuggestion: (tr: Transaction, suggestion: string, who: Reviewer, text: string, now: Date): string => commentOnSuggestion(tr, suggestion, who, text, now),
};
