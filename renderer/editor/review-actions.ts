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
import { requireReviewer, reviewModeOf } from './review-mode';

/** Every pending suggestion and thread of `state`'s document, or of a document (a walk of it: call on demand or on idle). */
export function reviewIndexOf(state: EditorState | PMNode): ReviewIndex {
  return indexReview(state instanceof EditorState ? state.doc : state);
}

/** The editing mode of `state`. */
export function modeOf(state: EditorState): ReviewMode {
  return reviewModeOf(state);
}

/** The reviewer of this installation, asked for on first use; null when the person declined. */
export function currentReviewer(): Promise<Reviewer | null> {
  return requireReviewer();
}

/**
 * Marks `tr` as a review decision, so that Suggesting mode applies it instead of recording it
 * as a suggestion. TODO(merge): use the engine's own meta once helper D's plugin is in.
 */
export function asDecision(tr: Transaction): Transaction {
  return tr.setMeta('copydesk-review-decision', true);
}

/** Adds to `tr` the steps that accept or reject the suggestions `filter` picks. */
export function decide(tr: Transaction, decision: Decision, filter: SuggestionFilter): void {
  decideSuggestions(tr, decision, filter);
}

/**
 * Marks `tr` as a comment action (a thread opened, answered, resolved or reopened), which every
 * mode applies as it is, Viewing too. TODO(merge): use the mode plugin's own meta, if it has one.
 */
function asThreadAction(tr: Transaction): Transaction {
  return tr.setMeta('copydesk-review-thread', true);
}

/** The thread operations, as the panel calls them (each adds steps to `tr`). */
export const threadOps = {
  add: (tr: Transaction, from: number, to: number, who: Reviewer, text: string, now: Date): string => addComment(asThreadAction(tr), from, to, who, text, now),
  reply: (tr: Transaction, id: string, who: Reviewer, text: string, now: Date): void => void replyToThread(asThreadAction(tr), id, who, text, now),
  resolve: (tr: Transaction, id: string, who: Reviewer, now: Date): void => void resolveThread(asThreadAction(tr), id, who, now),
  reopen: (tr: Transaction, id: string): void => void reopenThread(asThreadAction(tr), id),
  onSuggestion: (tr: Transaction, suggestion: string, who: Reviewer, text: string, now: Date): string => commentOnSuggestion(asThreadAction(tr), suggestion, who, text, now),
};
