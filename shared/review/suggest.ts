/**
 * Suggesting mode's engine: turns a transaction made by an ordinary editing command into one that
 * records the same change as suggestions (see model.ts for what they are in the document).
 *
 * PLACEHOLDER in the base commit of issue 12: the engine's helper replaces this body.
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import type { Reviewer } from './model';

/**
 * The transaction that records `tr` (made on `state` by an ordinary command) as suggestions by
 * `reviewer` at `now`, or null when `tr` holds a change that cannot be recorded (the command is
 * then refused, and disabled, in Suggesting mode). A transaction that changes no content (a
 * selection, a comment, review data) comes back as it is.
 */
export function suggestTransaction(state: EditorState, tr: Transaction, reviewer: Reviewer, now: Date): Transaction | null {
  void state;
  void reviewer;
  void now;
  return tr.docChanged ? null : tr;
}
