/**
 * The review panel's one door to the modules of the other parts of issue 12 (the review index,
 * the comment threads, the editing mode and the reviewer): every call the panel, its commands
 * and its shortcuts make to them goes through here, so that a change of their signatures is
 * fixed in this file alone.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { indexReview } from '../../shared/review/index';
import type { ReviewIndex, Reviewer, ReviewMode } from '../../shared/review/model';
import { decideSuggestions, type Decision, type SuggestionFilter } from '../../shared/review/resolve';
import { addComment, commentOnSuggestion, reopenThread, replyToThread, resolveThread } from '../../shared/review/threads';
import { asReviewDecision, reviewModeOf } from './review-mode';

/** Every pending suggestion and thread of `state`'s document, or of a document (a walk of it: call on demand or on idle). */
export function reviewIndexOf(state: EditorState | PMNode): ReviewIndex {
  return indexReview(state instanceof EditorState ? state.doc : state);
}

/** The editing mode of `state`. */
export function modeOf(state: EditorState): ReviewMode {
  return reviewModeOf(state);
}

/** Marks `tr` as a review decision, so that Suggesting mode applies it instead of recording it as a suggestion. */
export function asDecision(tr: Transaction): Transaction {
  return asReviewDecision(tr);
}

/** Adds to `tr` the steps that accept or reject the suggestions `filter` picks. */
export function decide(tr: Transaction, decision: Decision, filter: SuggestionFilter): void {
  decideSuggestions(tr, decision, filter);
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
